package dev.ragchat.retrieval.config;

import dev.ragchat.retrieval.embedding.BgeSmallEmbeddingModel;
import dev.ragchat.retrieval.embedding.EmbeddingProperties;
import dev.ragchat.retrieval.embedding.GeminiEmbeddings;
import dev.ragchat.retrieval.embedding.IndexEmbedding;
import dev.ragchat.retrieval.embedding.QueryEmbedder;
import dev.ragchat.retrieval.embedding.QueryVectorProperties;
import dev.ragchat.retrieval.embedding.QueryVectors;
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

	/**
	 * The in-process model's queries, each text embedded once while it stays in the cache
	 * (the search and the answer of one question share it).
	 */
	@Bean
	QueryEmbedder queryEmbedder(BgeSmallEmbeddingModel embeddingModel, QueryVectorProperties queryVectors) {
		return QueryVectors.cached(embeddingModel.queries(), queryVectors.cacheSize());
	}

	@Bean
	TokenCounter tokenCounter(BgeSmallEmbeddingModel embeddingModel) {
		return embeddingModel::countTokens;
	}

	/**
	 * @return the index's embedding with its own query cache (another model's vectors
	 * than the in-process model's, so never the same cache)
	 */
	private static IndexEmbedding cachedQueries(IndexEmbedding embedding, QueryVectorProperties queryVectors) {
		return new IndexEmbedding(embedding.name(), embedding.model(), embedding.dimensions(),
				QueryVectors.cached(embedding.queries(), queryVectors.cacheSize()));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = PROVIDER, havingValue = "bge-small", matchIfMissing = true)
	static class BgeSmall {

		@Bean
		IndexEmbedding indexEmbedding(BgeSmallEmbeddingModel bgeSmall, QueryEmbedder queryEmbedder) {
			// the index embeds passages in bulk, behind queries; its queries share the
			// answer engine's cache
			return new IndexEmbedding(BgeSmallEmbeddingModel.NAME, bgeSmall.bulk(), bgeSmall.dimensions(),
					queryEmbedder);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = PROVIDER, havingValue = "vertex")
	static class Vertex {

		@Bean
		IndexEmbedding indexEmbedding(EmbeddingProperties properties, QueryVectorProperties queryVectors) {
			return cachedQueries(GeminiEmbeddings.vertex(properties, GeminiEmbeddings::applicationDefaultCredentials),
					queryVectors);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = PROVIDER, havingValue = "gemini")
	static class Gemini {

		@Bean
		IndexEmbedding indexEmbedding(EmbeddingProperties properties, QueryVectorProperties queryVectors) {
			return cachedQueries(GeminiEmbeddings.geminiApi(properties), queryVectors);
		}

	}

}
