package dev.ragchat.api.audit.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import dev.ragchat.api.audit.Audit;
import dev.ragchat.api.audit.AuditEvent;
import dev.ragchat.errors.RejectedInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail read back, for the master key.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "audit", description = "The audit trail (master key only)")
@SecurityRequirement(name = "masterKey")
class AuditController {

	static final int MAX_LIMIT = 1000;

	private final Audit audit;

	AuditController(Audit audit) {
		this.audit = audit;
	}

	@GetMapping
	@Operation(summary = "Audit events, oldest first: the newest 'limit' (at most 1000) with a time in [from, to)"
			+ " and the given action")
	AuditList read(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String action, @RequestParam(defaultValue = "1000") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new RejectedInputException("limit must be between 1 and " + MAX_LIMIT);
		}
		Instant start = instant("from", from);
		Instant end = instant("to", to);
		if (start != null && end != null && end.isBefore(start)) {
			throw new RejectedInputException("to must not be before from");
		}
		return new AuditList(this.audit.read(start, end, (action == null || action.isBlank()) ? null : action, limit));
	}

	private static Instant instant(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new RejectedInputException(
					name + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z; got '" + value + "'");
		}
	}

	record AuditList(List<AuditEvent> events) {

	}

}
