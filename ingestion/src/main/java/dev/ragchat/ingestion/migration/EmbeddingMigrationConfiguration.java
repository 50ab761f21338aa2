package dev.ragchat.ingestion.migration;

import java.time.Clock;

import dev.ragchat.ingestion.DocumentStore;
import dev.ragchat.ingestion.KnowledgeBaseStore;
import dev.ragchat.retrieval.ChunkIndexes;
import dev.ragchat.retrieval.ChunkRoutes;
import org.jobrunr.scheduling.JobRequestScheduler;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Knowledge bases moving to another embedding model: the catalog's routes for the chunk
 * index, and the migrations, run as JobRunr jobs by {@link MigrationJobs} (also the
 * filter that ends a migration JobRunr gave up on).
 */
@Configuration(proxyBeanMethods = false)
class EmbeddingMigrationConfiguration {

	@Bean
	ChunkRoutes chunkRoutes(KnowledgeBaseStore knowledgeBases, EmbeddingMigrationStore migrations) {
		return new CatalogRoutes(knowledgeBases, migrations);
	}

	@Bean
	MigrationJobs embeddingMigrationJobs(KnowledgeBaseStore knowledgeBases, DocumentStore documents,
			EmbeddingMigrationStore store, ChunkIndexes indexes, Clock clock) {
		return new MigrationJobs(documents, store, indexes, clock,
				new MigrationEnds(knowledgeBases, store, indexes, clock));
	}

	@Bean
	EmbeddingMigrations embeddingMigrations(KnowledgeBaseStore knowledgeBases, EmbeddingMigrationStore store,
			ChunkIndexes indexes, Clock clock, MigrationJobs workers, JobRequestScheduler jobs) {
		return new EmbeddingMigrations(knowledgeBases, store, indexes, clock,
				new MigrationEnds(knowledgeBases, store, indexes, clock), workers, jobs);
	}

}
