package dev.ragchat.answer.generate.providers;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An Ollama server, for {@code ragchat.chat.generator=ollama} (its own {@code /api/chat},
 * streamed as newline-delimited JSON). The model must already be pulled: nothing is
 * downloaded.
 *
 * @param baseUrl the server's base URL, used as given ({@code http://localhost:11434}):
 * {@code <baseUrl>/api/chat} is called
 * @param model the default model (a session or chat configuration may name another)
 * @param timeout the longest the server may stay silent: before it answers (loading the
 * model counts), and between two pieces of a streamed answer
 * @param numCtx the context window the model runs with ({@code num_ctx}); Ollama's own
 * default is too small for a few numbered sources and would cut the prompt silently
 */
@ConfigurationProperties("ragchat.chat.ollama")
public record OllamaProperties(String baseUrl, String model, @DefaultValue("60s") Duration timeout,
		@DefaultValue("8192") int numCtx) {

}
