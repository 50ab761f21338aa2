package dev.ragchat.api.chat;

import java.time.Instant;
import java.util.List;

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

	public static final String USER = "user";

	public static final String ASSISTANT = "assistant";

	public ChatMessage {
		citations = (citations != null) ? List.copyOf(citations) : List.of();
	}

}
