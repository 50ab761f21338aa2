package dev.ragchat.api.chat;

/**
 * A session's settings; a {@code null} field means "as it was" (or the configuration's).
 *
 * @param systemPrompt the system prompt
 * @param model the model
 * @param temperature the sampling temperature
 * @param topK how many chunks to retrieve per question
 */
public record SessionSettings(String systemPrompt, String model, Double temperature, Integer topK) {

	/**
	 * The lowest temperature a session, a configuration or a chat completion may ask for
	 * (OpenAI's range), for {@code @DecimalMin}.
	 */
	public static final String MIN_TEMPERATURE = "0.0";

	/**
	 * The highest temperature a session, a configuration or a chat completion may ask for
	 * (OpenAI's range), for {@code @DecimalMax}.
	 */
	public static final String MAX_TEMPERATURE = "2.0";

}
