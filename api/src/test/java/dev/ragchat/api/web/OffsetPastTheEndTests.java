package dev.ragchat.api.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractHttpsIntegrationTests;
import dev.ragchat.api.Calls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every paged list, over HTTP, asked for the largest offset with the largest page: 200
 * and an empty page, never a 500 (an {@code offset + limit} that overflowed gave one on
 * the conversation list of a key limited to some knowledge bases).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OffsetPastTheEndTests extends AbstractHttpsIntegrationTests {

	private static final String PAST_THE_END = "offset=" + Integer.MAX_VALUE + "&limit=100";

	private String kb;

	private String limitedKey;

	private String anyKey;

	private String sessionId;

	private String sessionToken;

	@BeforeEach
	void conversation() {
		if (this.sessionToken != null) {
			return;
		}
		this.kb = createKnowledgeBase("past-the-end");
		this.limitedKey = issueKey(Calls.chatAndUploadKeyRequest(this.kb));
		this.anyKey = issueKey("{\"scopes\":[\"chat\"]}");
		JsonNode session = postJson("/api/v1/sessions", "X-API-Key", this.limitedKey,
				"{\"knowledgeBase\":\"" + this.kb + "\"}")
			.json();
		this.sessionId = session.get("sessionId").asText();
		this.sessionToken = session.get("token").asText();
		assertThat(postJson("/api/v1/sessions/" + this.sessionId + "/messages", "Authorization",
				"Bearer " + this.sessionToken, "{\"message\":\"When was the lighthouse automated?\"}")
			.status()).isEqualTo(200);
		postJson("/api/v1/sessions", "X-API-Key", this.anyKey, "{\"knowledgeBase\":\"default\"}");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("lists")
	void answersAnOffsetPastTheEndWithAnEmptyPage(String list) {
		Answer page = switch (list) {
			case "conversations of a key limited to a knowledge base" ->
				call("GET", "/api/v1/sessions?" + PAST_THE_END, "X-API-Key", this.limitedKey);
			case "conversations of a key of every knowledge base" ->
				call("GET", "/api/v1/sessions?" + PAST_THE_END, "X-API-Key", this.anyKey);
			case "conversations found by a search" ->
				call("GET", "/api/v1/sessions?q=lighthouse&" + PAST_THE_END, "X-API-Key", this.limitedKey);
			case "messages" -> call("GET", "/api/v1/sessions/" + this.sessionId + "/messages?" + PAST_THE_END,
					"Authorization", "Bearer " + this.sessionToken);
			case "chat configurations" ->
				call("GET", "/api/v1/chat-configs?" + PAST_THE_END, "X-API-Key", this.limitedKey);
			case "documents" -> call("GET", "/api/v1/knowledge-bases/" + this.kb + "/documents?" + PAST_THE_END,
					"X-API-Key", this.limitedKey);
			case "evaluations" -> call("GET", "/api/v1/knowledge-bases/" + this.kb + "/evaluations?" + PAST_THE_END,
					"X-API-Key", this.limitedKey);
			case "feedback" -> call("GET", "/api/v1/knowledge-bases/" + this.kb + "/feedback?" + PAST_THE_END,
					"X-Master-Key", this.masterKey);
			case "extractions" -> call("GET", "/api/v1/extractions?" + PAST_THE_END, "X-API-Key", this.limitedKey);
			default -> throw new IllegalArgumentException(list);
		};

		assertThat(page.status()).as(page.text()).isEqualTo(200);
		List<JsonNode> arrays = new ArrayList<>();
		page.json().forEach((member) -> {
			if (member.isArray()) {
				arrays.add(member);
			}
		});
		assertThat(arrays).as(page.text()).singleElement().satisfies((items) -> assertThat(items).isEmpty());
		assertThat(page.json().get("offset").asInt()).isEqualTo(Integer.MAX_VALUE);
	}

	static Stream<String> lists() {
		return Stream.of("conversations of a key limited to a knowledge base",
				"conversations of a key of every knowledge base", "conversations found by a search", "messages",
				"chat configurations", "documents", "evaluations", "feedback", "extractions");
	}

}
