package dev.ragchat.api.access;

/**
 * Tells whether a chat session is still open; implemented where sessions live, asked on
 * every request that carries a session token.
 */
public interface ActiveSessions {

	boolean isActive(String sessionId);

}
