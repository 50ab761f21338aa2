package dev.ragchat.answer.query;

import java.util.List;
import java.util.regex.Pattern;

import dev.ragchat.answer.generate.Turn;
import dev.ragchat.answer.search.Found;
import dev.ragchat.answer.search.SearchRequest;

/**
 * Decides what to search for a message of a conversation: the message alone, or the
 * message with the subject the conversation supplies ({@link ConversationRewriter} by the
 * evidence of the knowledge base, or a language model, {@link CompressingQueryRewriter}).
 */
@FunctionalInterface
public interface QueryRewriter {

	/**
	 * Words by which a message points back to what was said before: it, this, those, "and
	 * …", "what about …", "which one", "go there". Not the "there" that says something
	 * exists ("is there a limit", "there are fees") nor the "one" that counts a noun
	 * ("one time"): neither points anywhere.
	 */
	Pattern POINTS_BACK = Pattern.compile("^\\s*(and|also|what about|how about)\\b"
			+ "|\\b(it|its|they|their|them|that|those|this|these|he|his|him|she|her|same|former|latter)\\b"
			+ "|\\bones?\\b(?!\\s+(?!(?:of|is|are|was|were|that|which|with|for|in|on|at|to|do|does|did|has|have|can|will"
			+ "|should|would|or|and)\\b)\\p{L})"
			+ "|(?<!\\b(?:is|are|was|were|be|been)\\s{1,3})\\bthere\\b(?!['’]s\\b|\\s+(?:is|are|was|were|be|exists?|seems?"
			+ "|appears?|will|would|should|must|might|may|can|could|has|have|had)\\b)", Pattern.CASE_INSENSITIVE);

	/**
	 * @param conversation the message, the turns before it and where it is searched
	 * @return what to search for, and why
	 */
	Rewrite rewrite(Conversation conversation);

	/**
	 * A message in its conversation.
	 *
	 * @param asked the search of the message alone (its knowledge base, settings and
	 * filter are those of every search the rewriter makes)
	 * @param history the turns before it, oldest first
	 */
	record Conversation(SearchRequest asked, List<Turn> history) {

		public Conversation {
			history = (history != null) ? List.copyOf(history) : List.of();
		}

		/**
		 * @return the message as asked
		 */
		public String question() {
			return this.asked.query();
		}

		/**
		 * @param query another query
		 * @return the search of it, with the same settings
		 */
		public SearchRequest searching(String query) {
			return this.asked.searching(query);
		}

	}

	/**
	 * What to search for.
	 *
	 * @param query the query
	 * @param why the decision, for an answer's trace
	 * @param found what a search of exactly that query found when the rewriter searched
	 * it (untraced), or {@code null}
	 * @param named the text whose names and periods the judge holds the sources to, as
	 * written (the message, and the questions a message that points back points to), or
	 * {@code null} for the query: what the query adds for search only is context
	 */
	record Rewrite(String query, String why, Found found, String named) {

		/**
		 * What to search for, its names judged as the query holds them.
		 */
		public Rewrite(String query, String why, Found found) {
			this(query, why, found, null);
		}

		/**
		 * @param question the message
		 * @param why why it stands alone
		 * @return the message searched as it is
		 */
		public static Rewrite asked(String question, String why) {
			return new Rewrite(question, why, null);
		}

	}

}
