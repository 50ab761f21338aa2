package dev.ragchat.api.chatconfig;

import java.time.Instant;

/**
 * A shareable chat config (the console calls it a persona): sessions can start from it.
 *
 * @param id its id
 * @param title a display title
 * @param knowledgeBase the knowledge base it asks
 * @param systemPrompt the system prompt, or {@code null}
 * @param model the model, or {@code null} for the server's default
 * @param temperature the temperature, or {@code null}
 * @param topK chunks retrieved per question, or {@code null}
 * @param ownerKey the API key that created it ({@code null} for the master key)
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param description what it is for, or {@code null}
 * @param avatarUrl an https URL of its picture, or {@code null} (shown by clients, never
 * fetched by ragchat)
 * @param editable whether sessions started from it may change their settings
 * ({@code null} is taken as {@code true})
 */
public record ChatConfig(String id, String title, String knowledgeBase, String systemPrompt, String model,
		Double temperature, Integer topK, String ownerKey, Instant createdAt, Instant updatedAt, String description,
		String avatarUrl, Boolean editable) {

	public ChatConfig {
		editable = (editable != null) ? editable : Boolean.TRUE;
	}

	public ChatConfig(String id, String title, String knowledgeBase, String systemPrompt, String model,
			Double temperature, Integer topK, String ownerKey, Instant createdAt, Instant updatedAt) {
		this(id, title, knowledgeBase, systemPrompt, model, temperature, topK, ownerKey, createdAt, updatedAt, null,
				null, true);
	}

}
