package dev.ragchat.api.chat;

import java.time.Instant;
import java.util.List;

import dev.ragchat.api.chat.answer.Turn;

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
 */
public record ChatMessage(String id, String sessionId, String role, String content, Boolean grounded,
		List<Citation> citations, Instant createdAt) {

	public static final String USER = Turn.USER;

	public static final String ASSISTANT = Turn.ASSISTANT;

	public ChatMessage {
		citations = (citations != null) ? List.copyOf(citations) : List.of();
	}

}
