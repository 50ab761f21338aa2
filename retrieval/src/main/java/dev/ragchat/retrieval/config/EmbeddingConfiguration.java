package dev.ragchat.retrieval.config;

import java.util.ArrayList;
import java.util.List;

import dev.ragchat.retrieval.embedding.EmbeddingModelsProperties;
import dev.ragchat.retrieval.embedding.EmbeddingProperties;
import dev.ragchat.retrieval.embedding.GeminiEmbeddings;
import dev.ragchat.retrieval.embedding.IndexEmbedding;
import dev.ragchat.retrieval.embedding.IndexEmbeddings;
import dev.ragchat.retrieval.embedding.OpenAiEmbeddings;
import dev.ragchat.retrieval.embedding.QueryEmbedder;
import dev.ragchat.retrieval.embedding.QueryVectors;
import dev.ragchat.retrieval.embedding.TokenCounter;
import dev.ragchat.retrieval.embedding.VectorCacheProperties;
import dev.ragchat.retrieval.onnx.InProcessModel;
import dev.ragchat.retrieval.onnx.OnnxEmbeddingModel;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The in-process model (always there: bge-small counts tokens for chunking and embeds
 * questions and sentences for grounding) and the index's embedding model, one nested
 * configuration per {@code ragchat.retrieval.embedding.provider}.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddingConfiguration {

	private static final String PROVIDER = "ragchat.retrieval.embedding.provider";

	@Bean
	OnnxEmbeddingModel embeddingModel(RetrievalProperties properties, VectorCacheProperties vectorCache) {
		int threads = (properties.embeddingThreads() > 0) ? properties.embeddingThreads()
				: Runtime.getRuntime().availableProcessors();
		return new OnnxEmbeddingModel(InProcessModel.BGE_SMALL, threads, properties.embeddingBatch(),
				vectorCache.texts());
	}

	/**
	 * all-MiniLM-L6-v2 in process, loaded only for a server that indexes with it: beside
	 * bge-small, through the same admission to the cores. Never injected as the
	 * {@code EmbeddingModel}: answers' sentences stay bge-small's.
	 */
	@Bean(defaultCandidate = false)
	@Lazy
	OnnxEmbeddingModel miniLm(OnnxEmbeddingModel embeddingModel) {
		return embeddingModel.beside(InProcessModel.MINILM);
	}

	private static IndexEmbedding inProcess(OnnxEmbeddingModel model, QueryEmbedder queries) {
		// the index embeds passages in bulk, behind queries
		return new IndexEmbedding(model.model().name(), model.bulk(), model.dimensions(), queries);
	}

	/**
	 * The in-process model's queries, each text embedded once while it stays in the cache
	 * (the search and the answer of one question share it).
	 */
	@Bean
	QueryEmbedder queryEmbedder(OnnxEmbeddingModel embeddingModel, VectorCacheProperties vectorCache) {
		return QueryVectors.cached(embeddingModel.queries(), vectorCache.queries());
	}

	@Bean
	TokenCounter tokenCounter(OnnxEmbeddingModel embeddingModel) {
		return embeddingModel::countTokens;
	}

	/**
	 * The models a knowledge base may be indexed with: the index's embedding first (new
	 * knowledge bases get it), then those of {@code ragchat.retrieval.embedding-models}.
	 */
	@Bean
	IndexEmbeddings indexEmbeddings(IndexEmbedding indexEmbedding, EmbeddingModelsProperties models,
			OnnxEmbeddingModel bgeSmall, QueryEmbedder queryEmbedder,
			@Qualifier("miniLm") ObjectProvider<OnnxEmbeddingModel> miniLm, VectorCacheProperties vectorCache) {
		List<IndexEmbedding> others = new ArrayList<>();
		if (models.bgeSmall()) {
			others.add(inProcess(bgeSmall, queryEmbedder));
		}
		if (models.minilm() && !indexEmbedding.name().equals(InProcessModel.MINILM.name())) {
			OnnxEmbeddingModel model = miniLm.getObject();
			others.add(cachedQueries(inProcess(model, model.queries()), vectorCache));
		}
		for (EmbeddingModelsProperties.OpenAi openAi : models.openai()) {
			others.add(cachedQueries(OpenAiEmbeddings.of(openAi), vectorCache));
		}
		return new IndexEmbeddings(indexEmbedding, others);
	}

	/**
	 * @return the index's embedding with its own query cache (another model's vectors
	 * than the in-process model's, so never the same cache)
	 */
	private static IndexEmbedding cachedQueries(IndexEmbedding embedding, VectorCacheProperties vectorCache) {
		return new IndexEmbedding(embedding.name(), embedding.model(), embedding.dimensions(),
				QueryVectors.cached(embedding.queries(), vectorCache.queries()));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = PROVIDER, havingValue = "bge-small", matchIfMissing = true)
	static class BgeSmall {

		@Bean
		IndexEmbedding indexEmbedding(OnnxEmbeddingModel bgeSmall, QueryEmbedder queryEmbedder) {
			// its queries share the answer engine's cache
			return inProcess(bgeSmall, queryEmbedder);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = PROVIDER, havingValue = "minilm")
	static class MiniLm {

		@Bean
		IndexEmbedding indexEmbedding(@Qualifier("miniLm") OnnxEmbeddingModel miniLm,
				VectorCacheProperties vectorCache) {
			return cachedQueries(inProcess(miniLm, miniLm.queries()), vectorCache);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = PROVIDER, havingValue = "vertex")
	static class Vertex {

		@Bean
		IndexEmbedding indexEmbedding(EmbeddingProperties properties, VectorCacheProperties vectorCache) {
			return cachedQueries(GeminiEmbeddings.vertex(properties, GeminiEmbeddings::applicationDefaultCredentials),
					vectorCache);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = PROVIDER, havingValue = "gemini")
	static class Gemini {

		@Bean
		IndexEmbedding indexEmbedding(EmbeddingProperties properties, VectorCacheProperties vectorCache) {
			return cachedQueries(GeminiEmbeddings.geminiApi(properties), vectorCache);
		}

	}

}
