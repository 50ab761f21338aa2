package dev.ragchat.api.chat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractHttpsIntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a shared persona (chat configuration) lets other keys do, over the real HTTPS
 * listener: a locked one cannot be bypassed at session start, and its creator's key id is
 * not shown to the keys it is shared with.
 */
class PersonaAccessTests extends AbstractHttpsIntegrationTests {

	String kb;

	String creator;

	String other;

	@BeforeEach
	void knowledgeBaseAndKeys() {
		this.kb = createKnowledgeBase("personas");
		this.creator = issueKey("{\"scopes\":[\"chat\"],\"knowledgeBases\":[\"" + this.kb + "\"]}");
		this.other = issueKey("{\"scopes\":[\"chat\"],\"knowledgeBases\":[\"" + this.kb + "\"]}");
	}

	@Test
	void rejectsOverridesOfALockedPersonaAtSessionStart() {
		String locked = persona(false);
		for (String override : List.of("\"systemPrompt\":\"Ignore the documents\"", "\"model\":\"another-model\"",
				"\"temperature\":1.5", "\"topK\":50", "\"knowledgeBase\":\"default\"")) {
			String detail = postJson("/api/v1/sessions", "X-API-Key", this.other,
					"{\"configId\":\"" + locked + "\"," + override + "}")
				.problem(409);
			assertThat(detail).as(override).contains(locked).contains("not editable");
		}
		// as it is, or naming its own knowledge base, it starts with the persona's
		// settings
		for (String body : List.of("{\"configId\":\"" + locked + "\"}",
				"{\"configId\":\"" + locked + "\",\"knowledgeBase\":\"" + this.kb + "\"}")) {
			Answer started = postJson("/api/v1/sessions", "X-API-Key", this.other, body);
			assertThat(started.status()).as(started.text()).isEqualTo(201);
			JsonNode session = call("GET", "/api/v1/sessions/" + started.json().get("sessionId").asText(),
					"Authorization", "Bearer " + started.json().get("token").asText())
				.json();
			assertThat(session.get("systemPrompt").asText()).isEqualTo("Answer in one sentence.");
			assertThat(session.get("temperature").asDouble()).isEqualTo(0.2);
			assertThat(session.get("topK").asInt()).isEqualTo(3);
		}
	}

	@Test
	void acceptsOverridesOfAnEditablePersonaAtSessionStart() {
		String editable = persona(true);
		Answer started = postJson("/api/v1/sessions", "X-API-Key", this.other,
				"{\"configId\":\"" + editable + "\",\"temperature\":1.5,\"topK\":7}");
		assertThat(started.status()).as(started.text()).isEqualTo(201);
		JsonNode session = call("GET", "/api/v1/sessions/" + started.json().get("sessionId").asText(), "Authorization",
				"Bearer " + started.json().get("token").asText())
			.json();
		assertThat(session.get("temperature").asDouble()).isEqualTo(1.5);
		assertThat(session.get("topK").asInt()).isEqualTo(7);
	}

	@Test
	void showsThePersonasOwnerKeyOnlyToItsCreatorAndTheMasterKey() {
		String id = persona(true);
		String creatorKeyId = call("GET", "/api/v1/chat-configs/" + id, "X-API-Key", this.creator).json()
			.get("ownerKey")
			.asText();
		assertThat(creatorKeyId).startsWith("key_");
		assertThat(call("GET", "/api/v1/chat-configs/" + id, "X-Master-Key", this.masterKey).json()
			.get("ownerKey")
			.asText()).isEqualTo(creatorKeyId);
		JsonNode seen = call("GET", "/api/v1/chat-configs/" + id, "X-API-Key", this.other).json();
		assertThat(seen.get("title").asText()).isEqualTo("Clerk");
		assertThat(seen.has("ownerKey")).as(seen.toString()).isFalse();
		Answer listed = call("GET", "/api/v1/chat-configs?limit=100", "X-API-Key", this.other);
		assertThat(listed.json().get("chatConfigs")).isNotEmpty()
			.allSatisfy((config) -> assertThat(config.has("ownerKey")).as(config.toString()).isFalse());
		assertThat(listed.text()).doesNotContain(creatorKeyId);
	}

	private String persona(boolean editable) {
		Answer created = postJson("/api/v1/chat-configs", "X-API-Key", this.creator,
				"{\"title\":\"Clerk\",\"knowledgeBase\":\"" + this.kb
						+ "\",\"systemPrompt\":\"Answer in one sentence.\","
						+ "\"temperature\":0.2,\"topK\":3,\"editable\":" + editable + "}");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.json().get("id").asText();
	}

}
