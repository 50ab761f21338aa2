package dev.ragchat.api.answer.judge;

/**
 * Decides whether the sources answer a question, before an answer is written. A judge may
 * widen the sources (more of the documents the question names) or narrow them (those
 * about what it names), and says why when they do not answer.
 */
@FunctionalInterface
public interface Judge {

	/**
	 * @param judged the question as searched and its sources
	 * @return the decision, with the sources an answer may use
	 */
	Verdict judge(Judged judged);

	/**
	 * @param next the judge that reads the sources this one lets through
	 * @return both, this one first; the first refusal stands
	 */
	default Judge then(Judge next) {
		return (judged) -> {
			Verdict first = judge(judged);
			return first.answerable() ? next.judge(judged.with(first.sources())) : first;
		};
	}

}
