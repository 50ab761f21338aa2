package dev.ragchat.retrieval.rerank;

import java.util.List;

import dev.ragchat.retrieval.ChunkSearch;
import dev.ragchat.retrieval.ScoredChunk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.Assert;

/**
 * The rerank step: a search retrieves {@link #depth more candidates} than it keeps, a
 * {@link Reranker} orders them, and the best {@code topK} go on. A failing reranker
 * (unreachable, too slow, an error, an answer that ranks something else) costs a warning,
 * never the search: the retrieval order stands. {@link #off()} keeps the retrieval order
 * without asking anyone.
 */
public final class Reranking {

	private static final Logger logger = LoggerFactory.getLogger(Reranking.class);

	private static final Reranking OFF = new Reranking(Reranking::first, 1);

	private final Reranker reranker;

	private final int candidates;

	/**
	 * @param reranker orders the candidates
	 * @param candidates how many chunks a search retrieves for it (at least {@code topK})
	 */
	public Reranking(Reranker reranker, int candidates) {
		Assert.notNull(reranker, "reranker must not be null");
		Assert.isTrue(candidates >= 1 && candidates <= ChunkSearch.MAX_TOP_K,
				"candidates must be between 1 and " + ChunkSearch.MAX_TOP_K);
		this.reranker = reranker;
		this.candidates = candidates;
	}

	/**
	 * @return the step when no reranker is configured: the retrieval order, as it is
	 */
	public static Reranking off() {
		return OFF;
	}

	/**
	 * @param topK how many chunks the search keeps
	 * @return how many it retrieves for the reranker to choose from
	 */
	public int depth(int topK) {
		return Math.max(topK, this.candidates);
	}

	/**
	 * @param query the question
	 * @param retrieved what the search retrieved, best first
	 * @param topK how many to keep
	 * @return the best {@code topK} as the reranker orders them, or in the retrieval
	 * order when it fails
	 */
	public List<ScoredChunk> rerank(String query, List<ScoredChunk> retrieved, int topK) {
		Assert.hasText(query, "query must not be empty");
		Assert.notNull(retrieved, "retrieved must not be null");
		Assert.isTrue(topK >= 1, "topK must be positive");
		if (retrieved.size() < 2 || this == OFF) {
			return first(query, retrieved, topK);
		}
		try {
			return this.reranker.rerank(query, retrieved, topK);
		}
		catch (RuntimeException ex) {
			// the cause says what an HTTP client's wrapper does not (timed out, refused)
			logger.warn("The reranker failed, the retrieval order stands: {}{}", ex,
					(ex.getCause() != null) ? " (" + ex.getCause() + ")" : "");
			return first(query, retrieved, topK);
		}
	}

	private static List<ScoredChunk> first(String query, List<ScoredChunk> retrieved, int topK) {
		return List.copyOf(retrieved.subList(0, Math.min(topK, retrieved.size())));
	}

}
