package dev.ragchat.api.session;

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
record ChatMessage(String id, String sessionId, String role, String content, Boolean grounded, List<Citation> citations,
		Instant createdAt) {

	static final String USER = "user";

	static final String ASSISTANT = "assistant";

	ChatMessage {
		citations = (citations != null) ? List.copyOf(citations) : List.of();
	}

}
