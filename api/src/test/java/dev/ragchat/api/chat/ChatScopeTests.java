package dev.ragchat.api.chat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractHttpsIntegrationTests;
import dev.ragchat.api.Calls;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chat's scope over HTTP, on every surface that answers (sessions, {@code /v1}, MCP
 * {@code ask}): several knowledge bases asked at once, or only some documents; answers
 * from inside the scope only, each citation naming its knowledge base; and the caller's
 * right to chat in every knowledge base of the scope checked on every request.
 */
class ChatScopeTests extends AbstractHttpsIntegrationTests {

	private static final String LIGHTHOUSE = "When was the lighthouse on Kestrel Point automated?";

	private static final String CRANES = "How many tonnes do the Contoso cranes on the harbour quay lift?";

	private static final String FERRY = "When does the Kestrel Point ferry leave in the morning?";

	@TempDir
	Path dir;

	String harbour;

	String cranes;

	String pdf;

	String ferry;

	String crane;

	/** A key that may chat in both knowledge bases. */
	String both;

	/** A key that may chat in the harbour only. */
	String harbourOnly;

	@BeforeEach
	void knowledgeBases() throws Exception {
		this.harbour = createKnowledgeBase("scope-harbour");
		this.cranes = createKnowledgeBase("scope-cranes");
		this.both = issueKey("{\"scopes\":[\"chat\",\"upload\"],\"knowledgeBases\":[\"" + this.harbour + "\",\""
				+ this.cranes + "\"]}");
		this.harbourOnly = chatAndUploadKey(this.harbour);
		this.pdf = uploadFactsPdf(this.both, this.harbour, this.dir);
		this.ferry = uploadReady(this.both, this.harbour, "ferry.md",
				"# Kestrel Point ferry\n\nThe Kestrel Point ferry leaves at seven in the morning, every day.\n");
		this.crane = uploadReady(this.both, this.cranes, "contoso.md",
				"# Contoso cranes\n\nThe Contoso cranes on the harbour quay lift 40 tonnes.\n");
	}

	@Test
	void aSessionOverTwoKnowledgeBasesAnswersFromEachAndItsCitationsNameTheirKnowledgeBase() {
		JsonNode one = start(this.both, "{\"knowledgeBase\":\"" + this.harbour + "\"}");
		assertThat(askIn(one, CRANES).get("grounded").asBoolean()).as("the harbour alone knows no cranes").isFalse();

		JsonNode session = start(this.both, "{\"knowledgeBases\":[\"" + this.harbour + "\",\"" + this.cranes + "\"]}");
		JsonNode shown = call("GET", "/api/v1/sessions/" + id(session), "Authorization", bearerOf(session)).json();
		assertThat(shown.get("knowledgeBase").asText()).isEqualTo(this.harbour);
		assertThat(shown.get("knowledgeBases")).extracting(JsonNode::asText).containsExactly(this.harbour, this.cranes);
		assertThat(shown.get("documents")).isEmpty();

		JsonNode craneAnswer = askIn(session, CRANES);
		assertThat(craneAnswer.get("grounded").asBoolean()).as(craneAnswer.toString()).isTrue();
		assertThat(craneAnswer.at("/citations/0/documentId").asText()).isEqualTo(this.crane);
		assertThat(craneAnswer.at("/citations/0/knowledgeBase").asText()).isEqualTo(this.cranes);
		JsonNode lighthouse = askIn(session, LIGHTHOUSE);
		assertThat(lighthouse.get("grounded").asBoolean()).as(lighthouse.toString()).isTrue();
		assertThat(lighthouse.at("/citations/0/documentId").asText()).isEqualTo(this.pdf);
		assertThat(lighthouse.at("/citations/0/knowledgeBase").asText()).isEqualTo(this.harbour);
	}

	@Test
	void aSessionNarrowedToADocumentAnswersFromItAloneUntilItsScopeChanges() {
		JsonNode session = start(this.both,
				"{\"knowledgeBase\":\"" + this.harbour + "\",\"documents\":[\"" + this.ferry + "\"]}");
		JsonNode refused = askIn(session, LIGHTHOUSE);
		assertThat(refused.get("grounded").asBoolean()).as("the PDF is outside the scope").isFalse();
		assertThat(refused.get("citations")).isEmpty();
		JsonNode ferryAnswer = askIn(session, FERRY);
		assertThat(ferryAnswer.get("grounded").asBoolean()).as(ferryAnswer.toString()).isTrue();
		assertThat(ferryAnswer.get("citations")).extracting((c) -> c.get("documentId").asText())
			.containsOnly(this.ferry);

		// the whole knowledge base again, and the other one with it
		Answer widened = scope(session, "{\"knowledgeBases\":[\"" + this.cranes + "\"],\"documents\":[]}");
		assertThat(widened.status()).as(widened.text()).isEqualTo(200);
		assertThat(widened.json().get("knowledgeBases")).extracting(JsonNode::asText)
			.containsExactly(this.harbour, this.cranes);
		assertThat(askIn(session, LIGHTHOUSE).at("/citations/0/documentId").asText()).isEqualTo(this.pdf);
		assertThat(askIn(session, CRANES).at("/citations/0/knowledgeBase").asText()).isEqualTo(this.cranes);
	}

	@Test
	void aSessionIsRefusedAKnowledgeBaseOrADocumentItsKeyMayNotChatIn() {
		Answer refused = postJson("/api/v1/sessions", "X-API-Key", this.harbourOnly,
				"{\"knowledgeBases\":[\"" + this.harbour + "\",\"" + this.cranes + "\"]}");
		assertThat(refused.problem(404)).isEqualTo("No knowledge base '" + this.cranes + "'");
		Answer foreignDocument = postJson("/api/v1/sessions", "X-API-Key", this.harbourOnly,
				"{\"knowledgeBase\":\"" + this.harbour + "\",\"documents\":[\"" + this.crane + "\"]}");
		assertThat(foreignDocument.problem(404)).contains("No document '" + this.crane + "'");

		JsonNode session = start(this.harbourOnly, "{\"knowledgeBase\":\"" + this.harbour + "\"}");
		assertThat(scope(session, "{\"knowledgeBases\":[\"" + this.cranes + "\"]}").problem(404))
			.isEqualTo("No knowledge base '" + this.cranes + "'");
		Answer tooMany = scope(session, "{\"documents\":[" + "\"d\",".repeat(100) + "\"d\"]}");
		assertThat(tooMany.status()).isEqualTo(400);
		// nothing changed: the session still asks the whole harbour
		assertThat(askIn(session, LIGHTHOUSE).get("grounded").asBoolean()).isTrue();
	}

	@Test
	void aCompletionAsksTheKnowledgeBasesAndDocumentsItNames() {
		JsonNode completion = completion(this.both, "{\"model\":\"kb:" + this.harbour + "\",\"knowledgeBases\":[\""
				+ this.cranes + "\"],\"messages\":[{\"role\":\"user\",\"content\":\"" + CRANES + "\"}]}", 200);
		assertThat(completion.get("grounded").asBoolean()).as(completion.toString()).isTrue();
		assertThat(completion.at("/citations/0/knowledgeBase").asText()).isEqualTo(this.cranes);
		assertThat(completion.at("/citations/0/documentId").asText()).isEqualTo(this.crane);

		JsonNode narrowed = completion(this.both, "{\"model\":\"kb:" + this.harbour + "\",\"documents\":[\""
				+ this.ferry + "\"],\"messages\":[{\"role\":\"user\",\"content\":\"" + LIGHTHOUSE + "\"}]}", 200);
		assertThat(narrowed.get("grounded").asBoolean()).as(narrowed.toString()).isFalse();

		JsonNode refused = completion(this.harbourOnly, "{\"model\":\"kb:" + this.harbour + "\",\"knowledgeBases\":[\""
				+ this.cranes + "\"],\"messages\":[{\"role\":\"user\",\"content\":\"" + CRANES + "\"}]}", 404);
		assertThat(refused.at("/error/message").asText()).isEqualTo("No knowledge base '" + this.cranes + "'");
		JsonNode malformed = completion(this.both,
				"{\"model\":\"kb:" + this.harbour
						+ "\",\"knowledgeBases\":\"cranes\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
				400);
		assertThat(malformed.at("/error/param").asText()).isEqualTo("knowledgeBases");
	}

	@Test
	void anMcpAskSpansTheKnowledgeBasesItNamesAndItsFollowUpKeepsThem() {
		McpSyncClient client = connect(this.both);
		try {
			JsonNode answer = ok(client.callTool(new McpSchema.CallToolRequest("ask",
					Map.of("knowledge_bases", List.of(this.harbour, this.cranes), "question", CRANES))));
			assertThat(answer.get("grounded").asBoolean()).as(answer.toString()).isTrue();
			assertThat(answer.at("/citations/0/knowledge_base").asText()).isEqualTo(this.cranes);
			JsonNode followUp = ok(client.callTool(new McpSchema.CallToolRequest("ask",
					Map.of("session_id", answer.get("session_id").asText(), "question", LIGHTHOUSE))));
			assertThat(followUp.at("/citations/0/knowledge_base").asText()).isEqualTo(this.harbour);
			JsonNode narrowed = ok(client.callTool(new McpSchema.CallToolRequest("ask", Map.of("session_id",
					answer.get("session_id").asText(), "documents", List.of(this.ferry), "question", LIGHTHOUSE))));
			assertThat(narrowed.get("grounded").asBoolean()).as(narrowed.toString()).isFalse();
		}
		finally {
			client.closeGracefully();
		}
		McpSyncClient narrow = connect(this.harbourOnly);
		try {
			CallToolResult refused = narrow.callTool(new McpSchema.CallToolRequest("ask",
					Map.of("knowledge_bases", List.of(this.harbour, this.cranes), "question", CRANES)));
			assertThat(refused.isError()).isTrue();
			assertThat(text(refused)).contains("No knowledge base '" + this.cranes + "'");
		}
		finally {
			narrow.closeGracefully();
		}
	}

	private JsonNode start(String key, String body) {
		Answer started = postJson("/api/v1/sessions", "X-API-Key", key, body);
		assertThat(started.status()).as(started.text()).isEqualTo(201);
		return started.json();
	}

	private Answer scope(JsonNode session, String body) {
		return call(this.rest.put()
			.uri(url("/api/v1/sessions/" + id(session) + "/scope"))
			.header("Authorization", bearerOf(session))
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body(body));
	}

	private JsonNode completion(String key, String body, int status) {
		Answer answer = postJson("/v1/chat/completions", "Authorization", "Bearer " + key, body);
		assertThat(answer.status()).as(answer.text()).isEqualTo(status);
		return answer.json();
	}

	private static String id(JsonNode session) {
		return session.get("sessionId").asText();
	}

	private static JsonNode ok(CallToolResult result) {
		assertThat(result.isError()).as(text(result)).isNotEqualTo(Boolean.TRUE);
		try {
			return json.readTree(text(result));
		}
		catch (Exception ex) {
			throw new AssertionError("Not JSON: " + text(result), ex);
		}
	}

	private static String text(CallToolResult result) {
		return ((McpSchema.TextContent) result.content().get(0)).text();
	}

	private McpSyncClient connect(String key) {
		try {
			HttpClient.Builder http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.sslContext(Calls.trusting(this.certificate));
			HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(url(""))
				.endpoint("/mcp")
				.clientBuilder(http)
				.customizeRequest((request) -> request.header("Authorization", "Bearer " + key))
				.build();
			McpSyncClient connected = McpClient.sync(transport)
				.requestTimeout(Duration.ofSeconds(60))
				.initializationTimeout(Duration.ofSeconds(20))
				.build();
			connected.initialize();
			return connected;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
