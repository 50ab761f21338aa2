package dev.ragchat.api.answer.search;

import java.util.List;

import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.query.ShapedQuery;

/**
 * What a search found.
 *
 * @param query the query as shaped: its weighted words, names and periods
 * @param chunks the chunks, best first (the reranker's order and scores when one ordered
 * them)
 * @param retrieved how many chunks retrieval found before the reranker's least score
 * (more than {@code chunks.size()} when the least score left some out)
 */
public record Found(ShapedQuery query, List<ScoredChunk> chunks, int retrieved) {

	public Found {
		chunks = List.copyOf(chunks);
	}

	/**
	 * @param named the text the judge reads names from, shaped
	 * @return the same, with that text's names and periods: what the judge holds the
	 * sources to when part of the query is context for search only
	 */
	public Found judging(ShapedQuery named) {
		return new Found(new ShapedQuery(this.query.text(), this.query.keywords(), named.names(), named.periods()),
				this.chunks, this.retrieved);
	}

	/**
	 * @return whether retrieval found chunks and the reranker's least score left none
	 */
	public boolean allBelowLeastScore() {
		return this.retrieved > 0 && this.chunks.isEmpty();
	}

}
