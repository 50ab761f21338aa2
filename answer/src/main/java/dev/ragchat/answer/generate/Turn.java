package dev.ragchat.answer.generate;

/**
 * A turn of the conversation before a question, as rewriters and generators read it (the
 * session's history is kept as {@code ChatMessage}s one package up).
 *
 * @param role {@link #USER} or {@link #ASSISTANT}
 * @param content what was said
 */
public record Turn(String role, String content) {

	/** The role of the user's turns. */
	public static final String USER = "user";

	/** The role of the answers. */
	public static final String ASSISTANT = "assistant";

	/**
	 * @return whether the user said it
	 */
	public boolean byUser() {
		return USER.equals(this.role);
	}

}
