package dev.ragchat.answer.search.rerank;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ragchat.answer.AnswerGenerator;
import dev.ragchat.api.AbstractWebIntegrationTests;
import dev.ragchat.api.Calls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.ResultActions;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reranker as the judge of relevance ({@code ragchat.rerank.min-score}), with the
 * whole service and a reranker (WireMock speaking the rerank protocol) that scores the
 * painting relevant to a question about the paint and nothing relevant to a question
 * about when the lighthouse was built, which both documents are about but neither
 * answers: the first is answered from the painting alone, the second is "not in the
 * documents", although the extract finds a sentence near enough to answer it without the
 * judge (checked by taking {@code min-score} out).
 */
class RerankJudgedAnswerTests extends AbstractWebIntegrationTests {

	static final String PAINT = "When was the lighthouse on Kestrel Point painted?";

	static final String BUILT = "When was the lighthouse on Kestrel Point built?";

	@RegisterExtension
	static WireMockExtension reranker = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void rerankServer(DynamicPropertyRegistry registry) {
		registry.add("ragchat.rerank.url", () -> reranker.baseUrl() + "/v1");
		registry.add("ragchat.rerank.min-score", () -> "0.5");
	}

	String kb;

	String key;

	@BeforeEach
	void documents() throws Exception {
		this.kb = createKnowledgeBase("judged");
		this.key = chatAndUploadKey(this.kb);
		upload("automation.txt", "The lighthouse on Kestrel Point was automated in 1987, when the last keeper left.");
		upload("painting.txt", "The lighthouse on Kestrel Point was painted red and white in 1990.");
		// the painting is relevant to the paint, whichever place retrieval gives it
		reranker.stubFor(post(urlPathEqualTo(RerankedAnswerTests.RERANK))
			.withRequestBody(matchingJsonPath("$.query", containing("painted")))
			.withRequestBody(matchingJsonPath("$.documents[0]", containing("automated")))
			.willReturn(okJson("{\"results\":[{\"index\":1,\"relevance_score\":0.97},"
					+ "{\"index\":0,\"relevance_score\":0.04}]}")));
		reranker.stubFor(post(urlPathEqualTo(RerankedAnswerTests.RERANK))
			.withRequestBody(matchingJsonPath("$.query", containing("painted")))
			.withRequestBody(matchingJsonPath("$.documents[0]", containing("painted")))
			.willReturn(okJson("{\"results\":[{\"index\":0,\"relevance_score\":0.97},"
					+ "{\"index\":1,\"relevance_score\":0.04}]}")));
		// neither says when it was built
		reranker.stubFor(post(urlPathEqualTo(RerankedAnswerTests.RERANK))
			.withRequestBody(matchingJsonPath("$.query", containing("built")))
			.willReturn(okJson("{\"results\":[{\"index\":0,\"relevance_score\":0.11},"
					+ "{\"index\":1,\"relevance_score\":0.03}]}")));
	}

	@Test
	void answersFromTheChunksTheRerankerJudgesRelevantOnly() throws Exception {
		ask(PAINT).andExpect(status().isOk())
			.andExpect(jsonPath("$.grounded").value(true))
			.andExpect(jsonPath("$.citations.length()").value(1))
			.andExpect(jsonPath("$.citations[0].filename").value("painting.txt"))
			.andExpect(jsonPath("$.citations[0].score").value(0.97));
	}

	@Test
	void refusesAQuestionNoChunkOfWhichTheRerankerJudgesRelevant() throws Exception {
		ask(BUILT).andExpect(status().isOk())
			.andExpect(jsonPath("$.grounded").value(false))
			.andExpect(jsonPath("$.answer").value(AnswerGenerator.NOT_FOUND))
			.andExpect(jsonPath("$.citations.length()").value(0));
		assertThat(reranker.findAll(com.github.tomakehurst.wiremock.client.WireMock
			.postRequestedFor(urlPathEqualTo(RerankedAnswerTests.RERANK))
			.withRequestBody(matchingJsonPath("$.query", containing("built"))))).hasSize(1);
	}

	@Test
	void leavesWhatTheRerankerJudgesIrrelevantOutOfHybridSearchResults() throws Exception {
		search(PAINT, "hybrid").andExpect(status().isOk())
			.andExpect(jsonPath("$.results.length()").value(1))
			.andExpect(jsonPath("$.results[0].filename").value("painting.txt"));
		search(BUILT, "hybrid").andExpect(status().isOk()).andExpect(jsonPath("$.results.length()").value(0));
	}

	private ResultActions ask(String message) throws Exception {
		JsonNode started = Calls.startSession(this.mvc, this.key, this.kb, 2);
		return this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/api/v1/sessions/" + started.get("sessionId").asText() + "/messages")
			.secure(true)
			.header("Authorization", "Bearer " + started.get("token").asText())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("message", message))));
	}

	private ResultActions search(String query, String mode) throws Exception {
		return this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/api/v1/knowledge-bases/" + this.kb + "/search")
			.secure(true)
			.header("X-API-Key", this.key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("query", query, "topK", 2, "mode", mode))));
	}

	private void upload(String filename, String text) throws Exception {
		assertThat(Calls.uploadAndAwait(this.mvc, this.key, this.kb, filename, text.getBytes(StandardCharsets.UTF_8))
			.get("status")
			.asText()).isEqualTo("READY");
	}

}
