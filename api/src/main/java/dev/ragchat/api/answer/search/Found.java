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
	 * @param message a text the query holds (the message a conversation's subject was
	 * added to)
	 * @return the same, its names and periods only those the message writes: what the
	 * judge holds the sources to when the rest of the query is context
	 */
	public Found namesOf(String message) {
		String written = message.toLowerCase(java.util.Locale.ROOT);
		java.util.function.Predicate<String> inMessage = (name) -> written
			.contains(name.toLowerCase(java.util.Locale.ROOT));
		return new Found(new ShapedQuery(this.query.text(), this.query.keywords(),
				this.query.names().stream().filter(inMessage).toList(),
				this.query.periods().stream().filter(inMessage).toList()), this.chunks, this.retrieved);
	}

	/**
	 * @return whether retrieval found chunks and the reranker's least score left none
	 */
	public boolean allBelowLeastScore() {
		return this.retrieved > 0 && this.chunks.isEmpty();
	}

}
