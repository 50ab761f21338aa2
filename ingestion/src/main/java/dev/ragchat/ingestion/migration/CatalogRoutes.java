package dev.ragchat.ingestion.migration;

import dev.ragchat.ingestion.KnowledgeBase;
import dev.ragchat.ingestion.KnowledgeBaseStore;
import dev.ragchat.retrieval.ChunkRoutes;

/**
 * The chunk index's routes from the catalog: a knowledge base's searches go to the index
 * of the model its record names, and its documents also to the index its live migration
 * fills. Read at every call (a primary-key read each), so that a switch reaches every
 * node at once.
 */
final class CatalogRoutes implements ChunkRoutes {

	private final KnowledgeBaseStore knowledgeBases;

	private final EmbeddingMigrationStore migrations;

	CatalogRoutes(KnowledgeBaseStore knowledgeBases, EmbeddingMigrationStore migrations) {
		this.knowledgeBases = knowledgeBases;
		this.migrations = migrations;
	}

	@Override
	public Route route(String knowledgeBase) {
		String active = this.knowledgeBases.findById(knowledgeBase).map(KnowledgeBase::embeddingModel).orElse(null);
		String shadow = this.migrations.live(knowledgeBase).map(EmbeddingMigration::toModel).orElse(null);
		return new Route(active, shadow);
	}

}
