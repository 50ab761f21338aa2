package dev.ragchat.api.answer.judge;

/**
 * The search's own verdict, before every other judge: nothing found, or nothing the
 * reranker scores at its least score ({@code ragchat.rerank.min-score}: a cross-encoder
 * reads the question with each chunk, so its least score judges what is relevant).
 */
public final class SourcesJudge implements Judge {

	@Override
	public Verdict judge(Judged judged) {
		if (judged.found().allBelowLeastScore()) {
			return Verdict.refused(judged.sources(), Refusal.BELOW_RERANK_SCORE,
					"the reranker scored all " + judged.found().retrieved() + " chunks found below its least score");
		}
		if (judged.sources().isEmpty()) {
			return Verdict.refused(judged.sources(), Refusal.NO_SOURCES, "search found no chunk");
		}
		return Verdict.answerable(judged.sources());
	}

}
