package dev.ragchat.answer.search.rerank;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.rerank.Reranking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rerank adapter against WireMock speaking the rerank protocol: the Jina/Cohere shape
 * that llama.cpp's server, vLLM and Infinity serve ({@code {"model", "query",
 * "documents", "top_n"}} answered by {@code {"results": [{"index",
 * "relevance_score"}]}}), and Text Embeddings Inference's ({@code {"query", "texts"}}
 * answered by a bare {@code [{"index", "score"}]}). Every failure leaves the retrieval
 * order, with a warning that never holds the key.
 */
@ExtendWith(OutputCaptureExtension.class)
class HttpRerankerTests {

	static final ObjectMapper json = new ObjectMapper();

	static final String KEY = "rerank-secret-key";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	/** Five retrieved chunks, in retrieval order (c0 best). */
	final List<ScoredChunk> retrieved = IntStream.range(0, 5)
		.mapToObj((i) -> new ScoredChunk(new Chunk("d" + i + ":0", "kb", "d" + i, "doc" + i + ".txt", 1, 1, "Part " + i,
				0, "The text of chunk " + i + ".", null, "Title " + i), 1.0 - i / 10.0))
		.toList();

	@Test
	void ordersTheCandidatesAsTheScoresSayAndKeepsTheTopK() {
		server.stubFor(post(urlPathEqualTo("/v1/rerank")).willReturn(okJson("""
				{"model":"bge-reranker-v2-m3","object":"list","usage":{"prompt_tokens":412,"total_tokens":412},
				 "results":[{"index":3,"relevance_score":0.98},{"index":0,"relevance_score":0.41},
				            {"index":4,"relevance_score":0.12}]}""")));
		List<ScoredChunk> reranked = reranking(properties(server.baseUrl() + "/v1", "jina", null, null))
			.rerank("which chunk?", this.retrieved, 3);
		assertThat(reranked).extracting((hit) -> hit.chunk().id()).containsExactly("d3:0", "d0:0", "d4:0");
		assertThat(reranked).extracting(ScoredChunk::score).containsExactly(0.98, 0.41, 0.12);
	}

	@Test
	void sendsTheQueryTheChunksIndexTextTheModelAndTopNToTheBaseUrlAsGiven() throws Exception {
		server.stubFor(post(urlPathEqualTo("/v1/rerank")).willReturn(okJson(results(5))));
		reranking(properties(server.baseUrl() + "/v1/", "jina", "bge-reranker-v2-m3", null)).rerank("which chunk?",
				this.retrieved, 2);
		JsonNode request = onlyRequest("/v1/rerank");
		assertThat(request.get("model").asText()).isEqualTo("bge-reranker-v2-m3");
		assertThat(request.get("query").asText()).isEqualTo("which chunk?");
		assertThat(request.get("top_n").asInt()).isEqualTo(2);
		assertThat(request.get("documents")).hasSize(5);
		assertThat(request.get("documents").get(1).asText()).isEqualTo("Title 1\nPart 1\nThe text of chunk 1.");
	}

	@Test
	void leavesTheModelOutWhenNoneIsSet() throws Exception {
		server.stubFor(post(urlPathEqualTo("/rerank")).willReturn(okJson(results(5))));
		reranking(properties(server.baseUrl(), "jina", null, null)).rerank("which chunk?", this.retrieved, 2);
		assertThat(onlyRequest("/rerank").has("model")).isFalse();
	}

	@Test
	void speaksTextEmbeddingsInferenceWhenTheProtocolIsTei() throws Exception {
		server.stubFor(post(urlPathEqualTo("/rerank")).willReturn(okJson("""
				[{"index":2,"score":0.9},{"index":4,"score":0.8},{"index":1,"score":0.3},
				 {"index":0,"score":0.2},{"index":3,"score":0.1}]""")));
		List<ScoredChunk> reranked = reranking(properties(server.baseUrl(), "tei", "ignored-by-tei", null))
			.rerank("which chunk?", this.retrieved, 2);
		assertThat(reranked).extracting((hit) -> hit.chunk().id()).containsExactly("d2:0", "d4:0");
		JsonNode request = onlyRequest("/rerank");
		assertThat(request.get("query").asText()).isEqualTo("which chunk?");
		assertThat(request.get("texts")).hasSize(5);
		assertThat(request.get("truncate").asBoolean()).isTrue();
		assertThat(request.has("documents")).isFalse();
		assertThat(request.has("model")).isFalse();
	}

	@Test
	void readsEitherResponseShapeAndSortsByScore() {
		// a server may answer in request order (TEI with raw scores, some proxies)
		server.stubFor(post(urlPathEqualTo("/rerank")).willReturn(okJson("""
				{"results":[{"index":0,"relevance_score":0.1},{"index":1,"relevance_score":0.7},
				            {"index":2,"relevance_score":0.3},{"index":3,"relevance_score":0.9},
				            {"index":4,"relevance_score":0.5}]}""")));
		assertThat(reranking(properties(server.baseUrl(), "tei", null, null)).rerank("q", this.retrieved, 5))
			.extracting((hit) -> hit.chunk().id())
			.containsExactly("d3:0", "d1:0", "d4:0", "d2:0", "d0:0");
	}

	@Test
	void sendsTheKeyAsABearerTokenWhenSet() {
		server.stubFor(post(urlPathEqualTo("/rerank")).willReturn(okJson(results(5))));
		reranking(properties(server.baseUrl(), "jina", null, KEY)).rerank("q", this.retrieved, 2);
		server.verify(postRequestedFor(urlPathEqualTo("/rerank")).withHeader("Authorization", equalTo("Bearer " + KEY))
			.withQueryParam("key", absent()));
	}

	@Test
	void sendsNoAuthorizationWithoutAKey() {
		server.stubFor(post(urlPathEqualTo("/rerank")).willReturn(okJson(results(5))));
		reranking(properties(server.baseUrl(), "jina", null, "  ")).rerank("q", this.retrieved, 2);
		server.verify(postRequestedFor(urlPathEqualTo("/rerank")).withHeader("Authorization", absent()));
	}

	@Test
	void cutsALongChunkToTheMaximumLength() throws Exception {
		server.stubFor(post(urlPathEqualTo("/rerank")).willReturn(okJson(results(5))));
		RerankProperties cut = new RerankProperties(server.baseUrl(), null, 20, null, Duration.ofSeconds(2),
				RerankProperties.Protocol.JINA, 10, null);
		reranking(cut).rerank("q", this.retrieved, 2);
		assertThat(onlyRequest("/rerank").get("documents").get(0).asText()).isEqualTo("Title 0\nPa");
	}

	@Test
	void fallsBackToRetrievalOrderWhenTheRerankerTimesOut(CapturedOutput output) {
		server.stubFor(post(urlPathEqualTo("/rerank")).willReturn(okJson(results(5)).withFixedDelay(3000)));
		RerankProperties slow = new RerankProperties(server.baseUrl(), null, 20, KEY, Duration.ofMillis(300),
				RerankProperties.Protocol.JINA, 2000, null);
		long start = System.nanoTime();
		assertRetrievalOrder(reranking(slow).rerank("q", this.retrieved, 3), output);
		assertThat(output).contains("HttpTimeoutException");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
	}

	@Test
	void fallsBackToRetrievalOrderWhenTheRerankerRefusesTheConnection(CapturedOutput output) throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		assertRetrievalOrder(
				reranking(properties("http://127.0.0.1:" + closed, "jina", null, KEY)).rerank("q", this.retrieved, 3),
				output);
		assertThat(output).contains("ConnectException");
	}

	@Test
	void fallsBackToRetrievalOrderWhenTheRerankerDropsTheConnection(CapturedOutput output) {
		server
			.stubFor(post(urlPathEqualTo("/rerank")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertRetrievalOrder(reranking(properties(server.baseUrl(), "jina", null, KEY)).rerank("q", this.retrieved, 3),
				output);
	}

	@Test
	void fallsBackToRetrievalOrderWhenTheRerankerAnswersAServerError(CapturedOutput output) {
		server.stubFor(post(urlPathEqualTo("/rerank"))
			.willReturn(aResponse().withStatus(503).withBody("{\"error\":\"Loading model\"}")));
		assertRetrievalOrder(reranking(properties(server.baseUrl(), "jina", null, KEY)).rerank("q", this.retrieved, 3),
				output);
	}

	@Test
	void fallsBackToRetrievalOrderWhenTheRerankerAnswersAClientError(CapturedOutput output) {
		// llama-server started without --reranking answers 501; a wrong key 401
		server.stubFor(post(urlPathEqualTo("/rerank")).willReturn(aResponse().withStatus(501)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"code\":501,\"message\":\"This server does not support reranking.\"}}")));
		assertRetrievalOrder(reranking(properties(server.baseUrl(), "jina", null, KEY)).rerank("q", this.retrieved, 3),
				output);
	}

	@Test
	void fallsBackToRetrievalOrderWhenTheRerankerAnswersSomethingElseThanJson(CapturedOutput output) {
		server.stubFor(post(urlPathEqualTo("/rerank"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("<html>gateway</html>")));
		assertRetrievalOrder(reranking(properties(server.baseUrl(), "jina", null, KEY)).rerank("q", this.retrieved, 3),
				output);
	}

	@Test
	void fallsBackToRetrievalOrderWhenTheRerankerAnswersNoResults(CapturedOutput output) {
		server.stubFor(post(urlPathEqualTo("/rerank")).willReturn(okJson("{\"data\":[{\"index\":0,\"score\":1}]}")));
		assertRetrievalOrder(reranking(properties(server.baseUrl(), "jina", null, KEY)).rerank("q", this.retrieved, 3),
				output);
	}

	@Test
	void fallsBackToRetrievalOrderWhenAResultHasNoScore(CapturedOutput output) {
		server.stubFor(post(urlPathEqualTo("/rerank"))
			.willReturn(okJson("[{\"index\":1,\"score\":0.9},{\"index\":2},{\"index\":0,\"score\":0.1}]")));
		assertRetrievalOrder(reranking(properties(server.baseUrl(), "tei", null, KEY)).rerank("q", this.retrieved, 3),
				output);
	}

	@Test
	void fallsBackToRetrievalOrderWhenAnIndexIsOutOfRange(CapturedOutput output) {
		server.stubFor(post(urlPathEqualTo("/rerank")).willReturn(okJson("""
				{"results":[{"index":5,"relevance_score":0.9},{"index":1,"relevance_score":0.5},
				            {"index":0,"relevance_score":0.1}]}""")));
		assertRetrievalOrder(reranking(properties(server.baseUrl(), "jina", null, KEY)).rerank("q", this.retrieved, 3),
				output);
		assertThat(output).contains("index 5 for 5 documents");
	}

	@Test
	void fallsBackToRetrievalOrderWhenTheSameCandidateIsRankedTwice(CapturedOutput output) {
		server.stubFor(post(urlPathEqualTo("/rerank")).willReturn(okJson("""
				{"results":[{"index":1,"relevance_score":0.9},{"index":1,"relevance_score":0.5},
				            {"index":0,"relevance_score":0.1}]}""")));
		assertRetrievalOrder(reranking(properties(server.baseUrl(), "jina", null, KEY)).rerank("q", this.retrieved, 3),
				output);
		assertThat(output).contains("ranked document 1 twice");
	}

	@Test
	void fallsBackToRetrievalOrderWhenFewerThanTopKAreRanked(CapturedOutput output) {
		server.stubFor(post(urlPathEqualTo("/rerank")).willReturn(okJson("""
				{"results":[{"index":4,"relevance_score":0.9},{"index":1,"relevance_score":0.5}]}""")));
		assertRetrievalOrder(reranking(properties(server.baseUrl(), "jina", null, KEY)).rerank("q", this.retrieved, 3),
				output);
	}

	@Test
	void asksNobodyAboutASingleCandidate() {
		List<ScoredChunk> one = this.retrieved.subList(0, 1);
		assertThat(reranking(properties(server.baseUrl(), "jina", null, null)).rerank("q", one, 3)).isEqualTo(one);
		assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/rerank")))).isEmpty();
	}

	@Test
	void keepsOnlyTheChunksTheRerankerScoresAtLeastTheLeastScore() {
		server.stubFor(post(urlPathEqualTo("/rerank")).willReturn(okJson(results(5))));
		// scores 0.4, 0.3, 0.2 for c4, c3, c2: the least score 0.3 keeps two of the three
		List<ScoredChunk> kept = judging(0.3).rerank("q", this.retrieved, 3);
		assertThat(kept).extracting((c) -> c.chunk().documentId()).containsExactly("d4", "d3");
		assertThat(kept).extracting(ScoredChunk::score).containsExactly(0.4, 0.3);
		// none reaches it: nothing goes on
		assertThat(judging(0.9).rerank("q", this.retrieved, 3)).isEmpty();
	}

	@Test
	void judgesASingleCandidateWhenALeastScoreIsSet() {
		server.stubFor(post(urlPathEqualTo("/rerank")).willReturn(okJson("""
				{"results":[{"index":0,"relevance_score":0.01}]}""")));
		assertThat(judging(0.5).rerank("q", this.retrieved.subList(0, 1), 3)).isEmpty();
		assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/rerank")))).hasSize(1);
	}

	@Test
	void keepsTheRetrievalOrderUnjudgedWhenTheRerankerFails(CapturedOutput output) {
		server.stubFor(post(urlPathEqualTo("/rerank")).willReturn(aResponse().withStatus(503)));
		// retrieval's scores are on another scale: the least score is not applied to them
		assertRetrievalOrder(judging(1.5).rerank("q", this.retrieved, 3), output);
	}

	@Test
	void refusesALeastScoreThatIsNoNumber() {
		assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> new RerankProperties(server.baseUrl(), null, 20,
				null, Duration.ofSeconds(2), RerankProperties.Protocol.JINA, 2000, Double.NaN)))
			.hasMessageContaining("ragchat.rerank.min-score");
	}

	private Reranking judging(double minScore) {
		RerankProperties properties = new RerankProperties(server.baseUrl(), null, 20, null, Duration.ofSeconds(2),
				RerankProperties.Protocol.JINA, 2000, minScore);
		return new Reranking(new HttpReranker(properties), properties.candidates(), properties.minScore());
	}

	private void assertRetrievalOrder(List<ScoredChunk> reranked, CapturedOutput output) {
		assertThat(reranked).isEqualTo(this.retrieved.subList(0, 3));
		assertThat(output).contains("WARN")
			.contains("The reranker failed, the retrieval order stands")
			.doesNotContain(KEY);
	}

	private JsonNode onlyRequest(String path) throws Exception {
		List<com.github.tomakehurst.wiremock.verification.LoggedRequest> requests = server
			.findAll(postRequestedFor(urlPathEqualTo(path)));
		assertThat(requests).hasSize(1);
		assertThat(requests.get(0).getHeader("Content-Type")).startsWith("application/json");
		return json.readTree(requests.get(0).getBodyAsString());
	}

	/** Every candidate ranked, in reverse order. */
	private static String results(int count) {
		StringBuilder results = new StringBuilder("{\"results\":[");
		for (int i = count - 1; i >= 0; i--) {
			results.append("{\"index\":").append(i).append(",\"relevance_score\":").append(i / 10.0).append('}');
			results.append((i > 0) ? "," : "");
		}
		return results.append("]}").toString();
	}

	private static RerankProperties properties(String url, String protocol, String model, String apiKey) {
		return new RerankProperties(url, model, 20, apiKey, Duration.ofSeconds(2),
				RerankProperties.Protocol.valueOf(protocol.toUpperCase(java.util.Locale.ROOT)), 2000, null);
	}

	private static Reranking reranking(RerankProperties properties) {
		return new Reranking(new HttpReranker(properties), properties.candidates());
	}

}
