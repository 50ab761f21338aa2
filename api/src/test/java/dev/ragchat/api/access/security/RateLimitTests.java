package dev.ragchat.api.access.security;

import dev.ragchat.api.Calls;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = { "ragchat.rate-limit.enabled=true", "ragchat.rate-limit.per-key-requests=3",
		"ragchat.rate-limit.per-key-period=1h", "ragchat.rate-limit.failed-authentication-requests=3",
		"ragchat.rate-limit.failed-authentication-period=1h" })
@AutoConfigureMockMvc
class RateLimitTests {

	@Autowired
	MockMvc mvc;

	@Value("${ragchat.master-key}")
	String masterKey;

	@Test
	void answers429WithRetryAfterWhenKeyUsesUpItsBudget() throws Exception {
		// the master key spends one request issuing each key, so issue both first
		String first = Calls.issueKey(this.mvc, this.masterKey, "{}").get("key").asText();
		String second = Calls.issueKey(this.mvc, this.masterKey, "{}").get("key").asText();
		for (int i = 0; i < 3; i++) {
			startSession(first, "10.0.0.1").andExpect(status().isCreated());
		}
		startSession(first, "10.0.0.1").andExpect(status().isTooManyRequests())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().exists("Retry-After"));
		startSession(second, "10.0.0.1").andExpect(status().isCreated());
	}

	@Test
	void answers429WhenOneAddressFailsAuthenticationTooOften() throws Exception {
		for (int i = 0; i < 3; i++) {
			badKey("10.0.0.9").andExpect(status().isUnauthorized());
		}
		badKey("10.0.0.9").andExpect(status().isTooManyRequests())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().exists("Retry-After"));
		badKey("10.0.0.10").andExpect(status().isUnauthorized());
	}

	@Test
	void refusesEvenTheRightCredentialWhileAnAddressIsLockedOut() throws Exception {
		String apiKey = Calls.issueKey(this.mvc, this.masterKey, "{}").get("key").asText();
		String token = startSession(apiKey, "10.0.0.20").andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
		for (int i = 0; i < 3; i++) {
			badKey("10.0.0.20").andExpect(status().isUnauthorized());
		}
		String wrong = badKey("10.0.0.20").andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// the right master key, a valid API key and a valid session token: refused alike
		String right = withMasterKey(this.masterKey, "10.0.0.20").andExpect(status().isTooManyRequests())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().exists("Retry-After"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// the same answer, but for the seconds left (which may tick between the two
		// calls)
		assertThat(right.replaceAll("\\d+", "N")).isEqualTo(wrong.replaceAll("\\d+", "N"));
		startSession(apiKey, "10.0.0.20").andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
		this.mvc.perform(get("/api/v1/sessions/whatever").secure(true).with((request) -> {
			request.setRemoteAddr("10.0.0.20");
			return request;
		}).header("Authorization", "Bearer " + token))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
		// other addresses are not affected, and public routes stay open
		startSession(apiKey, "10.0.0.21").andExpect(status().isCreated());
		this.mvc.perform(get("/actuator/health").secure(true).with((request) -> {
			request.setRemoteAddr("10.0.0.20");
			return request;
		})).andExpect(status().isOk());
	}

	private ResultActions withMasterKey(String key, String address) throws Exception {
		return this.mvc.perform(get("/api/v1/keys").secure(true).with((request) -> {
			request.setRemoteAddr(address);
			return request;
		}).header("X-Master-Key", key));
	}

	private ResultActions startSession(String key, String address) throws Exception {
		return this.mvc.perform(post("/api/v1/sessions").secure(true).with((request) -> {
			request.setRemoteAddr(address);
			return request;
		}).header("X-API-Key", key).contentType(MediaType.APPLICATION_JSON).content("{\"knowledgeBase\":\"default\"}"));
	}

	private ResultActions badKey(String address) throws Exception {
		return withMasterKey("wrong-master-key-guess", address);
	}

}
