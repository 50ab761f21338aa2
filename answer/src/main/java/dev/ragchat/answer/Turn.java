package dev.ragchat.answer;

import java.util.List;

/**
 * A turn of the conversation before a question, as rewriters and generators read it (the
 * session's history is kept as {@code ChatMessage}s one package up).
 *
 * @param role {@link #USER} or {@link #ASSISTANT}
 * @param content what was said
 * @param cited for an answer of ragchat's own sessions, the documents it cited (empty:
 * none, or not known, as in a {@code /v1} history)
 * @param refused whether the answer said the documents do not answer (a refused turn puts
 * nothing in the conversation's focus)
 */
public record Turn(String role, String content, List<String> cited, boolean refused) {

	/** The role of the user's turns. */
	public static final String USER = "user";

	/** The role of the answers. */
	public static final String ASSISTANT = "assistant";

	public Turn {
		cited = (cited != null) ? List.copyOf(cited) : List.of();
		refused = refused || (!USER.equals(role) && content != null && content.contains(AnswerGenerator.NOT_FOUND));
	}

	/**
	 * A turn as its text alone says it (a {@code /v1} history, an evaluation's).
	 */
	public Turn(String role, String content) {
		this(role, content, List.of(), false);
	}

	/**
	 * @return whether the user said it
	 */
	public boolean byUser() {
		return USER.equals(this.role);
	}

}
