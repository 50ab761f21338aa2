package dev.ragchat.answer.search.rerank;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.rerank.Reranker;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

/**
 * A rerank server over HTTP: {@code POST <url>/rerank} with the question and the
 * candidates' text (each chunk's title, headings and text, cut to a length), in the
 * request shape of {@link RerankProperties.Protocol}. Either response shape is read:
 * {@code {"results": [{"index", "relevance_score"}]}} (llama.cpp, vLLM, Infinity, Jina,
 * Cohere) or {@code [{"index", "score"}]} (Text Embeddings Inference). Anything else (an
 * error status, a timeout, a body that ranks other documents, too few or the same twice)
 * fails the call, and {@code Reranking} keeps the retrieval order.
 */
final class HttpReranker implements Reranker {

	static final String PATH = "/rerank";

	private final RestClient client;

	private final RerankProperties.Protocol protocol;

	private final String model;

	private final int maxDocumentLength;

	HttpReranker(RerankProperties properties) {
		Assert.hasText(properties.url(), "ragchat.rerank.url must not be empty");
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.timeout())
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(properties.timeout());
		RestClient.Builder client = RestClient.builder().requestFactory(requests).baseUrl(base(properties.url()));
		if (StringUtils.hasText(properties.apiKey())) {
			client.defaultHeaders((headers) -> headers.setBearerAuth(properties.apiKey()));
		}
		this.client = client.build();
		this.protocol = properties.protocol();
		this.model = StringUtils.hasText(properties.model()) ? properties.model() : null;
		this.maxDocumentLength = properties.maxDocumentLength();
	}

	private static String base(String url) {
		String stripped = url.strip();
		return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
	}

	@Override
	public List<ScoredChunk> rerank(String query, List<ScoredChunk> candidates, int topK) {
		List<String> documents = candidates.stream().map((candidate) -> cut(candidate.chunk().indexText())).toList();
		Object request = (this.protocol == RerankProperties.Protocol.TEI) ? new TeiRequest(query, documents, true)
				: new JinaRequest(this.model, query, documents, Math.min(topK, documents.size()));
		JsonNode response = this.client.post()
			.uri(PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.body(request)
			.retrieve()
			.body(JsonNode.class);
		return ranked(response, candidates, topK);
	}

	private String cut(String text) {
		return (text.length() > this.maxDocumentLength) ? text.substring(0, this.maxDocumentLength) : text;
	}

	/**
	 * The candidates the response ranks, best first, at most {@code topK}.
	 */
	private static List<ScoredChunk> ranked(JsonNode response, List<ScoredChunk> candidates, int topK) {
		JsonNode results = (response != null && response.isArray()) ? response
				: (response != null) ? response.path("results") : null;
		if (results == null || !results.isArray()) {
			throw new IllegalStateException("the reranker answered no results");
		}
		List<Rank> ranks = new ArrayList<>();
		BitSet seen = new BitSet(candidates.size());
		for (JsonNode result : results) {
			JsonNode index = result.path("index");
			JsonNode score = result.has("relevance_score") ? result.path("relevance_score") : result.path("score");
			if (!index.isInt() || !score.isNumber()) {
				throw new IllegalStateException("the reranker answered a result without an index and a score");
			}
			int i = index.intValue();
			if (i < 0 || i >= candidates.size()) {
				throw new IllegalStateException(
						"the reranker answered index " + i + " for " + candidates.size() + " documents");
			}
			if (seen.get(i)) {
				throw new IllegalStateException("the reranker ranked document " + i + " twice");
			}
			seen.set(i);
			ranks.add(new Rank(i, score.doubleValue()));
		}
		int expected = Math.min(topK, candidates.size());
		if (ranks.size() < expected) {
			throw new IllegalStateException("the reranker ranked " + ranks.size() + " of " + expected + " documents");
		}
		return ranks.stream()
			.sorted(Comparator.comparingDouble(Rank::score).reversed())
			.limit(topK)
			.map((rank) -> new ScoredChunk(candidates.get(rank.index()).chunk(), rank.score()))
			.toList();
	}

	private record Rank(int index, double score) {

	}

	/**
	 * llama.cpp's, vLLM's, Infinity's, Jina's and Cohere's request.
	 *
	 * @param model the model, left out when unset
	 * @param query the question
	 * @param documents the candidates' text
	 * @param topN how many results to answer
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record JinaRequest(String model, String query, List<String> documents, @JsonProperty("top_n") int topN) {

	}

	/**
	 * Text Embeddings Inference's request.
	 *
	 * @param query the question
	 * @param texts the candidates' text
	 * @param truncate whether the server cuts what its model cannot read (rather than
	 * refusing it)
	 */
	record TeiRequest(String query, List<String> texts, boolean truncate) {

	}

}
