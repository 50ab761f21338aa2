package dev.ragchat.answer.search.rerank;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ragchat.api.AbstractWebIntegrationTests;
import dev.ragchat.api.Calls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.ResultActions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The rerank step on the answer path and on {@code /search}, with the whole service and a
 * reranker (WireMock at a {@code /v1} base URL, as llama-server) that prefers the chunk
 * retrieval ranks second: the answer, keeping one source, cites that chunk; when the
 * reranker fails, the answer cites what retrieval ranked first, and nothing fails.
 */
class RerankedAnswerTests extends AbstractWebIntegrationTests {

	static final String RERANK = "/v1" + HttpReranker.PATH;

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

	@BeforeEach
	void documents() throws Exception {
		this.kb = createKnowledgeBase("rerank");
		this.key = chatAndUploadKey(this.kb);
		upload("automation.txt", "The lighthouse on Kestrel Point was automated in 1987, when the last keeper left.");
		upload("painting.txt", "The lighthouse on Kestrel Point was painted red and white in 1990.");
		// whichever order retrieval sends them in, the painting goes first
		reranker.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(RERANK))
			.withRequestBody(matchingJsonPath("$.documents[0]", containing("automated")))
			.willReturn(okJson("{\"model\":\"bge-reranker-v2-m3\",\"object\":\"list\",\"usage\":{\"prompt_tokens\":90,"
					+ "\"total_tokens\":90},\"results\":[{\"index\":1,\"relevance_score\":0.93},"
					+ "{\"index\":0,\"relevance_score\":0.02}]}")));
	}

	@Test
	void citesTheChunkTheRerankerPutsFirst() throws Exception {
		ask(QUESTION).andExpect(status().isOk())
			.andExpect(jsonPath("$.grounded").value(true))
			.andExpect(jsonPath("$.answer").value(org.hamcrest.Matchers.containsString("painted red and white")))
			.andExpect(jsonPath("$.citations.length()").value(1))
			.andExpect(jsonPath("$.citations[0].filename").value("painting.txt"))
			.andExpect(jsonPath("$.citations[0].score").value(0.93));
		// retrieval ranked the automation first, and sent the reranker both candidates
		JsonNode request = onlyRerankRequest();
		assertThat(request.get("query").asText()).isEqualTo(QUESTION);
		assertThat(request.get("model").asText()).isEqualTo("bge-reranker-v2-m3");
		assertThat(request.get("top_n").asInt()).isEqualTo(1);
		assertThat(request.get("documents")).hasSize(2);
		assertThat(request.get("documents").get(0).asText()).contains("automated in 1987");
	}

	@Test
	void citesTheRetrievalOrderWhenTheRerankerFails() throws Exception {
		reranker.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(RERANK))
			.atPriority(1)
			.willReturn(aResponse().withStatus(500).withBody("{\"error\":\"out of memory\"}")));
		ask(QUESTION).andExpect(status().isOk())
			.andExpect(jsonPath("$.grounded").value(true))
			.andExpect(jsonPath("$.citations.length()").value(1))
			.andExpect(jsonPath("$.citations[0].filename").value("automation.txt"));
		assertThat(onlyRerankRequest()).isNotNull();
	}

	@Test
	void ordersHybridSearchResultsAsTheRerankerSays() throws Exception {
		search("hybrid").andExpect(status().isOk())
			.andExpect(jsonPath("$.results.length()").value(1))
			.andExpect(jsonPath("$.results[0].filename").value("painting.txt"))
			.andExpect(jsonPath("$.results[0].score").value(0.93));
		assertThat(onlyRerankRequest().get("top_n").asInt()).isEqualTo(1);
	}

	@Test
	void leavesKeywordSearchResultsAsRanked() throws Exception {
		search("keyword").andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].filename").value("automation.txt"));
		assertThat(reranker.findAll(postRequestedFor(urlPathEqualTo(RERANK)))).isEmpty();
	}

	private JsonNode onlyRerankRequest() throws Exception {
		List<LoggedRequest> requests = reranker.findAll(postRequestedFor(urlPathEqualTo(RERANK)));
		assertThat(requests).hasSize(1);
		return json.readTree(requests.get(0).getBodyAsString());
	}

	private ResultActions ask(String message) throws Exception {
		JsonNode started = Calls.startSession(this.mvc, this.key, this.kb, 1);
		return this.mvc.perform(post("/api/v1/sessions/" + started.get("sessionId").asText() + "/messages").secure(true)
			.header("Authorization", "Bearer " + started.get("token").asText())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("message", message))));
	}

	private ResultActions search(String mode) throws Exception {
		return this.mvc.perform(post("/api/v1/knowledge-bases/" + this.kb + "/search").secure(true)
			.header("X-API-Key", this.key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("query", QUESTION, "topK", 1, "mode", mode))));
	}

	private void upload(String filename, String text) throws Exception {
		assertThat(Calls.uploadAndAwait(this.mvc, this.key, this.kb, filename, text.getBytes(StandardCharsets.UTF_8))
			.get("status")
			.asText()).isEqualTo("READY");
	}

}
