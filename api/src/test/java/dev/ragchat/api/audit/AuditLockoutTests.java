package dev.ragchat.api.audit;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A lock-out after too many failed sign-ins writes one refused event, not one per request
 * it refuses. The same settings as {@code RateLimitTests}, so the two share one context.
 */
@SpringBootTest(properties = { "ragchat.rate-limit.enabled=true", "ragchat.rate-limit.per-key-requests=3",
		"ragchat.rate-limit.per-key-period=1h", "ragchat.rate-limit.failed-authentication-requests=3",
		"ragchat.rate-limit.failed-authentication-period=1h" })
@AutoConfigureMockMvc
class AuditLockoutTests {

	private static final String ADDRESS = "10.2.0.1";

	@Autowired
	MockMvc mvc;

	@Autowired
	Audit audit;

	@Test
	void aLockOutWritesOneLockedOutEventAfterItsFailedSignInsHoweverManyRequestsItRefuses() throws Exception {
		for (int i = 0; i < 3; i++) {
			badMasterKey().andExpect(status().isUnauthorized());
		}
		// refused on the fourth failure, then before the key is looked at: one lock-out,
		// one event, however many requests it refuses
		for (int i = 0; i < 4; i++) {
			badMasterKey().andExpect(status().isTooManyRequests());
		}
		List<JsonNode> events = AuditLog.events(this.audit.file())
			.stream()
			.filter((e) -> ADDRESS.equals(e.path("address").asText()))
			.toList();
		assertThat(events).extracting((e) -> e.get("action").asText())
			.containsExactly("sign-in.failed", "sign-in.failed", "sign-in.failed", "sign-in.locked-out");
		JsonNode lockedOut = events.get(3);
		assertThat(lockedOut.get("target").asText()).isEqualTo("credential:master-key");
		assertThat(lockedOut.get("outcome").asText()).isEqualTo("refused");
	}

	private org.springframework.test.web.servlet.ResultActions badMasterKey() throws Exception {
		return this.mvc.perform(
				get("/api/v1/keys").secure(true).header("X-Master-Key", "wrong").with(AuditTrailTests.from(ADDRESS)));
	}

}
