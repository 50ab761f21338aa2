package dev.ragchat.answer.judge;

/**
 * Decides whether the sources answer a question, before an answer is written, from what
 * it reads ({@link Judged}: what the search stage found, and read of it): a judge
 * searches nothing. It may narrow the sources (those about what the question names), take
 * those the search stage's expansion joined, and says why when they do not answer.
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

	/**
	 * Told each judge's decision, for an answer's trace. {@link #OFF} is told nothing: a
	 * judge builds the words of its reason only when {@link #on()}.
	 */
	interface Decisions {

		/** No trace. */
		Decisions OFF = new Decisions() {

			@Override
			public boolean on() {
				return false;
			}

			@Override
			public void decided(String judge, Verdict verdict, String why) {
			}

		};

		/**
		 * @return whether decisions are recorded
		 */
		boolean on();

		/**
		 * @param judge which judge decided ({@code search}, {@code similarity-floor},
		 * {@code names})
		 * @param verdict its decision
		 * @param why what it saw, for people (a refusal's detail is the refusal's)
		 */
		void decided(String judge, Verdict verdict, String why);

	}

}
