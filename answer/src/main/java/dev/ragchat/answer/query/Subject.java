package dev.ragchat.answer.query;

import java.util.List;

/**
 * A thing a conversation is about: the documents a turn named (by a title, a part of a
 * title, a heading or a name a document is about) or an answer cited, or a name no
 * document is about.
 *
 * @param label how it is named: the title (or the part of it) a turn wrote, or the name
 * @param documentIds its documents (empty: a name the knowledge base has no document
 * about)
 * @param from who put it in focus: {@link #USER}, {@link #ASSISTANT} (named in an
 * answer's text), {@link #CITED} (an answer's citations or its quotes found verbatim),
 * {@link #DESCRIBED} (the documents an answer describes side by side), {@link #FOUND}
 * (the document a turn reads most like, when nothing else says), {@link #UNWRITTEN}
 * (asked about by the user, written in no document)
 */
public record Subject(String label, List<String> documentIds, String from) {

	/** Named by the user. */
	public static final String USER = "user";

	/** Named by the assistant in its answer's text. */
	public static final String ASSISTANT = "assistant";

	/** The documents an answer cited or quoted. */
	public static final String CITED = "cited";

	/**
	 * The documents an answer describes side by side without naming them, when no turn
	 * names or cites one.
	 */
	public static final String DESCRIBED = "described";

	/**
	 * A thing the user asks about that no document of the scope writes: the knowledge
	 * base has nothing on it.
	 */
	public static final String UNWRITTEN = "unwritten";

	/** The document a turn's words find first, when no turn names or cites one. */
	public static final String FOUND = "found";

	public Subject {
		documentIds = List.copyOf(documentIds);
	}

	/**
	 * @return whether the knowledge base has a document about it
	 */
	public boolean documented() {
		return !this.documentIds.isEmpty();
	}

	/**
	 * @return whether an answer described it beside others without naming it
	 */
	public boolean described() {
		return DESCRIBED.equals(this.from);
	}

	/**
	 * @return who put it in focus, for the trace
	 */
	public String origin() {
		return switch (this.from) {
			case ASSISTANT -> "named in the previous answer";
			case CITED -> "the documents the previous answer cited";
			case DESCRIBED -> "described side by side in the previous answer";
			case FOUND -> "the document the previous answer reads most like";
			case UNWRITTEN -> "asked about by the user, written in no document";
			default -> "named by the user";
		};
	}

}
