package dev.ragchat.api.analytics.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import dev.ragchat.api.access.Caller;
import dev.ragchat.api.access.Scope;
import dev.ragchat.api.analytics.Analytics;
import dev.ragchat.api.analytics.Usage;
import dev.ragchat.api.analytics.UsageNames;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Usage analytics, for the master key and for keys with the {@code admin} scope: a key
 * limited to some knowledge bases sees only their usage.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/analytics", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "analytics", description = "Usage analytics (master key, or an API key with the admin scope)")
@SecurityRequirement(name = "masterKey")
class AnalyticsController {

	/** The first instant a report may cover: four-digit years only. */
	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	/** The end of the last day a report may cover, 9999-12-31. */
	private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

	private final Analytics analytics;

	private final UsageNames names;

	private final Clock clock;

	AnalyticsController(Analytics analytics, UsageNames names, Clock clock) {
		this.analytics = analytics;
		this.names = names;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "Usage per UTC day in [from, to): 'from' and 'to' are ISO-8601 instants or UTC days"
			+ " (yyyy-MM-dd; a day as 'to' counts that whole day); the last 30 days by default")
	Usage usage(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String knowledgeBase, @RequestParam(required = false) String key) {
		caller.require(Scope.ADMIN, null);
		String kb = blankToNull(knowledgeBase);
		if (kb != null && !caller.mayUse(kb)) {
			throw new NotFoundException("No knowledge base '" + kb + "'");
		}
		Set<String> among = caller.mayUseAll() ? null : Set.copyOf(caller.knowledgeBases());
		Instant end = (to == null || to.isBlank()) ? this.clock.instant() : instant("to", to, true);
		Instant start = (from == null || from.isBlank())
				? LocalDate.ofInstant(end, ZoneOffset.UTC).minusDays(29).atStartOfDay(ZoneOffset.UTC).toInstant()
				: instant("from", from, false);
		return this.names.name(this.analytics.usage(start, end, kb, among, blankToNull(key)));
	}

	private static Instant instant(String name, String value, boolean end) {
		Instant instant;
		try {
			if (value.length() == 10) {
				Instant day = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
				instant = end ? day.plus(1, ChronoUnit.DAYS) : day;
			}
			else {
				instant = Instant.parse(value);
			}
		}
		catch (DateTimeParseException ex) {
			throw new RejectedInputException(name
					+ " must be a UTC day such as 2026-01-31 or an ISO-8601 instant such as 2026-01-31T12:00:00Z; got '"
					+ value + "'");
		}
		// Instant.parse reads years up to a billion, which the stores cannot hold
		if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
			throw new RejectedInputException(
					name + " must be between 0001-01-01 and 9999-12-31 (UTC); got '" + value + "'");
		}
		return instant;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
