package dev.ragchat.answer.generate;

import java.io.IOException;
import java.time.Duration;

import com.google.auth.oauth2.GoogleCredentials;
import dev.ragchat.answer.AnswerGenerator;
import dev.ragchat.answer.generate.providers.ChatModels;
import dev.ragchat.answer.generate.providers.GeminiProperties;
import dev.ragchat.answer.generate.providers.LlamaCppChatModel;
import dev.ragchat.answer.generate.providers.LlamaCppProperties;
import dev.ragchat.answer.generate.providers.OllamaProperties;
import dev.ragchat.answer.generate.providers.OpenAiCompatibleProperties;
import dev.ragchat.retrieval.embedding.QueryEmbedder;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.google.genai.GoogleGenAiChatModel;
import org.springframework.ai.ollama.OllamaChatModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.vertexai.gemini.VertexAiGeminiChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The configured model and its generator, one nested configuration per
 * {@code ragchat.chat.generator}: {@code extractive} (quotes from the sources, no model),
 * {@code gemini} (Gemini API with an API key, through Spring AI's Google GenAI model),
 * {@code vertex-gemini} (through Spring AI's Vertex AI Gemini model, REST transport),
 * {@code openai-compatible} (any server speaking OpenAI's chat completions, through
 * Spring AI's OpenAI model), {@code ollama} (Ollama's own API, through Spring AI's Ollama
 * model), or {@code llama-cpp} (a GGUF file run in process by llama.cpp). The engine
 * writes with the configured model's generator unless a question's settings bring
 * another: a model chosen while the service runs, built by {@link ChosenModels} and kept
 * by the caller ({@code api.models}). The language models themselves are built by
 * {@link ChatModels} from their providers' settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ GeminiProperties.class, OpenAiCompatibleProperties.class, OllamaProperties.class,
		LlamaCppProperties.class })
class AnswerConfiguration {

	/**
	 * The generator the engine writes with when a question's settings name none: the
	 * configured model's (the nested configuration's {@link ChosenModel}).
	 */
	@Bean
	AnswerGenerator answerGenerator(ChosenModel configured) {
		return configured.generator();
	}

	/**
	 * Builds the models chosen while the service runs (the console's model screen).
	 */
	@Bean
	ChosenModels chosenModels(EmbeddingModel embeddingModel, QueryEmbedder queryEmbedder, AnswerSettings settings,
			OllamaProperties ollama, OpenAiCompatibleProperties openAi, LlamaCppProperties llama) {
		return new ChosenModels(embeddingModel, queryEmbedder, settings, ollama, openAi, llama);
	}

	/**
	 * How long Gemini may stay silent in an answer: as long as a streamed answer may last
	 * ({@code MessageController}'s emitter).
	 */
	static final Duration GEMINI_TIMEOUT = Duration.ofMinutes(2);

	/**
	 * The property that chooses how answers are written
	 * ({@code ChatProperties.generator}).
	 */
	static final String GENERATOR = "ragchat.chat.generator";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = AnswerConfiguration.GENERATOR, havingValue = "extractive", matchIfMissing = true)
	static class Extractive {

		@Bean
		ChosenModel extractiveGenerator(ChosenModels chosenModels) {
			return chosenModels.extractive();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = AnswerConfiguration.GENERATOR, havingValue = "gemini")
	static class Gemini {

		@Bean
		GoogleGenAiChatModel geminiChatModel(GeminiProperties gemini) {
			return ChatModels.gemini(gemini);
		}

		@Bean
		ChosenModel geminiGenerator(GoogleGenAiChatModel model, GeminiProperties gemini) {
			return new ChosenModel(ChosenModel.GEMINI, gemini.model(),
					new ChatModelGenerator(model, gemini.model(), GEMINI_TIMEOUT), model, null);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = AnswerConfiguration.GENERATOR, havingValue = "vertex-gemini")
	static class VertexGemini {

		@Bean
		VertexAiGeminiChatModel vertexGeminiChatModel(GeminiProperties gemini,
				ObjectProvider<GoogleCredentials> provided) throws IOException {
			return ChatModels.vertexGemini(gemini, provided.getIfAvailable());
		}

		@Bean
		ChosenModel vertexGeminiGenerator(VertexAiGeminiChatModel model, GeminiProperties gemini) {
			return new ChosenModel(ChosenModel.VERTEX_GEMINI, gemini.model(),
					new ChatModelGenerator(model, gemini.model(), GEMINI_TIMEOUT), model, null);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = AnswerConfiguration.GENERATOR, havingValue = "openai-compatible")
	static class OpenAiCompatible {

		@Bean
		OpenAiChatModel openAiCompatibleChatModel(OpenAiCompatibleProperties openAi) {
			ChatModels.required("openai-compatible", openAi.baseUrl(), "ragchat.chat.openai.base-url",
					"RAGCHAT_CHAT_OPENAI_BASE_URL");
			ChatModels.required("openai-compatible", openAi.model(), "ragchat.chat.openai.model",
					"RAGCHAT_CHAT_OPENAI_MODEL");
			return ChatModels.openAi(openAi);
		}

		@Bean
		ChosenModel openAiCompatibleGenerator(OpenAiChatModel model, OpenAiCompatibleProperties openAi) {
			return new ChosenModel(ChosenModel.OPENAI_COMPATIBLE, openAi.model(),
					new ChatModelGenerator(model, openAi.model(), openAi.timeout()), model, null);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = AnswerConfiguration.GENERATOR, havingValue = "ollama")
	static class Ollama {

		@Bean
		OllamaChatModel ollamaChatModel(OllamaProperties ollama) {
			ChatModels.required("ollama", ollama.baseUrl(), "ragchat.chat.ollama.base-url",
					"RAGCHAT_CHAT_OLLAMA_BASE_URL");
			ChatModels.required("ollama", ollama.model(), "ragchat.chat.ollama.model", "RAGCHAT_CHAT_OLLAMA_MODEL");
			return ChatModels.ollama(ollama);
		}

		@Bean
		ChosenModel ollamaGenerator(OllamaChatModel model, OllamaProperties ollama) {
			return new ChosenModel(ChosenModel.OLLAMA, ollama.model(),
					new ChatModelGenerator(model, ollama.model(), ollama.timeout()), model, null);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = AnswerConfiguration.GENERATOR, havingValue = "llama-cpp")
	static class LlamaCpp {

		/** Loaded once at start-up; closed (its memory freed) at shutdown. */
		@Bean(destroyMethod = "close")
		LlamaCppChatModel llamaCppChatModel(LlamaCppProperties llama) {
			return new LlamaCppChatModel(llama);
		}

		@Bean
		ChosenModel llamaCppGenerator(LlamaCppChatModel model, LlamaCppProperties llama) {
			// a text model: images are read with OCR first, audio is refused
			return new ChosenModel(ChosenModel.LLAMA_CPP, model.name(),
					new ChatModelGenerator(model, model.name(), llama.timeout(), false), model, null);
		}

	}

}
