package dev.ragchat.api.chat;

import java.time.Instant;
import java.util.List;

import dev.ragchat.api.answer.cite.Citation;
import dev.ragchat.api.answer.generate.Turn;

/**
 * One turn of a chat session.
 *
 * @param id its id
 * @param sessionId the session
 * @param role {@code user} or {@code assistant}
 * @param content the text
 * @param grounded for an answer: whether it rests on the documents
 * @param citations for an answer: the sources it cites
 * @param createdAt when it was said
 * @param tokens for an answer written by a language model: the tokens it spent (prompt
 * and answer, as the model reports them); {@code null} otherwise
 */
public record ChatMessage(String id, String sessionId, String role, String content, Boolean grounded,
		List<Citation> citations, Instant createdAt, Long tokens) {

	public static final String USER = Turn.USER;

	public static final String ASSISTANT = Turn.ASSISTANT;

	public ChatMessage {
		citations = (citations != null) ? List.copyOf(citations) : List.of();
	}

	/**
	 * A turn without a model's token count.
	 */
	public ChatMessage(String id, String sessionId, String role, String content, Boolean grounded,
			List<Citation> citations, Instant createdAt) {
		this(id, sessionId, role, content, grounded, citations, createdAt, null);
	}

}
