package dev.ragchat.retrieval.rerank;

import java.util.List;

import dev.ragchat.retrieval.ScoredChunk;

/**
 * Orders a search's candidates by how well each answers the question, reading both
 * together (a cross-encoder), unlike the index's rankings, which compare them apart.
 */
@FunctionalInterface
public interface Reranker {

	/**
	 * @param query the question
	 * @param candidates the retrieved chunks, best first
	 * @param topK how many to keep
	 * @return at most {@code topK} of the candidates, best first, each scored by the
	 * reranker (scores comparable only within one call)
	 * @throws RuntimeException when the reranker cannot be reached or answers something
	 * else than a ranking of these candidates ({@link Reranking} then keeps the retrieval
	 * order)
	 */
	List<ScoredChunk> rerank(String query, List<ScoredChunk> candidates, int topK);

}
