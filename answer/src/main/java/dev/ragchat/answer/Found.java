package dev.ragchat.answer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.query.ShapedQuery;

/**
 * What a search found, and what the searches of its query expansion joined to it.
 *
 * @param query the query as shaped: its weighted words, names and periods
 * @param chunks the chunks, best first (the reranker's order and scores when one ordered
 * them): the search's own, the passages an answer reports
 * @param retrieved how many chunks retrieval found before the reranker's least score
 * (more than {@code chunks.size()} when the least score left some out)
 * @param joined the chunks the expansion's searches found that the set did not hold yet,
 * in the order they were found ({@link #join})
 */
public record Found(ShapedQuery query, List<ScoredChunk> chunks, int retrieved, List<ScoredChunk> joined) {

	public Found {
		chunks = List.copyOf(chunks);
		joined = List.copyOf(joined);
	}

	/**
	 * What one search found, nothing joined.
	 */
	public Found(ShapedQuery query, List<ScoredChunk> chunks, int retrieved) {
		this(query, chunks, retrieved, List.of());
	}

	/**
	 * @param named the text the judge reads names from, shaped
	 * @return the same, with that text's names and periods: what the judge holds the
	 * sources to when part of the query is context for search only
	 */
	public Found judging(ShapedQuery named) {
		return new Found(new ShapedQuery(this.query.text(), this.query.keywords(), named.names(), named.periods()),
				this.chunks, this.retrieved, this.joined);
	}

	/**
	 * The joiner of a query expansion: a concatenation, the first chunk of an id found
	 * kept (the expansion's searches are of the same index, so the same chunk is the same
	 * passage whichever search found it).
	 * @param more what one search of the expansion found
	 * @return this, with the chunks of {@code more} it did not hold joined after its own
	 */
	public Found join(Found more) {
		Set<String> ids = new HashSet<>();
		all().forEach((chunk) -> ids.add(chunk.chunk().id()));
		List<ScoredChunk> joined = new ArrayList<>(this.joined);
		for (ScoredChunk chunk : more.chunks()) {
			if (ids.add(chunk.chunk().id())) {
				joined.add(chunk);
			}
		}
		return (joined.size() == this.joined.size()) ? this
				: new Found(this.query, this.chunks, this.retrieved, joined);
	}

	/**
	 * @return the found set: the search's chunks, then those its expansion joined
	 */
	public List<ScoredChunk> all() {
		if (this.joined.isEmpty()) {
			return this.chunks;
		}
		List<ScoredChunk> all = new ArrayList<>(this.chunks);
		all.addAll(this.joined);
		return List.copyOf(all);
	}

	/**
	 * @return whether retrieval found chunks and the reranker's least score left none
	 */
	public boolean allBelowLeastScore() {
		return this.retrieved > 0 && this.chunks.isEmpty();
	}

}
