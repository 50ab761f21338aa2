package dev.ragchat.api.chat;

/**
 * What starts a session: where it asks, and settings that override its chat
 * configuration's.
 *
 * @param knowledgeBase the knowledge base to ask, or {@code null} for the configuration's
 * @param configId a chat configuration to start from, or {@code null}
 * @param settings the settings given; {@code null} fields take the configuration's
 */
public record SessionStart(String knowledgeBase, String configId, SessionSettings settings) {

	public SessionStart {
		settings = (settings != null) ? settings : new SessionSettings(null, null, null, null);
	}

}
