package dev.ragchat.answer;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ragchat.api.AbstractHttpsIntegrationTests;
import dev.ragchat.api.Calls;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One search for every surface: with a reranker over HTTP (WireMock) that reverses
 * retrieval's order, the same query through {@code /search}, the MCP {@code search} tool
 * and a chat answer's sources gives the same chunks in the same order.
 */
class OneSearchTests extends AbstractHttpsIntegrationTests {

	static final String QUESTION = "When was the lighthouse on Kestrel Point automated?";

	@RegisterExtension
	static WireMockExtension reranker = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void rerankServer(DynamicPropertyRegistry registry) {
		registry.add("ragchat.rerank.url", () -> reranker.baseUrl() + "/v1");
		registry.add("ragchat.rerank.model", () -> "bge-reranker-v2-m3");
		registry.add("ragchat.rerank.candidates", () -> "10");
	}

	String kb;

	String key;

	McpSyncClient mcp;

	@BeforeEach
	void documents() throws Exception {
		this.kb = createKnowledgeBase("one-search");
		this.key = chatAndUploadKey(this.kb);
		uploadAndAwait(this.key, this.kb, "automation.txt",
				"The lighthouse on Kestrel Point was automated in 1987, when the last keeper left."
					.getBytes(StandardCharsets.UTF_8));
		uploadAndAwait(this.key, this.kb, "painting.txt",
				"The lighthouse on Kestrel Point was painted red and white in 1990.".getBytes(StandardCharsets.UTF_8));
		// retrieval ranks the automation first; the reranker puts the painting first
		reranker.stubFor(post(urlPathEqualTo("/v1/rerank"))
			.withRequestBody(matchingJsonPath("$.documents[0]", containing("automated")))
			.willReturn(okJson("{\"model\":\"bge-reranker-v2-m3\",\"results\":[{\"index\":1,\"relevance_score\":0.93},"
					+ "{\"index\":0,\"relevance_score\":0.41}]}")));
		this.mcp = connect();
	}

	@AfterEach
	void disconnect() {
		this.mcp.closeGracefully();
	}

	@Test
	void searchMcpAndChatGetTheSameChunksInTheSameOrder() throws Exception {
		List<String> rest = new ArrayList<>();
		JsonNode results = json
			.readTree(postJson("/api/v1/knowledge-bases/" + this.kb + "/search", "X-API-Key", this.key,
					json.writeValueAsString(Map.of("query", QUESTION, "topK", 2)))
				.body())
			.get("results");
		results.forEach((result) -> rest.add(result.get("chunkId").asText()));

		List<String> agent = new ArrayList<>();
		McpSchema.CallToolResult found = this.mcp.callTool(new McpSchema.CallToolRequest("search",
				Map.of("knowledge_base", this.kb, "query", QUESTION, "top_k", 2)));
		json.readTree(((McpSchema.TextContent) found.content().get(0)).text())
			.get("results")
			.forEach((result) -> agent.add(result.get("chunk_id").asText()));

		assertThat(rest).hasSize(2);
		assertThat(results.get(0).get("filename").asText()).isEqualTo("painting.txt");
		assertThat(agent).isEqualTo(rest);

		// a chat answer reading one source reads the first of that same ranking
		JsonNode session = json.readTree(postJson("/api/v1/sessions", "X-API-Key", this.key,
				json.writeValueAsString(Map.of("knowledgeBase", this.kb, "topK", 1)))
			.body());
		JsonNode answer = json.readTree(this.rest.post()
			.uri(URI.create(url("/api/v1/sessions/" + session.get("sessionId").asText() + "/messages")))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + session.get("token").asText())
			.contentType(MediaType.APPLICATION_JSON)
			.body(json.writeValueAsString(Map.of("message", QUESTION)))
			.retrieve()
			.body(byte[].class));
		assertThat(answer.get("citations")).isNotEmpty()
			.allSatisfy((citation) -> assertThat(citation.get("chunkId").asText()).isEqualTo(rest.get(0)));
	}

	private McpSyncClient connect() throws Exception {
		HttpClient.Builder http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.sslContext(Calls.trusting(this.certificate));
		McpSyncClient connected = McpClient
			.sync(HttpClientStreamableHttpTransport.builder(url(""))
				.endpoint("/mcp")
				.clientBuilder(http)
				.customizeRequest((request) -> request.header("X-API-Key", this.key))
				.build())
			.requestTimeout(Duration.ofSeconds(60))
			.initializationTimeout(Duration.ofSeconds(20))
			.build();
		connected.initialize();
		return connected;
	}

}
