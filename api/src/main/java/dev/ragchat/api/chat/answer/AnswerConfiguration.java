package dev.ragchat.api.chat.answer;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.vertexai.Transport;
import com.google.cloud.vertexai.VertexAI;
import com.google.cloud.vertexai.api.PredictionServiceClient;
import com.google.cloud.vertexai.api.PredictionServiceSettings;
import com.google.genai.Client;
import com.google.genai.types.HttpOptions;
import dev.ragchat.retrieval.embedding.QueryEmbedder;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.google.genai.GoogleGenAiChatModel;
import org.springframework.ai.google.genai.GoogleGenAiChatOptions;
import org.springframework.ai.vertexai.gemini.VertexAiGeminiChatModel;
import org.springframework.ai.vertexai.gemini.VertexAiGeminiChatOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The answer generator, one nested configuration per {@code ragchat.chat.generator}:
 * {@code extractive} (quotes from the sources, no model), {@code gemini} (Gemini API with
 * an API key, through Spring AI's Google GenAI model) or {@code vertex-gemini} (through
 * Spring AI's Vertex AI Gemini model, REST transport).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GeminiProperties.class)
class AnswerConfiguration {

	/**
	 * The property that chooses how answers are written
	 * ({@code ChatProperties.generator}).
	 */
	static final String GENERATOR = "ragchat.chat.generator";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = AnswerConfiguration.GENERATOR, havingValue = "extractive", matchIfMissing = true)
	static class Extractive {

		@Bean
		AnswerGenerator extractiveGenerator(EmbeddingModel embeddingModel, QueryEmbedder queryEmbedder,
				AnswerSettings settings) {
			return new ExtractiveGenerator(new SentenceVectors(embeddingModel, settings.sentenceCache()), queryEmbedder,
					settings.minSimilarity(), settings.maxSentences(), settings.overlapWeight(), settings.rankWeight());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = AnswerConfiguration.GENERATOR, havingValue = "gemini")
	static class Gemini {

		@Bean
		GoogleGenAiChatModel geminiChatModel(GeminiProperties gemini) {
			if (!StringUtils.hasText(gemini.apiKey())) {
				throw new IllegalStateException(
						"ragchat.chat.generator=gemini needs ragchat.chat.gemini.api-key (RAGCHAT_CHAT_GEMINI_API_KEY)");
			}
			Client.Builder client = Client.builder().apiKey(gemini.apiKey()).vertexAI(false);
			if (gemini.endpoint() != null) {
				client.httpOptions(HttpOptions.builder().baseUrl(gemini.endpoint().toString()).build());
			}
			return GoogleGenAiChatModel.builder()
				.genAiClient(client.build())
				.defaultOptions(GoogleGenAiChatOptions.builder().model(gemini.model()).build())
				.build();
		}

		@Bean
		AnswerGenerator geminiGenerator(GoogleGenAiChatModel model, GeminiProperties gemini,
				EmbeddingModel embeddingModel, QueryEmbedder queryEmbedder, AnswerSettings settings) {
			return new ChatModelGenerator(model, gemini.model(), embeddingModel, queryEmbedder,
					settings.minSimilarity());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = AnswerConfiguration.GENERATOR, havingValue = "vertex-gemini")
	static class VertexGemini {

		@Bean
		VertexAiGeminiChatModel vertexGeminiChatModel(GeminiProperties gemini,
				ObjectProvider<GoogleCredentials> provided) throws IOException {
			// Google's application default credentials, unless the application provides
			// others
			GoogleCredentials credentials = provided.getIfAvailable();
			if (credentials == null) {
				credentials = GoogleCredentials.getApplicationDefault()
					.createScoped("https://www.googleapis.com/auth/cloud-platform");
			}
			GoogleCredentials chosen = credentials;
			if (!StringUtils.hasText(gemini.projectId())) {
				throw new IllegalStateException(
						"ragchat.chat.generator=vertex-gemini needs ragchat.chat.gemini.project-id"
								+ " (RAGCHAT_CHAT_GEMINI_PROJECT_ID)");
			}
			VertexAI.Builder vertex = new VertexAI.Builder().setProjectId(gemini.projectId())
				.setLocation(gemini.location())
				.setTransport(Transport.REST)
				.setCredentials(chosen);
			if (gemini.endpoint() != null) {
				// VertexAI forces "<endpoint>:443"; a prediction client of our own keeps
				// the
				// URL as given
				vertex.setPredictionClientSupplier(() -> {
					try {
						return PredictionServiceClient.create(PredictionServiceSettings.newHttpJsonBuilder()
							.setEndpoint(gemini.endpoint().toString())
							.setCredentialsProvider(FixedCredentialsProvider.create(chosen))
							.build());
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
			}
			return VertexAiGeminiChatModel.builder()
				.vertexAI(vertex.build())
				.defaultOptions(VertexAiGeminiChatOptions.builder().model(gemini.model()).build())
				.build();
		}

		@Bean
		AnswerGenerator vertexGeminiGenerator(VertexAiGeminiChatModel model, GeminiProperties gemini,
				EmbeddingModel embeddingModel, QueryEmbedder queryEmbedder, AnswerSettings settings) {
			return new ChatModelGenerator(model, gemini.model(), embeddingModel, queryEmbedder,
					settings.minSimilarity());
		}

	}

}
