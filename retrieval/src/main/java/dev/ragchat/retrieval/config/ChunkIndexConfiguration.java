package dev.ragchat.retrieval.config;

import java.nio.file.Path;

import dev.ragchat.retrieval.atlas.AtlasChunkIndex;
import dev.ragchat.retrieval.atlas.AtlasProperties;
import dev.ragchat.retrieval.embedding.IndexEmbedding;
import dev.ragchat.retrieval.lucene.LuceneChunkIndex;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The chunk index port's adapters, one per {@code ragchat.retrieval.index}.
 */
@Configuration(proxyBeanMethods = false)
class ChunkIndexConfiguration {

	/** The index hands the model at least this many texts at a time. */
	private static final int MIN_INDEX_BATCH = 32;

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "ragchat.retrieval.index", havingValue = "lucene", matchIfMissing = true)
	static class Lucene {

		@Bean
		LuceneChunkIndex chunkIndex(RetrievalProperties properties, IndexEmbedding embedding,
				@Value("${ragchat.data-dir:./data}") Path dataDir) {
			Path directory = (properties.indexDir() != null) ? properties.indexDir() : dataDir.resolve("index");
			return new LuceneChunkIndex(directory, embedding, Math.max(MIN_INDEX_BATCH, properties.embeddingBatch()),
					properties.indexSettings());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "ragchat.retrieval.index", havingValue = "atlas")
	@Import(MongoAutoConfiguration.class)
	static class Atlas {

		@Bean
		AtlasChunkIndex chunkIndex(MongoTemplate mongo, RetrievalProperties properties, AtlasProperties atlas,
				IndexEmbedding embedding) {
			AtlasChunkIndex index = new AtlasChunkIndex(mongo, embedding, atlas,
					Math.max(MIN_INDEX_BATCH, properties.embeddingBatch()), properties.exactVectorSearchUpTo());
			index.initialize();
			return index;
		}

	}

}
