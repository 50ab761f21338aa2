package dev.ragchat.api.chat;

import java.util.List;

/**
 * What starts a session: where it asks, and settings that override its chat
 * configuration's.
 *
 * @param knowledgeBase the knowledge base to ask, or {@code null} for the configuration's
 * (or the first of {@code knowledgeBases})
 * @param configId a chat configuration to start from, or {@code null}
 * @param settings the settings given; {@code null} fields take the configuration's
 * @param knowledgeBases more knowledge bases to ask at once, or empty
 * @param documents only these documents of them, or empty for all
 */
public record SessionStart(String knowledgeBase, String configId, SessionSettings settings, List<String> knowledgeBases,
		List<String> documents) {

	public SessionStart {
		settings = (settings != null) ? settings : new SessionSettings(null, null, null, null);
		knowledgeBases = (knowledgeBases != null) ? List.copyOf(knowledgeBases) : List.of();
		documents = (documents != null) ? List.copyOf(documents) : List.of();
	}

	/**
	 * A start on one whole knowledge base.
	 */
	public SessionStart(String knowledgeBase, String configId, SessionSettings settings) {
		this(knowledgeBase, configId, settings, List.of(), List.of());
	}

}
