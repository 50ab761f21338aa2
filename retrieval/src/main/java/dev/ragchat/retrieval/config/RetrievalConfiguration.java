package dev.ragchat.retrieval.config;

import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.Retriever;
import dev.ragchat.retrieval.atlas.AtlasProperties;
import dev.ragchat.retrieval.embedding.EmbeddingModelsProperties;
import dev.ragchat.retrieval.embedding.EmbeddingProperties;
import dev.ragchat.retrieval.embedding.VectorCacheProperties;
import dev.ragchat.retrieval.query.QueryShaper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The retrieval front over whichever chunk index {@link ChunkIndexConfiguration} chose.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RetrievalProperties.class, EmbeddingProperties.class, EmbeddingModelsProperties.class,
		VectorCacheProperties.class, AtlasProperties.class })
class RetrievalConfiguration {

	@Bean
	QueryShaper queryShaper(RetrievalProperties properties) {
		return new QueryShaper(QueryShaper.SPECIFIC_WEIGHT, (float) properties.queryContextWeight());
	}

	@Bean
	Retriever retriever(ChunkIndex chunkIndex, RetrievalProperties properties) {
		return new Retriever(chunkIndex, properties.fusion());
	}

}
