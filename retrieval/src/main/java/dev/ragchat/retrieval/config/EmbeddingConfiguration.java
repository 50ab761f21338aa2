package dev.ragchat.retrieval.config;

import dev.ragchat.retrieval.embedding.BgeSmallEmbeddingModel;
import dev.ragchat.retrieval.embedding.EmbeddingProperties;
import dev.ragchat.retrieval.embedding.GeminiEmbeddings;
import dev.ragchat.retrieval.embedding.IndexEmbedding;
import dev.ragchat.retrieval.embedding.QueryEmbedder;
import dev.ragchat.retrieval.embedding.TokenCounter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The in-process model (always there: it counts tokens for chunking and embeds questions
 * for grounding) and the index's embedding model, one nested configuration per
 * {@code ragchat.retrieval.embedding.provider}.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddingConfiguration {

	private static final String PROVIDER = "ragchat.retrieval.embedding.provider";

	@Bean
	BgeSmallEmbeddingModel embeddingModel(RetrievalProperties properties) {
		int threads = (properties.embeddingThreads() > 0) ? properties.embeddingThreads()
				: Runtime.getRuntime().availableProcessors();
		return new BgeSmallEmbeddingModel(threads, properties.embeddingBatch());
	}

	@Bean
	QueryEmbedder queryEmbedder(BgeSmallEmbeddingModel embeddingModel) {
		return embeddingModel.queries();
	}

	@Bean
	TokenCounter tokenCounter(BgeSmallEmbeddingModel embeddingModel) {
		return embeddingModel::countTokens;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = PROVIDER, havingValue = "bge-small", matchIfMissing = true)
	static class BgeSmall {

		@Bean
		IndexEmbedding indexEmbedding(BgeSmallEmbeddingModel bgeSmall) {
			// the index embeds passages in bulk, behind queries
			return new IndexEmbedding(BgeSmallEmbeddingModel.NAME, bgeSmall.bulk(), bgeSmall.dimensions(),
					bgeSmall.queries());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = PROVIDER, havingValue = "vertex")
	static class Vertex {

		@Bean
		IndexEmbedding indexEmbedding(EmbeddingProperties properties) {
			return GeminiEmbeddings.vertex(properties, GeminiEmbeddings::applicationDefaultCredentials);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = PROVIDER, havingValue = "gemini")
	static class Gemini {

		@Bean
		IndexEmbedding indexEmbedding(EmbeddingProperties properties) {
			return GeminiEmbeddings.geminiApi(properties);
		}

	}

}
