package dev.ragchat.answer.judge;

import dev.ragchat.answer.Refusal;

/**
 * The search's own verdict, before every other judge: nothing found, or nothing the
 * reranker scores at its least score ({@code ragchat.rerank.min-score}: a cross-encoder
 * reads the question with each chunk, so its least score judges what is relevant).
 */
public final class SourcesJudge implements Judge {

	/** Its name in an answer's trace. */
	static final String NAME = "search";

	@Override
	public Verdict judge(Judged judged) {
		Verdict verdict;
		if (judged.found().allBelowLeastScore()) {
			verdict = Verdict.refused(judged.sources(), Refusal.BELOW_RERANK_SCORE,
					"the reranker scored all " + judged.found().retrieved() + " chunks found below its least score");
		}
		else if (judged.sources().isEmpty()) {
			verdict = Verdict.refused(judged.sources(), Refusal.NO_SOURCES, "search found no chunk");
		}
		else {
			verdict = Verdict.answerable(judged.sources());
		}
		if (judged.decisions().on()) {
			judged.decisions()
				.decided(NAME, verdict, verdict.answerable() ? "search found " + judged.sources().size() + " chunks"
						: verdict.refusal().detail());
		}
		return verdict;
	}

}
