package dev.ragchat.answer.search.rerank;

import java.time.Duration;

import dev.ragchat.retrieval.ChunkSearch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * A rerank server, off unless {@code url} is set.
 *
 * @param url the server's base URL, used as given: {@code <url>/rerank} is called (so
 * {@code http://localhost:8080/v1} for llama.cpp's server and vLLM,
 * {@code http://localhost:8080} for Text Embeddings Inference and Infinity)
 * @param model the reranking model, sent as {@code model} (protocol {@code jina}) when
 * set; servers that load one model need none
 * @param candidates how many retrieved chunks the reranker reads for an answer (never
 * fewer than the answer keeps)
 * @param apiKey sent as {@code Authorization: Bearer} when set; never logged
 * @param timeout the longest a rerank call may take to connect, and then to answer;
 * beyond it the retrieval order stands
 * @param protocol the request's shape: {@code jina} ({@code query}, {@code documents},
 * {@code top_n}, {@code model}: llama.cpp, vLLM, Infinity, Jina, Cohere) or {@code tei}
 * ({@code query}, {@code texts}: Text Embeddings Inference); either response shape is
 * read
 * @param maxDocumentLength the most characters of a chunk sent (title, headings and
 * text), so that question and chunk fit the model's context
 * @param minScore when set, the least score of the reranker's a chunk needs to go on to
 * the answer and into hybrid search results: the reranker also judges what is relevant,
 * and a question none of whose candidates reaches it is answered "not in the documents".
 * On the model's own scale (a probability for some models, a logit for others), so no
 * default
 */
@ConfigurationProperties("ragchat.rerank")
record RerankProperties(String url, String model, @DefaultValue("20") int candidates, String apiKey,
		@DefaultValue("10s") Duration timeout, @DefaultValue("jina") Protocol protocol,
		@DefaultValue("2000") int maxDocumentLength, Double minScore) {

	RerankProperties {
		Assert.isTrue(candidates >= 1 && candidates <= ChunkSearch.MAX_TOP_K,
				"ragchat.rerank.candidates must be between 1 and " + ChunkSearch.MAX_TOP_K);
		Assert.isTrue(timeout != null && timeout.isPositive(), "ragchat.rerank.timeout must be positive");
		Assert.notNull(protocol, "ragchat.rerank.protocol must be jina or tei");
		Assert.isTrue(maxDocumentLength >= 1, "ragchat.rerank.max-document-length must be positive");
		Assert.isTrue(minScore == null || Double.isFinite(minScore), "ragchat.rerank.min-score must be a number");
	}

	/**
	 * Leaves the API key out of the text of this record (logs, failure analysis).
	 */
	@Override
	public String toString() {
		return "RerankProperties[url=" + this.url + ", model=" + this.model + ", candidates=" + this.candidates
				+ ", apiKey=" + ((this.apiKey != null) ? "(set)" : "(none)") + ", timeout=" + this.timeout
				+ ", protocol=" + this.protocol + ", maxDocumentLength=" + this.maxDocumentLength + ", minScore="
				+ this.minScore + "]";
	}

	/**
	 * The shape of a rerank request.
	 */
	enum Protocol {

		/**
		 * {@code {"model", "query", "documents", "top_n"}}: llama.cpp's server, vLLM,
		 * Infinity, Jina's and Cohere's APIs.
		 */
		JINA,

		/** {@code {"query", "texts", "truncate"}}: Text Embeddings Inference. */
		TEI

	}

}
