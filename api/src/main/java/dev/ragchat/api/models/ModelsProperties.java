package dev.ragchat.api.models;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the model screen looks for local model servers, and how long it waits.
 *
 * @param ollama Ollama servers' base URLs probed with {@code GET /api/tags}
 * ({@code RAGCHAT_MODELS_OLLAMA}, comma-separated)
 * @param openaiCompatible OpenAI-compatible servers' base URLs probed with
 * {@code GET /models} ({@code RAGCHAT_MODELS_OPENAI_COMPATIBLE}): llama.cpp's
 * {@code llama-server} and LocalAI (8080), LM Studio (1234), vLLM (8000)
 * @param probeTimeout how long a probed address may take to answer (nothing running there
 * is the usual case, so it is short)
 * @param listTimeout how long a server whose address was typed may take to list its
 * models
 */
@ConfigurationProperties("ragchat.models")
public record ModelsProperties(@DefaultValue(OLLAMA) List<String> ollama,
		@DefaultValue(OPENAI_COMPATIBLE) List<String> openaiCompatible, @DefaultValue("1s") Duration probeTimeout,
		@DefaultValue("10s") Duration listTimeout) {

	static final String OLLAMA = "http://localhost:11434";

	static final String OPENAI_COMPATIBLE = "http://localhost:8080/v1,http://localhost:1234/v1,http://localhost:8000/v1";

}
