package dev.ragchat.api.chat;

import java.time.Instant;

/**
 * A chat session: one knowledge base, the settings its answers use, and its lifetime.
 *
 * @param id session id, the subject of its token
 * @param keyId the API key that started it
 * @param knowledgeBase the knowledge base it asks
 * @param configId the chat configuration it started from, or {@code null}
 * @param systemPrompt system prompt override, or {@code null}
 * @param model model override, or {@code null}
 * @param temperature temperature override, or {@code null}
 * @param topK how many chunks to retrieve, or {@code null}
 * @param createdAt when it started
 * @param expiresAt when its token expires
 * @param endedAt when it was ended, or {@code null}
 * @param title what its user named it, or {@code null}
 */
public record ChatSession(String id, String keyId, String knowledgeBase, String configId, String systemPrompt,
		String model, Double temperature, Integer topK, Instant createdAt, Instant expiresAt, Instant endedAt,
		String title) {

	/** The longest title. */
	public static final int MAX_TITLE = 200;

	/**
	 * A session without a title.
	 */
	public ChatSession(String id, String keyId, String knowledgeBase, String configId, String systemPrompt,
			String model, Double temperature, Integer topK, Instant createdAt, Instant expiresAt, Instant endedAt) {
		this(id, keyId, knowledgeBase, configId, systemPrompt, model, temperature, topK, createdAt, expiresAt, endedAt,
				null);
	}

	public boolean isActive(Instant now) {
		return this.endedAt == null && now.isBefore(this.expiresAt);
	}

}
