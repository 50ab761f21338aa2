package dev.ragchat.ingestion.catalog;

import dev.ragchat.ingestion.migration.EmbeddingMigrationStore;

class JdbcEmbeddingMigrationStoreTests extends EmbeddingMigrationStoreContractTests {

	@Override
	protected EmbeddingMigrationStore createStore() {
		return new JdbcEmbeddingMigrationStore(new TestCatalog().jdbc);
	}

}
