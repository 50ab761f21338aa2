package dev.ragchat.api.chat;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractHttpsIntegrationTests;
import dev.ragchat.ingestion.DocumentStore;
import dev.ragchat.retrieval.ChunkIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files dropped into a conversation, over HTTP: read as any upload into the session's own
 * knowledge base and asked there, with citations that name it; no one else's to list,
 * search, open or ask (another session, another key, the master key); gone with the
 * session (the file, its chunks and its original).
 */
class SessionFilesTests extends AbstractHttpsIntegrationTests {

	private static final String TIDE = "When is high tide at the Wrenmoor jetty on Sundays?";

	private static final String TIDE_FILE = "# Wrenmoor jetty\n\nOn Sundays high tide at the Wrenmoor jetty is at"
			+ " a quarter past eleven in the morning.\n";

	@Autowired
	ChunkIndex index;

	@Autowired
	DocumentStore documents;

	String harbour;

	/** A key that may chat in the harbour, and upload nothing. */
	String chatOnly;

	@BeforeEach
	void knowledgeBase() {
		this.harbour = createKnowledgeBase("drop-harbour");
		this.chatOnly = issueKey("{\"scopes\":[\"chat\"],\"knowledgeBases\":[\"" + this.harbour + "\"]}");
	}

	@Test
	void aFileDroppedIntoASessionIsAskedThereWithCitationsInTheSessionsOwnKnowledgeBase() {
		JsonNode session = startSession(this.chatOnly, this.harbour);
		assertThat(askIn(session, TIDE).get("grounded").asBoolean()).as("the harbour knows no tides").isFalse();

		JsonNode dropped = dropAndAwait(session, "tides.md", TIDE_FILE);
		assertThat(dropped.get("status").asText()).as(dropped.toString()).isEqualTo("READY");
		assertThat(dropped.get("knowledgeBase").asText()).isEqualTo(id(session));
		JsonNode shown = call("GET", "/api/v1/sessions/" + id(session), "Authorization", bearerOf(session)).json();
		assertThat(shown.get("knowledgeBases")).extracting(JsonNode::asText).containsExactly(this.harbour, id(session));

		JsonNode answer = askIn(session, TIDE);
		assertThat(answer.get("grounded").asBoolean()).as(answer.toString()).isTrue();
		assertThat(answer.at("/citations/0/documentId").asText()).isEqualTo(dropped.get("id").asText());
		assertThat(answer.at("/citations/0/knowledgeBase").asText()).isEqualTo(id(session));
		assertThat(answer.get("passages")).isNotEmpty()
			.allSatisfy((passage) -> assertThat(passage.get("knowledgeBase").asText()).isEqualTo(id(session)));

		// the key that started it lists the files and opens their original
		Answer listed = call("GET", "/api/v1/sessions/" + id(session) + "/files", "X-API-Key", this.chatOnly);
		assertThat(listed.status()).as(listed.text()).isEqualTo(200);
		assertThat(listed.json().get("files")).extracting((f) -> f.get("filename").asText())
			.containsExactly("tides.md");
		Answer original = call("GET",
				"/api/v1/sessions/" + id(session) + "/files/" + dropped.get("id").asText() + "/content", "X-API-Key",
				this.chatOnly);
		assertThat(original.text()).isEqualTo(TIDE_FILE);

		// a scope changed from the console keeps the dropped files
		Answer rescoped = call(this.rest.put()
			.uri(url("/api/v1/sessions/" + id(session) + "/scope"))
			.header("Authorization", bearerOf(session))
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body("{\"knowledgeBases\":[]}"));
		assertThat(rescoped.status()).as(rescoped.text()).isEqualTo(200);
		assertThat(askIn(session, TIDE).get("grounded").asBoolean()).isTrue();
	}

	@Test
	void aDroppedFileIsNoOneElsesToListSearchOpenOrAsk() {
		JsonNode session = startSession(this.chatOnly, this.harbour);
		String file = dropAndAwait(session, "tides.md", TIDE_FILE).get("id").asText();
		String own = id(session);

		// another session of the same key does not ask it, nor may it take it in
		JsonNode other = startSession(this.chatOnly, this.harbour);
		assertThat(askIn(other, TIDE).get("grounded").asBoolean()).isFalse();
		assertThat(call(this.rest.put()
			.uri(url("/api/v1/sessions/" + id(other) + "/scope"))
			.header("Authorization", bearerOf(other))
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body("{\"knowledgeBases\":[\"" + own + "\"]}")).problem(404)).contains(own);
		assertThat(call("GET", "/api/v1/sessions/" + own + "/files", "Authorization", bearerOf(other)).status())
			.isEqualTo(404);
		assertThat(postJson("/api/v1/sessions", "X-API-Key", this.chatOnly,
				"{\"knowledgeBase\":\"" + this.harbour + "\",\"knowledgeBases\":[\"" + own + "\"]}")
			.problem(404)).contains(own);

		// another key, even one that may use every knowledge base
		String everywhere = issueKey("{\"scopes\":[\"chat\",\"upload\",\"admin\"],\"knowledgeBases\":[\"*\"]}");
		assertThat(call("GET", "/api/v1/sessions/" + own + "/files", "X-API-Key", everywhere).status()).isEqualTo(404);
		assertThat(call("GET", "/api/v1/sessions/" + own + "/files/" + file + "/content", "X-API-Key", everywhere)
			.status()).isEqualTo(404);
		assertThat(postJson("/v1/chat/completions", "Authorization", "Bearer " + everywhere,
				"{\"model\":\"kb:" + this.harbour + "\",\"knowledgeBases\":[\"" + own
						+ "\"],\"messages\":[{\"role\":\"user\",\"content\":\"" + TIDE + "\"}]}")
			.status()).isEqualTo(404);

		// nor the master key, through the knowledge bases' own routes
		for (String key : new String[] { "X-Master-Key", "X-API-Key" }) {
			String credential = key.equals("X-Master-Key") ? this.masterKey : everywhere;
			assertThat(call("GET", "/api/v1/knowledge-bases", key, credential).json().get("knowledgeBases"))
				.extracting((kb) -> kb.get("id").asText())
				.doesNotContain(own);
			assertThat(call("GET", "/api/v1/knowledge-bases/" + own + "/documents", key, credential).status())
				.isEqualTo(404);
			assertThat(
					call("GET", "/api/v1/knowledge-bases/" + own + "/documents/" + file + "/content", key, credential)
						.status())
				.isEqualTo(404);
			assertThat(postJson("/api/v1/knowledge-bases/" + own + "/search", key, credential,
					"{\"query\":\"Wrenmoor tide\"}")
				.status()).isEqualTo(404);
			assertThat(
					call("DELETE", "/api/v1/knowledge-bases/" + own + "/documents/" + file, key, credential).status())
				.isEqualTo(404);
		}
		assertThat(askIn(session, TIDE).get("grounded").asBoolean()).as("still there, in its session").isTrue();
	}

	@Test
	void deletingTheSessionDeletesItsFilesTheirChunksAndOriginals() {
		JsonNode session = startSession(this.chatOnly, this.harbour);
		String file = dropAndAwait(session, "tides.md", TIDE_FILE).get("id").asText();
		assertThat(this.index.count(file)).isPositive();

		Answer deleted = call("DELETE", "/api/v1/sessions/" + id(session), "X-API-Key", this.chatOnly);
		assertThat(deleted.status()).as(deleted.text()).isEqualTo(204);

		assertThat(
				call("GET", "/api/v1/sessions/" + id(session) + "/files/" + file, "X-API-Key", this.chatOnly).status())
			.isEqualTo(404);
		assertThat(postJson("/api/v1/knowledge-bases/" + id(session) + "/search", "X-Master-Key", this.masterKey,
				"{\"query\":\"Wrenmoor tide\"}")
			.status()).isEqualTo(404);
		assertThat(this.documents.findById(file)).isEmpty();
		assertThat(this.index.count(file)).isZero();
		JsonNode fresh = startSession(this.chatOnly, this.harbour);
		assertThat(askIn(fresh, TIDE).get("grounded").asBoolean()).isFalse();
	}

	@Test
	void aFileOfATypeNotReadOrEmptyIsAProblemAndChangesNothing() {
		JsonNode session = startSession(this.chatOnly, this.harbour);
		Answer unsupported = drop(session, "tool.exe", new byte[] { 'M', 'Z', 0, 1, 2, 3, 4, 5 });
		assertThat(unsupported.problem(415)).contains("tool.exe");
		Answer empty = drop(session, "empty.md", new byte[0]);
		assertThat(empty.problem(400)).contains("empty");
		JsonNode shown = call("GET", "/api/v1/sessions/" + id(session), "Authorization", bearerOf(session)).json();
		assertThat(shown.get("knowledgeBases")).extracting(JsonNode::asText).containsExactly(this.harbour);
		assertThat(call("GET", "/api/v1/sessions/" + id(session) + "/files", "Authorization", bearerOf(session)).json()
			.get("files")).isEmpty();
	}

	private JsonNode dropAndAwait(JsonNode session, String filename, String text) {
		Answer dropped = drop(session, filename, text.getBytes(StandardCharsets.UTF_8));
		assertThat(dropped.status()).as(dropped.text()).isEqualTo(202);
		String statusUrl = dropped.json().at("/files/0/statusUrl").asText();
		Answer done = call("GET", statusUrl + "?waitSeconds=60", "Authorization", bearerOf(session));
		assertThat(done.status()).as(done.text()).isEqualTo(200);
		return done.json();
	}

	private Answer drop(JsonNode session, String filename, byte[] bytes) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", file(filename, bytes));
		return postMultipart("/api/v1/sessions/" + id(session) + "/files", "Authorization", bearerOf(session), parts);
	}

	private static String id(JsonNode session) {
		return session.get("sessionId").asText();
	}

}
