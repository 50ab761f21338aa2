package dev.ragchat.answer.generate.providers;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A model in a GGUF file run in process by llama.cpp, for
 * {@code ragchat.chat.generator=llama-cpp}. No weights ship with ragchat and nothing is
 * downloaded: the file must already be on disk.
 *
 * @param modelPath the GGUF file (a small instruct model, quantized), loaded once at
 * start-up
 * @param contextSize the context window in tokens (prompt with its numbered sources, plus
 * the answer); a smaller window than the prompt cuts the prompt
 * @param maxTokens the most tokens an answer may have
 * @param threads the CPU threads llama.cpp computes with; 0 for one per available
 * processor
 * @param timeout the longest the model may stay silent: before its first token (waiting
 * for an answer in progress and reading the prompt count), and between two tokens
 */
@ConfigurationProperties("ragchat.chat.llama")
public record LlamaCppProperties(String modelPath, @DefaultValue("8192") int contextSize,
		@DefaultValue("512") int maxTokens, @DefaultValue("0") int threads, @DefaultValue("120s") Duration timeout) {

}
