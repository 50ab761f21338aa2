package dev.ragchat.api.analytics.web;

import java.net.URI;
import java.util.List;

import dev.ragchat.api.access.ApiKeyStore;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.analytics.Analytics;
import dev.ragchat.api.analytics.UsageNames;
import dev.ragchat.api.chat.MessageStore;
import dev.ragchat.api.chat.SessionStore;
import dev.ragchat.api.chatconfig.ChatConfigStore;
import dev.ragchat.api.feedback.FeedbackStore;
import dev.ragchat.ingestion.DocumentStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The days a usage report covers, as the analytics endpoint reads them: a bad day, a day
 * the stores cannot hold or a range that ends before it starts is a 400 problem naming
 * the parameter; the edges of the range are days like any other. The web edge with the
 * real {@link Analytics} and {@link UsageNames} (a {@code @WebMvcTest} slice), the stores
 * they read (other modules' ports) empty; the master key asks.
 */
@WebMvcTest(controllers = AnalyticsController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(AnalyticsRangeSliceTests.Reports.class)
class AnalyticsRangeSliceTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SessionStore sessions;

	@MockitoBean
	MessageStore messages;

	@MockitoBean
	DocumentStore documents;

	@MockitoBean
	FeedbackStore feedback;

	@MockitoBean
	ApiKeyStore keys;

	@MockitoBean
	ChatConfigStore chatConfigs;

	@BeforeEach
	void asTheMasterKey() {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(Caller.master(), null));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void refusesABadDayWithAProblem() throws Exception {
		usage("from=yesterday").andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.detail").value(containsString("from must be a UTC day")));
	}

	@Test
	void refusesDatesOutOfRangeWithAProblemNamingTheParameter() throws Exception {
		// Instant.parse reads years up to a billion; the stores do not
		for (String query : List.of("to=%2B1000000000-12-31T23:59:59Z", "from=-1000000000-01-01T00:00:00Z",
				"from=%2B1000000000-01-01T00:00:00Z", "to=%2B10000-01-01T00:00:01Z",
				"from=-0001-12-31T00:00:00Z&to=0001-01-02")) {
			String param = query.substring(0, query.indexOf('='));
			usage(query).andExpect(status().isBadRequest())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value(startsWith(param + " must be")))
				.andExpect(jsonPath("$.detail").value(containsString("0001-01-01")))
				.andExpect(jsonPath("$.detail").value(containsString("9999-12-31")));
		}
		usage("from=2026-02-01&to=2026-01-01").andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("to must be after from")));
	}

	@Test
	void readsTheEdgesOfTheRangeAsDaysLikeAnyOther() throws Exception {
		// a day as 'to' counts that whole day
		usage("from=0001-01-01&to=0001-01-31").andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value("0001-01-01T00:00:00Z"))
			.andExpect(jsonPath("$.to").value("0001-02-01T00:00:00Z"));
		// 'from' defaults to the 30 days that end with 'to'
		usage("to=9999-12-31").andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value("9999-12-03T00:00:00Z"))
			.andExpect(jsonPath("$.to").value("+10000-01-01T00:00:00Z"));
	}

	private ResultActions usage(String query) throws Exception {
		// as sent: a %2B stays a plus sign, not a percent sign encoded once more
		return this.mvc.perform(get(URI.create("/api/v1/admin/analytics?" + query)));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Reports {

		@Bean
		Analytics analytics(SessionStore sessions, MessageStore messages, DocumentStore documents,
				FeedbackStore feedback) {
			return new Analytics(sessions, messages, documents, feedback);
		}

		@Bean
		UsageNames usageNames(ApiKeyStore keys, ChatConfigStore chatConfigs) {
			return new UsageNames(keys, chatConfigs);
		}

	}

}
