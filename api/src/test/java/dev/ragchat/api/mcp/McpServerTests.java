package dev.ragchat.api.mcp;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractHttpsIntegrationTests;
import dev.ragchat.api.Calls;
import dev.ragchat.api.audit.Audit;
import dev.ragchat.api.audit.AuditLog;
import dev.ragchat.api.keys.Hashes;
import dev.ragchat.ingestion.TestFiles;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The MCP server at {@code /mcp} through the MCP Java SDK's client over Streamable HTTP
 * and the real HTTPS listener: its tools with their schemas, search and ask with a key,
 * and every tool refusing what the key may not see or do.
 */
class McpServerTests extends AbstractHttpsIntegrationTests {

	@TempDir
	Path dir;

	@Autowired
	Audit audit;

	String kb;

	String otherKb;

	String key;

	String pdf;

	McpSyncClient client;

	@BeforeEach
	void documents() throws Exception {
		this.kb = createKnowledgeBase("mcp");
		this.otherKb = createKnowledgeBase("mcp-other");
		this.key = chatAndUploadKey(this.kb);
		this.pdf = uploadFactsPdf(this.key, this.kb, this.dir);
		this.client = connect("Authorization", "Bearer " + this.key);
	}

	@AfterEach
	void close() {
		this.client.closeGracefully();
	}

	@Test
	void listsItsToolsEachWithASchemaAndADescription() {
		List<McpSchema.Tool> tools = this.client.listTools().tools();
		assertThat(tools).extracting(McpSchema.Tool::name)
			.containsExactlyInAnyOrder("list_knowledge_bases", "list_documents", "search", "ask", "get_page",
					"upload_document");
		assertThat(tools).allSatisfy((tool) -> {
			assertThat(tool.description()).isNotBlank();
			assertThat(tool.inputSchema().type()).isEqualTo("object");
		});
		McpSchema.Tool search = tools.stream().filter((t) -> t.name().equals("search")).findFirst().orElseThrow();
		assertThat(search.inputSchema().required()).containsExactly("knowledge_base", "query");
		assertThat(search.inputSchema().properties()).containsKeys("mode", "top_k", "document_ids");
	}

	@Test
	void searchFindsThePassageWithItsDocumentPageAndHeadingPath() {
		JsonNode results = ok(call(this.client, "search",
				Map.of("knowledge_base", this.kb, "query", "lighthouse Kestrel Point automated", "top_k", 3)))
			.get("results");
		assertThat(results).isNotEmpty();
		JsonNode first = results.get(0);
		assertThat(first.get("document_id").asText()).isEqualTo(this.pdf);
		assertThat(first.get("filename").asText()).isEqualTo("harbour.pdf");
		assertThat(first.get("page").asInt()).isEqualTo(3);
		assertThat(first.has("heading_path")).isTrue();
		assertThat(first.get("text").asText()).contains("automated in 1987");
		assertThat(results.size()).isLessThanOrEqualTo(3);
	}

	@Test
	void asksWithCitationsAndContinuesTheConversationInItsSession() {
		JsonNode answer = ok(call(this.client, "ask",
				Map.of("knowledge_base", this.kb, "question", "When was the lighthouse on Kestrel Point automated?")));
		assertThat(answer.get("grounded").asBoolean()).isTrue();
		assertThat(answer.get("answer").asText()).contains("1987").contains("[1]");
		JsonNode citation = answer.get("citations").get(0);
		assertThat(citation.get("document_id").asText()).isEqualTo(this.pdf);
		assertThat(citation.get("page").asInt()).isEqualTo(3);
		assertThat(citation.get("quote").asText()).contains("1987");
		String session = answer.get("session_id").asText();

		JsonNode followUp = ok(call(this.client, "ask",
				Map.of("session_id", session, "question", "What is the boiling point of liquid nitrogen?")));
		assertThat(followUp.get("session_id").asText()).isEqualTo(session);
		assertThat(followUp.get("grounded").asBoolean()).isFalse();
		Answer history = call("GET", "/api/v1/sessions", "X-API-Key", this.key);
		assertThat(history.json().get("sessions").get(0).get("sessionId").asText()).isEqualTo(session);
	}

	@Test
	void askReturnsTheTraceWhenAskedAndTheRefusalOfAnAnswerTheDocumentsDoNotGive() {
		JsonNode traced = ok(call(this.client, "ask", Map.of("knowledge_base", this.kb, "question",
				"When was the lighthouse on Kestrel Point automated?", "trace", true)));
		assertThat(traced.get("grounded").asBoolean()).isTrue();
		assertThat(traced.at("/trace/stages").findValuesAsText("name")).containsSubsequence("rewrite", "shape",
				"vector", "keyword", "fuse", "rerank", "judge", "generate", "cite");
		assertThat(traced.has("refusal")).isFalse();

		JsonNode refused = ok(call(this.client, "ask", Map.of("knowledge_base", this.kb, "question",
				"What did the Zorblax board decide about the lighthouse?")));
		assertThat(refused.get("grounded").asBoolean()).isFalse();
		assertThat(refused.at("/refusal/reason").asText()).isEqualTo("names-not-in-sources");
		assertThat(refused.at("/refusal/detail").asText()).contains("Zorblax");
		assertThat(refused.has("trace")).isFalse();
	}

	@Test
	void aKeyOfAnotherKnowledgeBaseSeesNothingOfThisOneThroughAnyTool() {
		String otherKey = chatAndUploadKey(this.otherKb);
		String session = ok(call(this.client, "ask",
				Map.of("knowledge_base", this.kb, "question", "When was the lighthouse on Kestrel Point automated?")))
			.get("session_id")
			.asText();
		McpSyncClient other = connect("X-API-Key", otherKey);
		try {
			JsonNode listed = ok(call(other, "list_knowledge_bases", Map.of())).get("knowledge_bases");
			assertThat(listed.findValuesAsText("id")).containsExactly(this.otherKb);
			String missing = "No knowledge base '" + this.kb + "'";
			assertThat(refusal(call(other, "list_documents", Map.of("knowledge_base", this.kb)))).isEqualTo(missing);
			assertThat(refusal(call(other, "search", Map.of("knowledge_base", this.kb, "query", "lighthouse"))))
				.isEqualTo(missing);
			assertThat(refusal(call(other, "ask", Map.of("knowledge_base", this.kb, "question", "Lighthouse?"))))
				.isEqualTo(missing);
			assertThat(refusal(call(other, "ask", Map.of("session_id", session, "question", "Lighthouse?"))))
				.isEqualTo("No session '" + session + "'");
			assertThat(refusal(
					call(other, "get_page", Map.of("knowledge_base", this.kb, "document_id", this.pdf, "page", 3))))
				.isEqualTo(missing);
			assertThat(refusal(call(other, "upload_document",
					Map.of("knowledge_base", this.kb, "filename", "planted.txt", "text", "Planted."))))
				.isEqualTo(missing);
		}
		finally {
			other.closeGracefully();
		}
	}

	@Test
	void aKeyWithoutTheChatScopeCannotSearchOrAsk() {
		String uploadOnly = issueKey("{\"scopes\":[\"upload\"],\"knowledgeBases\":[\"" + this.kb + "\"]}");
		McpSyncClient uploader = connect("Authorization", "Bearer " + uploadOnly);
		try {
			assertThat(refusal(call(uploader, "search", Map.of("knowledge_base", this.kb, "query", "lighthouse"))))
				.isEqualTo("This needs an API key with the 'chat' scope");
			assertThat(refusal(call(uploader, "ask", Map.of("knowledge_base", this.kb, "question", "Lighthouse?"))))
				.isEqualTo("This needs an API key with the 'chat' scope");
			assertThat(ok(call(uploader, "list_documents", Map.of("knowledge_base", this.kb))).get("documents"))
				.hasSize(1);
		}
		finally {
			uploader.closeGracefully();
		}
	}

	@Test
	void getsACitedPagesTextAndItsPictureWithTheQuoteHighlighted() {
		CallToolResult page = call(this.client, "get_page", Map.of("knowledge_base", this.kb, "document_id", this.pdf,
				"page", 3, "image", true, "quote", TestFiles.PAGE_THREE_FACT));
		assertThat(page.isError()).as(text(page)).isNotEqualTo(Boolean.TRUE);
		assertThat(text(page)).contains(TestFiles.PAGE_THREE_FACT);
		assertThat(page.content()).hasSize(2);
		McpSchema.ImageContent image = (McpSchema.ImageContent) page.content().get(1);
		assertThat(image.mimeType()).isEqualTo("image/png");
		assertThat(java.util.Base64.getDecoder().decode(image.data())).startsWith(0x89, 'P', 'N', 'G');
		assertThat(refusal(
				call(this.client, "get_page", Map.of("knowledge_base", this.kb, "document_id", this.pdf, "page", 99))))
			.isEqualTo("No page 99 in document '" + this.pdf + "'");
	}

	@Test
	void uploadsADocumentWithTheUploadScopeOnly() {
		JsonNode uploaded = ok(call(this.client, "upload_document", Map.of("knowledge_base", this.kb, "filename",
				"notes.md", "text", "# Notes\n\nThe ferry to Gull Island leaves at nine.")));
		String id = uploaded.get("document_id").asText();
		assertThat(uploaded.get("filename").asText()).isEqualTo("notes.md");
		assertThat(ok(call(this.client, "list_documents", Map.of("knowledge_base", this.kb))).get("documents")
			.findValuesAsText("id")).contains(id);

		String chatOnly = issueKey("{\"scopes\":[\"chat\"],\"knowledgeBases\":[\"" + this.kb + "\"]}");
		McpSyncClient reader = connect("X-API-Key", chatOnly);
		try {
			assertThat(refusal(call(reader, "upload_document",
					Map.of("knowledge_base", this.kb, "filename", "notes.txt", "text", "Not allowed."))))
				.isEqualTo("This needs an API key with the 'upload' scope");
		}
		finally {
			reader.closeGracefully();
		}
	}

	@Test
	void refusesAConnectionWithoutAKey() {
		assertThatThrownBy(() -> connect(null, null)).isInstanceOf(RuntimeException.class);
		Answer raw = postJson("/mcp", "X-Request-Id", "none",
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}");
		assertThat(raw.status()).isEqualTo(401);
		Answer master = postJson("/mcp", "X-Master-Key", this.masterKey,
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}");
		assertThat(master.status()).isEqualTo(403);
	}

	@Test
	void auditsTheQuestionTheAskToolAsksAndTheSourcesItCites() throws Exception {
		String question = "When was the lighthouse on Kestrel Point automated?";
		String session = ok(call(this.client, "ask", Map.of("knowledge_base", this.kb, "question", question)))
			.get("session_id")
			.asText();
		JsonNode asked = AuditLog.single(this.audit.file(), "question.asked", "session:" + session);
		assertThat(asked.get("detail").get("questionSha256").asText()).isEqualTo(Hashes.sha256Hex(question));
		JsonNode cited = AuditLog.single(this.audit.file(), "sources.cited", "session:" + session);
		assertThat(cited.get("keyId").asText()).isEqualTo(asked.get("keyId").asText()).startsWith("key_");
		assertThat(cited.get("detail").get("sources").get(0).get("documentId").asText()).isEqualTo(this.pdf);
	}

	@Test
	void askAboutTheWholeKnowledgeBaseGivesTheEnginesCountAndEveryItem() {
		for (int n = 1; n <= 2; n++) {
			uploadAndAwait(this.key, this.kb, "lease-" + n + ".md",
					("# Lease " + n + "\n\nA termination fee of EUR " + n
							+ "00 is owed when the tenant leaves early.\n")
						.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		JsonNode answer = ok(call(this.client, "ask",
				Map.of("knowledge_base", this.kb, "question", "Which documents mention a termination fee?")));
		assertThat(answer.get("outcome").asText()).as(answer.toString()).isEqualTo("list");
		assertThat(answer.get("count").asInt()).isEqualTo(2);
		assertThat(answer.get("scanned").asInt()).isEqualTo(3);
		assertThat(answer.get("items")).hasSize(2)
			.allSatisfy((item) -> assertThat(item.get("quote").asText()).startsWith("A termination fee of EUR"));
	}

	private static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
		return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
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

	private static String refusal(CallToolResult result) {
		assertThat(result.isError()).as(text(result)).isTrue();
		return text(result);
	}

	private static String text(CallToolResult result) {
		return ((McpSchema.TextContent) result.content().get(0)).text();
	}

	private McpSyncClient connect(String header, String value) {
		try {
			HttpClient.Builder http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.sslContext(Calls.trusting(this.certificate));
			HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(url(""))
				.endpoint("/mcp")
				.clientBuilder(http)
				.customizeRequest((request) -> {
					if (header != null) {
						request.header(header, value);
					}
				})
				.build();
			McpSyncClient connected = McpClient.sync(transport)
				.requestTimeout(Duration.ofSeconds(60))
				.initializationTimeout(Duration.ofSeconds(20))
				.build();
			connected.initialize();
			return connected;
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
