package dev.ragchat.api.answer.query;

import java.util.List;
import java.util.regex.Pattern;

import dev.ragchat.api.answer.generate.Turn;

/**
 * Turns a follow-up into a query that stands on its own.
 */
@FunctionalInterface
public interface QueryRewriter {

	/**
	 * Words by which a follow-up points back to what was asked before.
	 */
	Pattern POINTS_BACK = Pattern.compile(
			"^\\s*(and|also|what about|how about)\\b"
					+ "|\\b(it|its|they|their|them|that|those|this|these|he|his|him|she|her|same|former|latter)\\b",
			Pattern.CASE_INSENSITIVE);

	/**
	 * @param question the new message
	 * @param history the recent turns before it, oldest first
	 * @return what to search for
	 */
	String standalone(String question, List<Turn> history);

	/**
	 * Without a language model: a short follow-up, or one that points back ("its", "that
	 * year", "and …"), is searched together with the previous question, so that "and in
	 * 1950?" still finds its subject, and a follow-up to a refused question stays on the
	 * refused subject instead of drifting to what the documents do hold.
	 * @return the rewriter
	 */
	static QueryRewriter heuristic() {
		return (question, history) -> {
			if (question.split("\\s+").length > 6 && !POINTS_BACK.matcher(question).find()) {
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
