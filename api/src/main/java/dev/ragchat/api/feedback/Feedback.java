package dev.ragchat.api.feedback;

import java.time.Instant;

/**
 * What a user thought of one answer. One per answer: rating it again replaces it.
 *
 * @param messageId the answer (a message of the session)
 * @param sessionId its session
 * @param knowledgeBase the knowledge base the session asks
 * @param keyId the API key that started the session
 * @param rating up or down
 * @param reason why, or {@code null}
 * @param answer the start of the answer's text, as it was rated
 * @param createdAt when it was given
 */
public record Feedback(String messageId, String sessionId, String knowledgeBase, String keyId, Rating rating,
		String reason, String answer, Instant createdAt) {

	/** The longest reason. */
	public static final int MAX_REASON = 2000;

	/** How much of the answer is kept with the rating. */
	public static final int ANSWER_EXCERPT = 500;

	/**
	 * Thumbs up or down.
	 */
	public enum Rating {

		/** A good answer. */
		UP,

		/** A bad one. */
		DOWN

	}

}
