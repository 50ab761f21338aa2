package dev.ragchat.ingestion.migration;

import java.time.Clock;

import dev.ragchat.ingestion.DocumentStore;
import dev.ragchat.ingestion.KnowledgeBaseStore;
import dev.ragchat.retrieval.ChunkIndexes;
import dev.ragchat.retrieval.ChunkRoutes;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Knowledge bases moving to another embedding model: the catalog's routes for the chunk
 * index, and the migrations.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddingMigrationProperties.class)
class EmbeddingMigrationConfiguration {

	@Bean
	ChunkRoutes chunkRoutes(KnowledgeBaseStore knowledgeBases, EmbeddingMigrationStore migrations) {
		return new CatalogRoutes(knowledgeBases, migrations);
	}

	@Bean
	EmbeddingMigrations embeddingMigrations(KnowledgeBaseStore knowledgeBases, DocumentStore documents,
			EmbeddingMigrationStore store, ChunkIndexes indexes, Clock clock, EmbeddingMigrationProperties properties) {
		EmbeddingMigrations migrations = new EmbeddingMigrations(knowledgeBases, documents, store, indexes, clock,
				properties.lease());
		migrations.startTicking();
		return migrations;
	}

}
