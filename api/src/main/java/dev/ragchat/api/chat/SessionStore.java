package dev.ragchat.api.chat;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The catalog port for chat sessions. Every adapter passes
 * {@code SessionStoreContractTests}.
 */
public interface SessionStore {

	void save(ChatSession session);

	Optional<ChatSession> findById(String id);

	/**
	 * Ends a session; ending twice keeps the first time.
	 * @param id the session
	 * @param at when
	 * @return whether the session exists
	 */
	boolean end(String id, Instant at);

	/**
	 * Ends every open session a key started.
	 * @param keyId the key
	 * @param at when
	 * @return how many sessions were ended
	 */
	int endAllOfKey(String keyId, Instant at);

	/**
	 * Records the expiry of a session's latest token.
	 * @param id the session
	 * @param expiresAt when its new token expires
	 * @return whether it exists
	 */
	boolean renew(String id, Instant expiresAt);

	/**
	 * @param keyId an API key
	 * @param knowledgeBases only sessions on these knowledge bases, or {@code null} for
	 * all
	 * @param offset how many of its sessions to skip
	 * @param limit how many to return at most
	 * @return the sessions the key started, pinned first (the latest pinned first), then
	 * newest first
	 */
	default List<ChatSession> pageOfKey(String keyId, List<String> knowledgeBases, int offset, int limit) {
		return pageOfKey(keyId, knowledgeBases, null, offset, limit);
	}

	/**
	 * @param keyId an API key
	 * @param knowledgeBases only sessions on these knowledge bases, or {@code null} for
	 * all
	 * @param text only sessions whose title or one of whose messages holds this text
	 * (ignoring case), or {@code null} for all
	 * @param offset how many of its sessions to skip
	 * @param limit how many to return at most
	 * @return the sessions the key started, pinned first (the latest pinned first), then
	 * newest first
	 */
	default List<ChatSession> pageOfKey(String keyId, List<String> knowledgeBases, String text, int offset, int limit) {
		return pageOfKeys(List.of(keyId), knowledgeBases, text, offset, limit);
	}

	/**
	 * @param keyIds the API keys (those of a lineage)
	 * @param knowledgeBases only sessions on these knowledge bases, or {@code null} for
	 * all
	 * @param text only sessions whose title or one of whose messages holds this text
	 * (ignoring case), or {@code null} for all
	 * @param offset how many of their sessions to skip
	 * @param limit how many to return at most
	 * @return the sessions any of the keys started, pinned first (the latest pinned
	 * first), then newest first
	 */
	List<ChatSession> pageOfKeys(Collection<String> keyIds, List<String> knowledgeBases, String text, int offset,
			int limit);

	/**
	 * @param keyId an API key
	 * @param knowledgeBases only sessions on these knowledge bases, or {@code null} for
	 * all
	 * @return how many sessions the key started
	 */
	default long countOfKey(String keyId, List<String> knowledgeBases) {
		return countOfKey(keyId, knowledgeBases, null);
	}

	/**
	 * @param keyId an API key
	 * @param knowledgeBases only sessions on these knowledge bases, or {@code null} for
	 * all
	 * @param text only sessions whose title or one of whose messages holds this text
	 * (ignoring case), or {@code null} for all
	 * @return how many sessions of the key {@link #pageOfKey} pages through
	 */
	default long countOfKey(String keyId, List<String> knowledgeBases, String text) {
		return countOfKeys(List.of(keyId), knowledgeBases, text);
	}

	/**
	 * @param keyIds the API keys (those of a lineage)
	 * @param knowledgeBases only sessions on these knowledge bases, or {@code null} for
	 * all
	 * @param text only sessions whose title or one of whose messages holds this text
	 * (ignoring case), or {@code null} for all
	 * @return how many sessions of the keys {@link #pageOfKeys} pages through
	 */
	long countOfKeys(Collection<String> keyIds, List<String> knowledgeBases, String text);

	/**
	 * Replaces a session's settings (system prompt, model, temperature, topK).
	 * @param session the session with its new settings
	 * @return whether it exists
	 */
	boolean updateSettings(ChatSession session);

	/**
	 * Names a session.
	 * @param id the session
	 * @param title its title, or {@code null} for none
	 * @return whether it exists
	 */
	boolean rename(String id, String title);

	/**
	 * Pins a session (or unpins it): pinned sessions come first in their key's list.
	 * @param id the session
	 * @param at when it was pinned, or {@code null} to unpin it
	 * @return whether it exists
	 */
	boolean pin(String id, Instant at);

	/**
	 * Removes a session for good.
	 * @param id the session
	 * @return whether it existed
	 */
	boolean delete(String id);

	/**
	 * For usage analytics.
	 * @param from the first instant
	 * @param to the instant after the last
	 * @return the sessions started in {@code [from, to)}, oldest first
	 */
	List<ChatSession> startedBetween(Instant from, Instant to);

	/**
	 * For usage analytics.
	 * @param ids session ids
	 * @return those of the sessions that exist, in no particular order
	 */
	List<ChatSession> findAllById(Collection<String> ids);

}
