package dev.ragchat.retrieval.rerank;

import java.util.List;

import dev.ragchat.retrieval.ChunkSearch;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.SearchTrace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.Assert;

/**
 * The rerank step: a search retrieves {@link #depth more candidates} than it keeps, a
 * {@link Reranker} orders them, and the best {@code topK} go on. A failing reranker
 * (unreachable, too slow, an error, an answer that ranks something else) costs a warning,
 * never the search: the retrieval order stands. {@link #off()} keeps the retrieval order
 * without asking anyone.
 * <p>
 * With a least score, the reranker is also the judge of what is relevant: a chunk it
 * scores below it does not go on, so an answer whose every candidate falls below is "not
 * in the documents". A reranker reads the question with each chunk (a cross-encoder),
 * which tells a passage that answers from one that is only about the same subject far
 * better than the embedding's similarity can
 * (docs/decisions/0023-in-domain-refusal-needs-a-judge.md). Scores are the model's own (a
 * probability for some, a logit for others), so the least score has no default. When the
 * reranker fails, the retrieval order stands unfiltered: retrieval's scores are on
 * another scale.
 */
public final class Reranking {

	private static final Logger logger = LoggerFactory.getLogger(Reranking.class);

	private static final String NOT_RERANKED = "not reranked: the retrieval order stands";

	private static final String FAILED = "the reranker failed: the retrieval order stands";

	private static final String RERANKED = "ordered by the reranker";

	private static final Reranking OFF = new Reranking(Reranking::first, 1, null);

	private final Reranker reranker;

	private final int candidates;

	private final Double minScore;

	/**
	 * @param reranker orders the candidates
	 * @param candidates how many chunks a search retrieves for it (at least {@code topK})
	 */
	public Reranking(Reranker reranker, int candidates) {
		this(reranker, candidates, null);
	}

	/**
	 * @param reranker orders the candidates
	 * @param candidates how many chunks a search retrieves for it (at least {@code topK})
	 * @param minScore the least score of the reranker's a chunk needs to go on, or
	 * {@code null} to keep the best {@code topK} whatever their scores
	 */
	public Reranking(Reranker reranker, int candidates, Double minScore) {
		Assert.notNull(reranker, "reranker must not be null");
		Assert.isTrue(candidates >= 1 && candidates <= ChunkSearch.MAX_TOP_K,
				"candidates must be between 1 and " + ChunkSearch.MAX_TOP_K);
		Assert.isTrue(minScore == null || Double.isFinite(minScore), "minScore must be a finite number");
		this.reranker = reranker;
		this.candidates = candidates;
		this.minScore = minScore;
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
	 * @return the best {@code topK} as the reranker orders them (those it scores at least
	 * the least score, when one is set: perhaps none), or in the retrieval order when it
	 * fails
	 */
	public List<ScoredChunk> rerank(String query, List<ScoredChunk> retrieved, int topK) {
		return rerank(query, retrieved, topK, SearchTrace.OFF);
	}

	/**
	 * @param query the question
	 * @param retrieved what the search retrieved, best first
	 * @param topK how many to keep
	 * @param trace told the order kept and how it was made ({@link SearchTrace#OFF}:
	 * nothing)
	 * @return the best {@code topK} as the reranker orders them (those it scores at least
	 * the least score, when one is set: perhaps none), or in the retrieval order when it
	 * fails
	 */
	public List<ScoredChunk> rerank(String query, List<ScoredChunk> retrieved, int topK, SearchTrace trace) {
		Assert.hasText(query, "query must not be empty");
		Assert.notNull(retrieved, "retrieved must not be null");
		Assert.isTrue(topK >= 1, "topK must be positive");
		// one candidate needs no ordering, but a judge still reads it
		if (this == OFF || retrieved.isEmpty() || (retrieved.size() < 2 && this.minScore == null)) {
			List<ScoredChunk> first = first(query, retrieved, topK);
			trace.ranked(SearchTrace.Ranking.RERANKED, first, first.size(), NOT_RERANKED);
			return first;
		}
		List<ScoredChunk> reranked;
		try {
			reranked = this.reranker.rerank(query, retrieved, topK);
		}
		catch (RuntimeException ex) {
			// the cause says what an HTTP client's wrapper does not (timed out, refused)
			logger.warn("The reranker failed, the retrieval order stands: {}{}", ex,
					(ex.getCause() != null) ? " (" + ex.getCause() + ")" : "");
			List<ScoredChunk> first = first(query, retrieved, topK);
			trace.ranked(SearchTrace.Ranking.RERANKED, first, first.size(), FAILED);
			return first;
		}
		if (this.minScore == null) {
			trace.ranked(SearchTrace.Ranking.RERANKED, reranked, reranked.size(), RERANKED);
			return reranked;
		}
		List<ScoredChunk> relevant = reranked.stream().filter((c) -> c.score() >= this.minScore).toList();
		if (relevant.size() < reranked.size()) {
			logger.debug("The reranker scored {} of {} chunks below {}", reranked.size() - relevant.size(),
					reranked.size(), this.minScore);
		}
		if (trace.on()) {
			trace.ranked(SearchTrace.Ranking.RERANKED, relevant, relevant.size(),
					"ordered by the reranker; %d of %d kept at its least score %s".formatted(relevant.size(),
							reranked.size(), this.minScore));
		}
		return relevant;
	}

	private static List<ScoredChunk> first(String query, List<ScoredChunk> retrieved, int topK) {
		return List.copyOf(retrieved.subList(0, Math.min(topK, retrieved.size())));
	}

}
