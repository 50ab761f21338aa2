package dev.ragchat.api.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractWebIntegrationTests;
import dev.ragchat.api.Calls;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Conversations per key (list, preview, delete), session settings and the persona
 * catalog, over HTTP.
 */
class ConversationListTests extends AbstractWebIntegrationTests {

	@Test
	void listsOnlyTheKeysOwnSessionsNewestFirstWithTheLastMessage() throws Exception {
		String mine = issueKey("{}");
		String theirs = issueKey("{}");
		JsonNode first = start(mine, "{\"knowledgeBase\":\"default\"}");
		JsonNode second = start(mine, "{\"knowledgeBase\":\"default\"}");
		JsonNode foreign = start(theirs, "{\"knowledgeBase\":\"default\"}");
		ask(second, "Is there anything about kestrels?");
		JsonNode listed = json.readTree(this.mvc.perform(get("/api/v1/sessions").secure(true).header("X-API-Key", mine))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(listed.get("total").asLong()).isEqualTo(2);
		assertThat(listed.at("/sessions/0/sessionId").asText()).isEqualTo(second.get("sessionId").asText());
		assertThat(listed.at("/sessions/1/sessionId").asText()).isEqualTo(first.get("sessionId").asText());
		assertThat(listed.at("/sessions/0/lastMessage/role").asText()).isEqualTo("assistant");
		assertThat(listed.at("/sessions/0/lastMessage/preview").asText()).isNotBlank();
		assertThat(listed.at("/sessions/1/lastMessage").isNull()).isTrue();
		assertThat(listed.toString()).doesNotContain(foreign.get("sessionId").asText());
		// paged
		this.mvc.perform(get("/api/v1/sessions?offset=1&limit=1").secure(true).header("X-API-Key", mine))
			.andExpect(jsonPath("$.sessions.length()").value(1))
			.andExpect(jsonPath("$.sessions[0].sessionId").value(first.get("sessionId").asText()));
		// another key's session cannot be deleted by this key: 404, and it stays
		this.mvc
			.perform(delete("/api/v1/sessions/" + foreign.get("sessionId").asText()).secure(true)
				.header("X-API-Key", mine))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/api/v1/sessions/" + foreign.get("sessionId").asText()).secure(true)
				.header("Authorization", "Bearer " + foreign.get("token").asText()))
			.andExpect(status().isOk());
	}

	@Test
	void givesTheKeyThatStartedASessionANewTokenToTakeItUpAgain() throws Exception {
		String mine = issueKey("{}");
		String theirs = issueKey("{}");
		JsonNode session = start(mine, "{\"knowledgeBase\":\"default\"}");
		ask(session, "Anything about lighthouses?");
		String id = session.get("sessionId").asText();
		JsonNode resumed = json
			.readTree(this.mvc.perform(post("/api/v1/sessions/" + id + "/token").secure(true).header("X-API-Key", mine))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(resumed.get("sessionId").asText()).isEqualTo(id);
		// a new token lives from now: it expires no sooner than the first
		assertThat(java.time.Instant.parse(resumed.get("expiresAt").asText()))
			.isAfterOrEqualTo(java.time.Instant.parse(session.get("expiresAt").asText()));
		this.mvc
			.perform(get("/api/v1/sessions/" + id + "/messages").secure(true)
				.header("Authorization", "Bearer " + resumed.get("token").asText()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2));
		this.mvc.perform(post("/api/v1/sessions/" + id + "/token").secure(true).header("X-API-Key", theirs))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/v1/sessions/" + id + "/token").secure(true)
				.header("Authorization", "Bearer " + session.get("token").asText()))
			.andExpect(status().isForbidden());
	}

	@Test
	void neverGivesATokenThatOutlivesItsKey() throws Exception {
		JsonNode key = dev.ragchat.api.Calls.issueKey(this.mvc, this.masterKey, "{\"ttlSeconds\":120}");
		JsonNode session = start(key.get("key").asText(), "{\"knowledgeBase\":\"default\"}");
		assertThat(session.get("expiresAt").asText()).isEqualTo(key.get("expiresAt").asText());
		this.mvc
			.perform(post("/api/v1/sessions/" + session.get("sessionId").asText() + "/token").secure(true)
				.header("X-API-Key", key.get("key").asText()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.expiresAt").value(key.get("expiresAt").asText()));
	}

	@Test
	void listsEachConversationWithItsFirstQuestionToNameItBy() throws Exception {
		String key = issueKey("{}");
		JsonNode session = start(key, "{\"knowledgeBase\":\"default\"}");
		JsonNode empty = start(key, "{\"knowledgeBase\":\"default\"}");
		ask(session, "Anything about lighthouses?");
		ask(session, "And about harbours?");
		JsonNode listed = json.readTree(this.mvc.perform(get("/api/v1/sessions").secure(true).header("X-API-Key", key))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(listed.at("/sessions/0/sessionId").asText()).isEqualTo(empty.get("sessionId").asText());
		assertThat(listed.at("/sessions/0/firstQuestion").isNull()).isTrue();
		assertThat(listed.at("/sessions/1/firstQuestion").asText()).isEqualTo("Anything about lighthouses?");
		assertThat(listed.at("/sessions/1/lastMessage/role").asText()).isEqualTo("assistant");
	}

	@Test
	void namesASessionWithTheKeyThatStartedItAndListsItsName() throws Exception {
		String mine = issueKey("{}");
		String theirs = issueKey("{}");
		JsonNode session = start(mine, "{\"knowledgeBase\":\"default\"}");
		String id = session.get("sessionId").asText();
		this.mvc
			.perform(put("/api/v1/sessions/" + id + "/title").secure(true)
				.header("X-API-Key", mine)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"  Lighthouse questions \"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Lighthouse questions"));
		this.mvc.perform(get("/api/v1/sessions").secure(true).header("X-API-Key", mine))
			.andExpect(jsonPath("$.sessions[0].title").value("Lighthouse questions"));
		this.mvc
			.perform(put("/api/v1/sessions/" + id + "/title").secure(true)
				.header("X-API-Key", theirs)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"Mine now\"}"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(put("/api/v1/sessions/" + id + "/title").secure(true)
				.header("Authorization", "Bearer " + session.get("token").asText())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"" + "x".repeat(201) + "\"}"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void deletingWithTheApiKeyRemovesTheSessionItsHistoryAndItsToken() throws Exception {
		String key = issueKey("{}");
		JsonNode session = start(key, "{\"knowledgeBase\":\"default\"}");
		ask(session, "Anything about lighthouses?");
		String id = session.get("sessionId").asText();
		this.mvc.perform(delete("/api/v1/sessions/" + id).secure(true).header("X-API-Key", key))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/sessions").secure(true).header("X-API-Key", key))
			.andExpect(jsonPath("$.total").value(0));
		this.mvc
			.perform(get("/api/v1/sessions/" + id + "/messages").secure(true)
				.header("Authorization", "Bearer " + session.get("token").asText()))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(delete("/api/v1/sessions/" + id).secure(true).header("X-API-Key", key))
			.andExpect(status().isNotFound());
	}

	@Test
	void changesSettingsWithinTheLimitsOfCreation() throws Exception {
		String key = issueKey("{}");
		JsonNode session = start(key, "{\"knowledgeBase\":\"default\",\"temperature\":0.3}");
		String id = session.get("sessionId").asText();
		String bearer = "Bearer " + session.get("token").asText();
		this.mvc
			.perform(put("/api/v1/sessions/" + id).secure(true)
				.header("Authorization", bearer)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"systemPrompt\":\"Be terse.\",\"topK\":3}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.systemPrompt").value("Be terse."))
			.andExpect(jsonPath("$.topK").value(3))
			.andExpect(jsonPath("$.temperature").value(0.3));
		this.mvc
			.perform(put("/api/v1/sessions/" + id).secure(true)
				.header("Authorization", bearer)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"temperature\":2.5,\"topK\":51}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail")
				.value("temperature must be less than or equal to 2.0;" + " topK must be less than or equal to 50"));
		this.mvc.perform(get("/api/v1/sessions/" + id).secure(true).header("Authorization", bearer))
			.andExpect(jsonPath("$.topK").value(3));
		// the API key cannot change a session's settings: the token does
		this.mvc
			.perform(put("/api/v1/sessions/" + id).secure(true)
				.header("X-API-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"topK\":4}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void refusesToChangeASessionStartedFromALockedConfiguration() throws Exception {
		String key = issueKey("{}");
		String locked = config(key, "{\"title\":\"Locked\",\"knowledgeBase\":\"default\",\"editable\":false}");
		String open = config(key, "{\"title\":\"Open\",\"knowledgeBase\":\"default\"}");
		JsonNode fromLocked = start(key, "{\"configId\":\"" + locked + "\"}");
		JsonNode fromOpen = start(key, "{\"configId\":\"" + open + "\"}");
		this.mvc
			.perform(put("/api/v1/sessions/" + fromLocked.get("sessionId").asText()).secure(true)
				.header("Authorization", "Bearer " + fromLocked.get("token").asText())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"model\":\"gemini-2.5-pro\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not editable")));
		this.mvc
			.perform(put("/api/v1/sessions/" + fromOpen.get("sessionId").asText()).secure(true)
				.header("Authorization", "Bearer " + fromOpen.get("token").asText())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"model\":\"gemini-2.5-pro\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.model").value("gemini-2.5-pro"));
	}

	@Test
	void listsThePersonasTheKeyMayUseWithDescriptionAndAvatar() throws Exception {
		String kb = createKnowledgeBase("personas");
		String wide = issueKey("{}");
		String narrow = issueKey("{\"knowledgeBases\":[\"" + kb + "\"]}");
		String mine = config(wide, "{\"title\":\"Passport clerk\",\"knowledgeBase\":\"" + kb
				+ "\",\"description\":\"Answers visa questions\",\"avatarUrl\":\"https://example.org/clerk.png\"}");
		String elsewhere = config(wide, "{\"title\":\"Elsewhere\",\"knowledgeBase\":\"default\"}");
		JsonNode listed = json
			.readTree(this.mvc.perform(get("/api/v1/chat-configs?limit=100").secure(true).header("X-API-Key", narrow))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(listed.get("total").asLong()).isEqualTo(1);
		assertThat(listed.at("/chatConfigs/0/id").asText()).isEqualTo(mine);
		assertThat(listed.at("/chatConfigs/0/description").asText()).isEqualTo("Answers visa questions");
		assertThat(listed.at("/chatConfigs/0/avatarUrl").asText()).isEqualTo("https://example.org/clerk.png");
		assertThat(listed.toString()).doesNotContain(elsewhere);
		this.mvc
			.perform(post("/api/v1/chat-configs").secure(true)
				.header("X-API-Key", wide)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"T\",\"knowledgeBase\":\"default\",\"avatarUrl\":\"file:///etc/passwd\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("avatarUrl must be an https:// URL"));
	}

	private String config(String key, String body) throws Exception {
		return Calls.createChatConfig(this.mvc, key, body);
	}

	private JsonNode start(String key, String body) throws Exception {
		return json.readTree(
				this.mvc
					.perform(post("/api/v1/sessions").secure(true)
						.header("X-API-Key", key)
						.contentType(MediaType.APPLICATION_JSON)
						.content(body))
					.andExpect(status().isCreated())
					.andReturn()
					.getResponse()
					.getContentAsString());
	}

	private void ask(JsonNode session, String question) throws Exception {
		this.mvc
			.perform(post("/api/v1/sessions/" + session.get("sessionId").asText() + "/messages").secure(true)
				.header("Authorization", "Bearer " + session.get("token").asText())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"message\":\"" + question + "\"}"))
			.andExpect(status().isOk());
	}

}
