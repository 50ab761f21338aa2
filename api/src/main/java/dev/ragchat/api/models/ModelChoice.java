package dev.ragchat.api.models;

import java.time.Instant;

/**
 * A model chosen (for the service, a chat config, or offered to people), as the catalog
 * keeps it.
 *
 * @param kind {@code extractive}, {@code ollama}, {@code openai-compatible} or
 * {@code llama-cpp}
 * @param baseUrl the server's base URL (never with credentials), or {@code null}
 * @param model the model's name, or {@code null}
 * @param modelPath the GGUF file, for {@code llama-cpp}, or {@code null}
 * @param sealedApiKey the API key sealed by {@link SecretBox}, or {@code null}
 * @param updatedAt when it was chosen
 */
public record ModelChoice(String kind, String baseUrl, String model, String modelPath, String sealedApiKey,
		Instant updatedAt) {

	/**
	 * Leaves even the sealed key out of the text of this record (logs).
	 */
	@Override
	public String toString() {
		return "ModelChoice[kind=" + this.kind + ", baseUrl=" + this.baseUrl + ", model=" + this.model + ", modelPath="
				+ this.modelPath + ", apiKey=" + ((this.sealedApiKey != null) ? "(set)" : "(none)") + ", updatedAt="
				+ this.updatedAt + "]";
	}

}
