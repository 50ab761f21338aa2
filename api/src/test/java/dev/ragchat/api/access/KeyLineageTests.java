package dev.ragchat.api.access;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractWebIntegrationTests;
import dev.ragchat.api.Calls;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A key's lineage over HTTP: a key renewed with {@code POST /api/v1/keys/{id}/renew}
 * takes up the conversations, personas and feedback of the key it renews (with the same
 * scopes and knowledge bases, and rights still checked at each request); a key outside
 * the lineage sees none of it; revoking ends the lineage.
 */
class KeyLineageTests extends AbstractWebIntegrationTests {

	@Test
	void aRenewedKeyListsAndContinuesTheConversationsOfTheKeyItRenews() throws Exception {
		String kb = createKnowledgeBase("lineage");
		JsonNode old = Calls.issueKey(this.mvc, this.masterKey,
				"{\"name\":\"evening\",\"ttlSeconds\":600,\"scopes\":[\"chat\",\"upload\"],\"knowledgeBases\":[\"" + kb
						+ "\"]}");
		String oldKey = old.get("key").asText();
		JsonNode session = Calls.startSession(this.mvc, oldKey, kb);
		String id = session.get("sessionId").asText();
		String answerId = ask(id, session.get("token").asText(), "Anything about lighthouses?").get("id").asText();
		rate(id, answerId, session.get("token").asText(), "{\"rating\":\"up\"}").andExpect(status().isOk());

		JsonNode renewed = renew(old.get("id").asText(), "{\"ttlSeconds\":7200}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.renews").value(old.get("id").asText()))
			.andExpect(jsonPath("$.lineage").value(old.get("id").asText()))
			.andExpect(jsonPath("$.name").value("evening"))
			.andExpect(jsonPath("$.scopes[0]").value("chat"))
			.andExpect(jsonPath("$.scopes[1]").value("upload"))
			.andExpect(jsonPath("$.scopes.length()").value(2))
			.andExpect(jsonPath("$.knowledgeBases[0]").value(kb))
			.andExpect(jsonPath("$.knowledgeBases.length()").value(1))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.transform(this::read);
		String newKey = renewed.get("key").asText();
		assertThat(newKey).isNotEqualTo(oldKey);
		assertThat(Instant.parse(renewed.get("expiresAt").asText()))
			.isAfter(Instant.now().plus(Duration.ofMinutes(110)));

		// the new key lists the old key's conversation, and takes it up
		this.mvc.perform(get("/api/v1/sessions").secure(true).header("X-API-Key", newKey))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.sessions[0].sessionId").value(id));
		String token = token(id, newKey);
		ask(id, token, "And about harbours?");
		this.mvc
			.perform(
					get("/api/v1/sessions/" + id + "/messages").secure(true).header("Authorization", "Bearer " + token))
			.andExpect(jsonPath("$.total").value(4))
			.andExpect(jsonPath("$.messages[0].answer").value("Anything about lighthouses?"))
			.andExpect(jsonPath("$.messages[2].answer").value("And about harbours?"));
		// the old key's rating is the lineage's: the new key's replaces it
		rate(id, answerId, token, "{\"rating\":\"down\",\"reason\":\"Vague\"}").andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/knowledge-bases/" + kb + "/feedback").secure(true).header("X-API-Key", newKey))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.feedback[0].rating").value("down"));
		// a session the new key starts is the old key's too: the old key works until its
		// own expiry, and both are one owner
		String started = Calls.startSession(this.mvc, newKey, kb).get("sessionId").asText();
		this.mvc.perform(get("/api/v1/sessions").secure(true).header("X-API-Key", oldKey))
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.sessions[0].sessionId").value(started));
	}

	@Test
	void aKeyOutsideTheLineageSeesNoneOfItsConversations() throws Exception {
		JsonNode old = Calls.issueKey(this.mvc, this.masterKey, "{}");
		JsonNode session = Calls.startSession(this.mvc, old.get("key").asText(), "default");
		String id = session.get("sessionId").asText();
		renew(old.get("id").asText(), null).andExpect(status().isCreated());
		String stranger = issueKey("{}");

		this.mvc.perform(get("/api/v1/sessions").secure(true).header("X-API-Key", stranger))
			.andExpect(jsonPath("$.total").value(0));
		this.mvc.perform(post("/api/v1/sessions/" + id + "/token").secure(true).header("X-API-Key", stranger))
			.andExpect(status().isNotFound());
		this.mvc.perform(delete("/api/v1/sessions/" + id).secure(true).header("X-API-Key", stranger))
			.andExpect(status().isNotFound());
	}

	@Test
	void aRenewedKeyChangesThePersonasOfTheKeyItRenewsAndOthersMayNot() throws Exception {
		JsonNode old = Calls.issueKey(this.mvc, this.masterKey, "{}");
		String persona = json.readTree(this.mvc
			.perform(post("/api/v1/chat-configs").secure(true)
				.header("X-API-Key", old.get("key").asText())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"Harbour guide\",\"knowledgeBase\":\"default\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()).get("id").asText();
		String newKey = renew(old.get("id").asText(), null).andReturn()
			.getResponse()
			.getContentAsString()
			.transform(this::read)
			.get("key")
			.asText();
		String changed = "{\"title\":\"Harbour guide, shorter\",\"knowledgeBase\":\"default\",\"topK\":3}";
		this.mvc
			.perform(put("/api/v1/chat-configs/" + persona).secure(true)
				.header("X-API-Key", newKey)
				.contentType(MediaType.APPLICATION_JSON)
				.content(changed))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Harbour guide, shorter"))
			.andExpect(jsonPath("$.ownerKey").value(old.get("id").asText()));
		this.mvc
			.perform(put("/api/v1/chat-configs/" + persona).secure(true)
				.header("X-API-Key", issueKey("{}"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(changed))
			.andExpect(status().isForbidden());
	}

	@Test
	void revokingARenewedKeyEndsTheLineageAndARevokedKeyIsNotRenewed() throws Exception {
		JsonNode old = Calls.issueKey(this.mvc, this.masterKey, "{}");
		String oldId = old.get("id").asText();
		JsonNode session = Calls.startSession(this.mvc, old.get("key").asText(), "default");
		String id = session.get("sessionId").asText();
		JsonNode renewed = read(renew(oldId, null).andReturn().getResponse().getContentAsString());
		String newKey = renewed.get("key").asText();
		String token = token(id, newKey);

		this.mvc
			.perform(delete("/api/v1/keys/" + renewed.get("id").asText()).secure(true)
				.header("X-Master-Key", this.masterKey))
			.andExpect(status().isNoContent());
		// every key of the lineage is revoked, its conversations and their tokens end
		this.mvc.perform(get("/api/v1/keys").secure(true).header("X-Master-Key", this.masterKey))
			.andExpect(jsonPath("$.keys[?(@.id == '" + oldId + "')].status").value("revoked"));
		this.mvc.perform(get("/api/v1/sessions").secure(true).header("X-API-Key", old.get("key").asText()))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(
					get("/api/v1/sessions/" + id + "/messages").secure(true).header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized());
		renew(oldId, null).andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("revoked")))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("POST /api/v1/keys")));
		renew("key_nope", null).andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void retiringThePreviousKeyExpiresItAndTheLineageGoesOn() throws Exception {
		JsonNode old = Calls.issueKey(this.mvc, this.masterKey, "{}");
		String oldKey = old.get("key").asText();
		String id = Calls.startSession(this.mvc, oldKey, "default").get("sessionId").asText();
		String newKey = read(renew(old.get("id").asText(), "{\"retirePrevious\":true}").andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()).get("key").asText();

		this.mvc.perform(get("/api/v1/sessions").secure(true).header("X-API-Key", oldKey))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/keys").secure(true).header("X-Master-Key", this.masterKey))
			.andExpect(jsonPath("$.keys[?(@.id == '" + old.get("id").asText() + "')].status").value("expired"));
		this.mvc.perform(get("/api/v1/sessions").secure(true).header("X-API-Key", newKey))
			.andExpect(jsonPath("$.sessions[0].sessionId").value(id));
		// expired, not revoked: it may be renewed again, into the same lineage
		renew(old.get("id").asText(), null).andExpect(status().isCreated())
			.andExpect(jsonPath("$.lineage").value(old.get("id").asText()));
	}

	@Test
	void onlyTheMasterKeyOrTheKeysPersonRenewsAKey() throws Exception {
		JsonNode old = Calls.issueKey(this.mvc, this.masterKey, "{\"scopes\":[\"chat\",\"admin\"]}");
		// a key renewing itself would outlive any lifetime its issuer chose
		this.mvc
			.perform(post("/api/v1/keys/" + old.get("id").asText() + "/renew").secure(true)
				.header("X-API-Key", old.get("key").asText()))
			.andExpect(status().isForbidden());
		renew(old.get("id").asText(), "{\"ttlSeconds\":" + (Duration.ofDays(31).toSeconds()) + "}")
			.andExpect(status().isBadRequest());
	}

	@Test
	void listsTheLineageOfEachKeyAndTheLifetimesTheConsoleOffers() throws Exception {
		JsonNode old = Calls.issueKey(this.mvc, this.masterKey, "{}");
		String renewedId = read(renew(old.get("id").asText(), null).andReturn().getResponse().getContentAsString())
			.get("id")
			.asText();
		this.mvc.perform(get("/api/v1/keys").secure(true).header("X-Master-Key", this.masterKey))
			.andExpect(jsonPath("$.keys[?(@.id == '" + renewedId + "')].lineage").value(old.get("id").asText()))
			.andExpect(jsonPath("$.lifetimes.defaultSeconds").value(Duration.ofDays(1).toSeconds()))
			.andExpect(jsonPath("$.lifetimes.maxSeconds").value(Duration.ofDays(30).toSeconds()));
	}

	private ResultActions renew(String keyId, String body) throws Exception {
		var request = post("/api/v1/keys/" + keyId + "/renew").secure(true).header("X-Master-Key", this.masterKey);
		if (body != null) {
			request = request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return this.mvc.perform(request);
	}

	private String token(String id, String key) throws Exception {
		return read(this.mvc.perform(post("/api/v1/sessions/" + id + "/token").secure(true).header("X-API-Key", key))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).get("token").asText();
	}

	private JsonNode ask(String id, String token, String question) throws Exception {
		return read(this.mvc
			.perform(post("/api/v1/sessions/" + id + "/messages").secure(true)
				.header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"message\":\"" + question + "\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private ResultActions rate(String session, String message, String token, String body) throws Exception {
		return this.mvc.perform(put("/api/v1/sessions/" + session + "/messages/" + message + "/feedback").secure(true)
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private JsonNode read(String body) {
		try {
			return json.readTree(body);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
