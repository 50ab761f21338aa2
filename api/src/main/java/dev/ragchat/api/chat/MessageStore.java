package dev.ragchat.api.chat;

import java.time.Instant;
import java.util.List;

/**
 * The catalog port for chat history. Every adapter passes
 * {@code MessageStoreContractTests}.
 */
public interface MessageStore {

	/**
	 * Appends a message after the session's last one.
	 * @param message the message
	 */
	void append(ChatMessage message);

	/**
	 * @param sessionId a session
	 * @param offset how many of its oldest messages to skip
	 * @param limit how many to return at most
	 * @return its messages, oldest first
	 */
	List<ChatMessage> page(String sessionId, int offset, int limit);

	long count(String sessionId);

	/**
	 * @param sessionId a session
	 * @param limit how many
	 * @return its latest messages, oldest first
	 */
	List<ChatMessage> latest(String sessionId, int limit);

	/**
	 * Removes a session's whole history (with its citations).
	 * @param sessionId the session
	 */
	void deleteSession(String sessionId);

	/**
	 * For usage analytics.
	 * @param from the first instant
	 * @param to the instant after the last
	 * @return the messages said in {@code [from, to)}, by session and in each session
	 * oldest first
	 */
	List<ChatMessage> between(Instant from, Instant to);

}
