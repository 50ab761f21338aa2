package dev.ragchat.api.chat;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractWebIntegrationTests;
import dev.ragchat.api.Calls;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A conversation outlives its tokens: with tokens that live two seconds, the key that
 * started a session takes it up again, with its history, long after its first token
 * expired; only ending the session (or revoking its key) ends it.
 */
@TestPropertySource(properties = "ragchat.jwt.ttl=2s")
class LastingConversationTests extends AbstractWebIntegrationTests {

	@Autowired
	SessionStore sessions;

	@Test
	void continuesAConversationWithItsHistoryAfterItsFirstTokenExpired() throws Exception {
		String key = issueKey("{}");
		JsonNode first = Calls.startSession(this.mvc, key, "default");
		String id = first.get("sessionId").asText();
		ask(id, first.get("token").asText(), "Anything about lighthouses?").andExpect(status().isOk());

		// the first token expires: refused
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> this.mvc
				.perform(get("/api/v1/sessions/" + id).secure(true)
					.header("Authorization", "Bearer " + first.get("token").asText()))
				.andReturn()
				.getResponse()
				.getStatus() == 401);

		// the key gets a new one, which expires later, and the conversation goes on
		JsonNode renewed = token(id, key);
		assertThat(renewed.get("tokenType").asText()).isEqualTo("Bearer");
		assertThat(renewed.get("messagesUrl").asText()).isEqualTo("/api/v1/sessions/" + id + "/messages");
		assertThat(renewed.get("sessionId").asText()).isEqualTo(id);
		Instant expiresAt = Instant.parse(renewed.get("expiresAt").asText());
		assertThat(expiresAt).isAfter(Instant.parse(first.get("expiresAt").asText()));
		history(id, renewed.get("token").asText()).andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.messages[0].answer").value("Anything about lighthouses?"));
		// (each step with a token of its own: on a busy machine an answer may outlast
		// one)
		ask(id, token(id, key).get("token").asText(), "And about harbours?").andExpect(status().isOk());
		JsonNode latest = token(id, key);
		history(id, latest.get("token").asText()).andExpect(jsonPath("$.total").value(4))
			.andExpect(jsonPath("$.messages[2].answer").value("And about harbours?"));

		// the latest token's expiry is what the key's list says
		this.mvc.perform(get("/api/v1/sessions").secure(true).header("X-API-Key", key))
			.andExpect(jsonPath("$.sessions[0].sessionId").value(id))
			.andExpect(jsonPath("$.sessions[0].expiresAt").value(latest.get("expiresAt").asText()))
			.andExpect(jsonPath("$.sessions[0].endedAt").doesNotExist());
	}

	@Test
	void givesNoTokenForASessionThatWasDeleted() throws Exception {
		String key = issueKey("{}");
		JsonNode session = Calls.startSession(this.mvc, key, "default");
		String id = session.get("sessionId").asText();
		this.mvc.perform(delete("/api/v1/sessions/" + id).secure(true).header("X-API-Key", key))
			.andExpect(status().isNoContent());
		this.mvc.perform(post("/api/v1/sessions/" + id + "/token").secure(true).header("X-API-Key", key))
			.andExpect(status().isNotFound());
	}

	@Test
	void revokingTheKeyEndsItsSessionsAndTheirTokens() throws Exception {
		JsonNode issued = Calls.issueKey(this.mvc, this.masterKey, "{}");
		String key = issued.get("key").asText();
		JsonNode session = Calls.startSession(this.mvc, key, "default");
		String id = session.get("sessionId").asText();
		String token = token(id, key).get("token").asText();
		this.mvc
			.perform(delete("/api/v1/keys/" + issued.get("id").asText()).secure(true)
				.header("X-Master-Key", this.masterKey))
			.andExpect(status().isNoContent());
		assertThat(this.sessions.findById(id).orElseThrow().isOpen()).isFalse();
		history(id, token).andExpect(status().isUnauthorized());
		this.mvc.perform(post("/api/v1/sessions/" + id + "/token").secure(true).header("X-API-Key", key))
			.andExpect(status().isUnauthorized());
	}

	private JsonNode token(String id, String key) throws Exception {
		return json
			.readTree(this.mvc.perform(post("/api/v1/sessions/" + id + "/token").secure(true).header("X-API-Key", key))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
	}

	private ResultActions ask(String id, String token, String question) throws Exception {
		return this.mvc.perform(post("/api/v1/sessions/" + id + "/messages").secure(true)
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"message\":\"" + question + "\"}"));
	}

	private ResultActions history(String id, String token) throws Exception {
		return this.mvc.perform(
				get("/api/v1/sessions/" + id + "/messages").secure(true).header("Authorization", "Bearer " + token));
	}

}
