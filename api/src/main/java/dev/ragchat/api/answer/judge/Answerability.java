package dev.ragchat.api.answer.judge;

import java.util.List;
import java.util.Locale;

import dev.ragchat.api.answer.search.Search;
import dev.ragchat.api.answer.search.SearchRequest;
import dev.ragchat.retrieval.MetadataFilter;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.SearchMode;

/**
 * The extract's last judge: one answerability score from two signals of the question's
 * rankings, refused below a threshold. A passage that answers the question usually holds
 * its words, so the passage nearest its meaning is among those keyword search ranks too,
 * and it stands out of the fused ranking (the first clearly ahead of the second); a
 * question the documents only speak around finds a nearest passage without its words and
 * a row of neighbours none of which leads. The weights are a logistic regression fitted
 * offline on the development sets' answers ({@code benchmarks/eval/answerability_fit.py},
 * which names its data); the threshold keeps every set's answerable questions grounded
 * within a point. A language model is not judged so: it reads the sources and says itself
 * when they do not answer.
 */
public final class Answerability implements Judge {

	/** Its name in an answer's trace. */
	static final String NAME = "answerability";

	/**
	 * How deep keyword search is read for the vector ranking's first passage; absent, its
	 * rank counts as one more.
	 */
	static final int DEPTH = 20;

	/** Weight of the natural log of the vector-first passage's rank in keyword search. */
	static final double WEIGHT_LOG_KEYWORD_RANK = -0.356;

	/** Weight of the fused ranking's first score minus its second. */
	static final double WEIGHT_FUSED_GAP = 26.559;

	/** The score's constant term. */
	static final double BIAS = 0.134;

	/** Scores below this are refused. */
	static final double THRESHOLD = -0.8954;

	private final Rankings rankings;

	/**
	 * @param search ranks the question's passages by keyword and by vector alone
	 */
	public Answerability(Search search) {
		this((knowledgeBase, query, depth, mode, filter) -> search
			.search(new SearchRequest(knowledgeBase, query, depth, mode, List.of(), filter, false))
			.chunks());
	}

	/**
	 * @param rankings ranks the question's passages by one kind of search
	 */
	Answerability(Rankings rankings) {
		this.rankings = rankings;
	}

	/**
	 * @param keywordRank the vector-first passage's rank in keyword search, from 1
	 * ({@link #DEPTH} + 1 when absent)
	 * @param fusedGap the fused ranking's first score minus its second (its first score
	 * when it holds one passage)
	 * @return the answerability score
	 */
	static double score(int keywordRank, double fusedGap) {
		return WEIGHT_LOG_KEYWORD_RANK * Math.log(keywordRank) + WEIGHT_FUSED_GAP * fusedGap + BIAS;
	}

	@Override
	public Verdict judge(Judged judged) {
		if (judged.media()) {
			Verdict verdict = Verdict.answerable(judged.sources());
			judged.decisions().decided(NAME, verdict, "images or audio came with the question: not scored");
			return verdict;
		}
		List<ScoredChunk> fused = judged.found().chunks();
		String query = judged.query().text();
		List<ScoredChunk> vector = this.rankings.rank(judged.knowledgeBase(), query, 1, SearchMode.VECTOR,
				judged.filter());
		if (fused.isEmpty() || vector.isEmpty()) {
			Verdict verdict = Verdict.answerable(judged.sources());
			judged.decisions().decided(NAME, verdict, "nothing ranked to score");
			return verdict;
		}
		List<ScoredChunk> keyword = this.rankings.rank(judged.knowledgeBase(), query, DEPTH, SearchMode.KEYWORD,
				judged.filter());
		String nearest = vector.get(0).chunk().id();
		int keywordRank = DEPTH + 1;
		for (int i = 0; i < Math.min(DEPTH, keyword.size()); i++) {
			if (keyword.get(i).chunk().id().equals(nearest)) {
				keywordRank = i + 1;
				break;
			}
		}
		double fusedGap = fused.get(0).score() - ((fused.size() > 1) ? fused.get(1).score() : 0);
		double score = score(keywordRank, fusedGap);
		String detail = String.format(Locale.ROOT,
				"answerability %.3f (threshold %.3f): the passage nearest the question %s, fused first-to-second gap %.4f",
				score, THRESHOLD,
				(keywordRank > DEPTH) ? "not in keyword search's first " + DEPTH : "keyword search's " + keywordRank,
				fusedGap);
		Verdict verdict = (score < THRESHOLD) ? Verdict.refused(judged.sources(), Refusal.LOW_ANSWERABILITY, detail)
				: Verdict.answerable(judged.sources());
		judged.decisions().decided(NAME, verdict, detail);
		return verdict;
	}

	/**
	 * One kind of search's ranking of a question's passages.
	 */
	@FunctionalInterface
	interface Rankings {

		/**
		 * @param knowledgeBase the knowledge base
		 * @param query the question as searched
		 * @param depth how many passages
		 * @param mode keyword or vector
		 * @param filter the filter the sources passed, or {@code null}
		 * @return the passages, best first
		 */
		List<ScoredChunk> rank(String knowledgeBase, String query, int depth, SearchMode mode, MetadataFilter filter);

	}

}
