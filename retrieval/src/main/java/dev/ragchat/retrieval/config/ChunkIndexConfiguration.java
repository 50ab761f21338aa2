package dev.ragchat.retrieval.config;

import java.nio.file.Path;

import dev.ragchat.retrieval.ChunkIndexes;
import dev.ragchat.retrieval.ChunkRoutes;
import dev.ragchat.retrieval.atlas.AtlasChunkIndex;
import dev.ragchat.retrieval.atlas.AtlasProperties;
import dev.ragchat.retrieval.embedding.IndexEmbeddings;
import dev.ragchat.retrieval.lucene.LuceneChunkIndexes;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The chunk index port's adapters, one per {@code ragchat.retrieval.index}: an index per
 * embedding model, routed by knowledge base ({@link ChunkIndexes}; the routes are the
 * catalog's, when there is one).
 */
@Configuration(proxyBeanMethods = false)
class ChunkIndexConfiguration {

	/** The index hands the model at least this many texts at a time. */
	private static final int MIN_INDEX_BATCH = 32;

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "ragchat.retrieval.index", havingValue = "lucene", matchIfMissing = true)
	static class Lucene {

		@Bean
		LuceneChunkIndexes chunkIndex(RetrievalProperties properties, IndexEmbeddings embeddings,
				ObjectProvider<ChunkRoutes> routes, @Value("${ragchat.data-dir:./data}") Path dataDir) {
			Path directory = (properties.indexDir() != null) ? properties.indexDir() : dataDir.resolve("index");
			return new LuceneChunkIndexes(directory, embeddings, Math.max(MIN_INDEX_BATCH, properties.embeddingBatch()),
					properties.indexSettings(), routes::getIfAvailable);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "ragchat.retrieval.index", havingValue = "atlas")
	@Import(MongoAutoConfiguration.class)
	static class Atlas {

		/**
		 * The server's own model's chunks in the configured collection, each other
		 * model's in a collection of its own named after it ({@code chunks_<model>}),
		 * with its own vector search index of its dimensions.
		 */
		@Bean
		ChunkIndexes chunkIndex(MongoTemplate mongo, RetrievalProperties properties, AtlasProperties atlas,
				IndexEmbeddings embeddings, ObjectProvider<ChunkRoutes> routes) {
			return new ChunkIndexes(embeddings, (embedding) -> {
				AtlasProperties settings = embedding.name().equals(embeddings.primary().name()) ? atlas
						: new AtlasProperties(atlas.collection() + "_" + IndexEmbeddings.slug(embedding.name()),
								atlas.numCandidates(), atlas.syncTimeout());
				AtlasChunkIndex index = new AtlasChunkIndex(mongo, embedding, settings,
						Math.max(MIN_INDEX_BATCH, properties.embeddingBatch()), properties.exactVectorSearchUpTo());
				index.initialize();
				return index;
			}, routes::getIfAvailable);
		}

	}

}
