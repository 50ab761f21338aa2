package dev.ragchat.answer.query;

import java.util.List;

import dev.ragchat.answer.Found;
import dev.ragchat.answer.SearchRequest;
import dev.ragchat.answer.Turn;

/**
 * Decides what to search for a message of a conversation: the message alone, or the
 * message with the subject the conversation is about ({@link ConversationReader}, which a
 * language model's rewrite, {@link CompressingQueryRewriter}, starts from).
 */
@FunctionalInterface
public interface QueryRewriter {

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
	 * written (the message, with the name of the subject it follows up on), or
	 * {@code null} for the query
	 * @param state what the conversation is about and what the message asks, or
	 * {@code null} when not read
	 * @param documents the documents the search is narrowed to: those of the subject in
	 * focus, when they speak of what is asked (empty: the whole scope)
	 * @param held the subjects a follow-up's sources are about: from their documents or
	 * writing their names (empty: any source)
	 */
	record Rewrite(String query, String why, Found found, String named, ConversationState state, List<String> documents,
			List<Subject> held) {

		public Rewrite {
			documents = (documents != null) ? List.copyOf(documents) : List.of();
			held = (held != null) ? List.copyOf(held) : List.of();
		}

		/**
		 * What to search for, its names judged as the query holds them.
		 */
		public Rewrite(String query, String why, Found found) {
			this(query, why, found, null, null, List.of(), List.of());
		}

		/**
		 * @param question the message
		 * @param why why it stands alone
		 * @return the message searched as it is
		 */
		public static Rewrite asked(String question, String why) {
			return new Rewrite(question, why, null);
		}

		/**
		 * @param rewritten another query
		 * @param reason why
		 * @return the same state and documents, searched with that query
		 */
		public Rewrite searching(String rewritten, String reason) {
			return new Rewrite(rewritten, reason, null, this.named, this.state, this.documents, this.held);
		}

	}

}
