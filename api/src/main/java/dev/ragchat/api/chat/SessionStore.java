package dev.ragchat.api.chat;

import java.time.Instant;
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

}
