package dev.ragchat.api.chat;

import java.time.Instant;

/**
 * A chat session: one knowledge base, the settings its answers use, and its lifetime. A
 * session lasts until it is ended (deleted, or its key revoked): its key may take it up
 * again with a new token whenever the last one expired.
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
 * @param expiresAt when its latest token expires
 * @param endedAt when it was ended, or {@code null}
 * @param title what its user named it, or {@code null}
 * @param pinnedAt when its user pinned it (pinned sessions come first in its key's list),
 * or {@code null}
 */
public record ChatSession(String id, String keyId, String knowledgeBase, String configId, String systemPrompt,
		String model, Double temperature, Integer topK, Instant createdAt, Instant expiresAt, Instant endedAt,
		String title, Instant pinnedAt) {

	/** The longest title. */
	public static final int MAX_TITLE = 200;

	/**
	 * A session that is not pinned.
	 */
	public ChatSession(String id, String keyId, String knowledgeBase, String configId, String systemPrompt,
			String model, Double temperature, Integer topK, Instant createdAt, Instant expiresAt, Instant endedAt,
			String title) {
		this(id, keyId, knowledgeBase, configId, systemPrompt, model, temperature, topK, createdAt, expiresAt, endedAt,
				title, null);
	}

	/**
	 * A session without a title.
	 */
	public ChatSession(String id, String keyId, String knowledgeBase, String configId, String systemPrompt,
			String model, Double temperature, Integer topK, Instant createdAt, Instant expiresAt, Instant endedAt) {
		this(id, keyId, knowledgeBase, configId, systemPrompt, model, temperature, topK, createdAt, expiresAt, endedAt,
				null);
	}

	/**
	 * @return whether it goes on: it was not ended (whether a token for it is still valid
	 * is the token's own expiry)
	 */
	public boolean isOpen() {
		return this.endedAt == null;
	}

	/**
	 * @return whether its user pinned it
	 */
	public boolean isPinned() {
		return this.pinnedAt != null;
	}

	/**
	 * @param title its new title, or {@code null}
	 * @param pinnedAt when it was pinned, or {@code null}
	 * @return this session with that title and pin
	 */
	public ChatSession with(String title, Instant pinnedAt) {
		return new ChatSession(this.id, this.keyId, this.knowledgeBase, this.configId, this.systemPrompt, this.model,
				this.temperature, this.topK, this.createdAt, this.expiresAt, this.endedAt, title, pinnedAt);
	}

}
