package dev.ragchat.api.models;

/**
 * A choice of model as sent from the model screen: the service's, a chat config's, or one
 * offered to people.
 *
 * @param kind {@code extractive}, {@code ollama}, {@code openai-compatible} or
 * {@code llama-cpp} (or {@code configured}, for a model offered)
 * @param baseUrl the server's base URL (ollama, openai-compatible)
 * @param model one of its models (ollama, openai-compatible)
 * @param apiKey its API key: absent to keep the stored one for the same server, empty for
 * none
 * @param modelPath the GGUF file on the server (llama-cpp)
 */
public record ChoiceRequest(String kind, String baseUrl, String model, String apiKey, String modelPath) {

	@Override
	public String toString() {
		return "ChoiceRequest[kind=" + this.kind + ", baseUrl=" + this.baseUrl + ", model=" + this.model + ", apiKey="
				+ ((this.apiKey != null) ? "(given)" : "(none)") + ", modelPath=" + this.modelPath + "]";
	}

}
