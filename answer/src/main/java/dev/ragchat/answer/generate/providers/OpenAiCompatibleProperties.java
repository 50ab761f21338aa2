package dev.ragchat.answer.generate.providers;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A server speaking OpenAI's chat completions API, for
 * {@code ragchat.chat.generator=openai-compatible}: llama.cpp's {@code llama-server},
 * vLLM, LM Studio, LocalAI, OpenAI itself and the other hosted ones.
 *
 * @param baseUrl the API's base URL, used as given: {@code <baseUrl>/chat/completions} is
 * called (so {@code http://localhost:8080/v1} for llama-server and vLLM,
 * {@code https://api.openai.com/v1} for OpenAI)
 * @param model the default model (a session or chat configuration may name another)
 * @param apiKey sent as {@code Authorization: Bearer} when set; local servers usually
 * need none
 * @param timeout the longest the server may stay silent: before it answers, and between
 * two pieces of a streamed answer
 * @param maxTokens the most tokens an answer may have ({@code max_tokens}); unset, the
 * server's own limit
 */
@ConfigurationProperties("ragchat.chat.openai")
public record OpenAiCompatibleProperties(String baseUrl, String model, String apiKey,
		@DefaultValue("60s") Duration timeout, Integer maxTokens) {

	/**
	 * Leaves the API key out of the text of this record (logs, failure analysis).
	 */
	@Override
	public String toString() {
		return "OpenAiCompatibleProperties[baseUrl=" + this.baseUrl + ", model=" + this.model + ", apiKey="
				+ ((this.apiKey != null) ? "(set)" : "(none)") + ", timeout=" + this.timeout + ", maxTokens="
				+ this.maxTokens + "]";
	}

}
