package dev.ragchat.api.chat.answer;

import java.util.List;

/**
 * Turns a follow-up into a query that stands on its own.
 */
@FunctionalInterface
public interface QueryRewriter {

	/**
	 * @param question the new message
	 * @param history the recent turns before it, oldest first
	 * @return what to search for
	 */
	String standalone(String question, List<Turn> history);

	/**
	 * Without a language model: a short follow-up is searched together with the previous
	 * question, so that "and in 1950?" still finds its subject.
	 * @return the rewriter
	 */
	static QueryRewriter heuristic() {
		return (question, history) -> {
			if (question.split("\\s+").length > 6) {
				return question;
			}
			for (int i = history.size() - 1; i >= 0; i--) {
				if (history.get(i).byUser()) {
					return history.get(i).content() + " " + question;
				}
			}
			return question;
		};
	}

}
