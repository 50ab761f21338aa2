package dev.ragchat.answer.generate;

import dev.ragchat.answer.AnswerGenerator;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.util.Assert;

/**
 * A model chosen (by the configuration, for the service, for a chat config, or offered to
 * people), ready: what it is, and the generator that writes with it. A value: which one
 * answers a question is the caller's to choose ({@code api.models} keeps the choices),
 * and its generator travels in the question's {@code AnswerRequest.Settings}.
 *
 * @param kind {@link #EXTRACTIVE} (no model: the extract), {@link #OLLAMA},
 * {@link #OPENAI_COMPATIBLE}, {@link #LLAMA_CPP}, {@link #GEMINI} or
 * {@link #VERTEX_GEMINI}
 * @param model the model's name ({@code null} for the extract)
 * @param generator writes the answers with it
 * @param chatModel the language model, or {@code null} for the extract
 * @param resource what to close when it is no longer used, or {@code null}
 */
public record ChosenModel(String kind, String model, AnswerGenerator generator, ChatModel chatModel,
		AutoCloseable resource) {

	/** No model: the answer quotes the sources. */
	public static final String EXTRACTIVE = "extractive";

	/** An Ollama server. */
	public static final String OLLAMA = "ollama";

	/** A server speaking OpenAI's chat completions. */
	public static final String OPENAI_COMPATIBLE = "openai-compatible";

	/** A GGUF file run in process by llama.cpp. */
	public static final String LLAMA_CPP = "llama-cpp";

	/** Gemini with an API key. */
	public static final String GEMINI = "gemini";

	/** Gemini on Vertex AI. */
	public static final String VERTEX_GEMINI = "vertex-gemini";

	public ChosenModel {
		Assert.hasText(kind, "kind must not be empty");
		Assert.notNull(generator, "generator must not be null");
	}

	/**
	 * @return whether a language model writes the answers (it may summarise, compare and
	 * make tables); otherwise they quote the documents
	 */
	public boolean writes() {
		return this.chatModel != null;
	}

}
