package dev.ragchat.retrieval;

import java.util.List;

import dev.ragchat.retrieval.query.ShapedQuery;

/**
 * Told what a search does as it does it, for an answer's trace: the query as shaped, then
 * each ranking as it is made (the vector and the keyword ranking, their fusion, the
 * reranker's order). {@link #OFF} is told nothing and asks for nothing: a search that is
 * not traced does no work for its trace (an index resolves the chunks of its inner
 * rankings only when a trace is {@link #on()}).
 */
public interface SearchTrace {

	/** How many candidates of a ranking a trace keeps (an index resolves no more). */
	int TOP = 20;

	/** No trace: every call returns at once. */
	SearchTrace OFF = new SearchTrace() {

		@Override
		public boolean on() {
			return false;
		}

		@Override
		public void shaped(ShapedQuery query) {
		}

		@Override
		public void ranked(Ranking ranking, List<ScoredChunk> ranked, int found, String note) {
		}

	};

	/**
	 * @return whether anything is recorded (a caller builds a note only then)
	 */
	boolean on();

	/**
	 * @param query the query as shaped
	 */
	void shaped(ShapedQuery query);

	/**
	 * @param ranking which ranking was made
	 * @param ranked its candidates, best first (at least the first {@link #TOP} of them)
	 * @param found how many candidates it holds
	 * @param note how it was made, or {@code null}
	 */
	void ranked(Ranking ranking, List<ScoredChunk> ranked, int found, String note);

	/**
	 * The rankings of a search, in the order they are made.
	 */
	enum Ranking {

		/** Nearest neighbours of the query's embedding. */
		VECTOR,

		/** BM25 over the query's weighted words. */
		KEYWORD,

		/** Both fused (hybrid search). */
		FUSED,

		/** The fused candidates as a reranker orders them, those kept. */
		RERANKED

	}

}
