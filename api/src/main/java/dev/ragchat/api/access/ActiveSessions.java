package dev.ragchat.api.access;

/**
 * Tells whether a chat session is still open; implemented where sessions live, asked on
 * every request that carries a session token.
 */
public interface ActiveSessions {

	/**
	 * @param sessionId the session a token names
	 * @param keyId the API key the same token names
	 * @return whether that session is open and was started by that key (a token whose
	 * claims disagree with the stored session is not honoured)
	 */
	boolean isActive(String sessionId, String keyId);

}
