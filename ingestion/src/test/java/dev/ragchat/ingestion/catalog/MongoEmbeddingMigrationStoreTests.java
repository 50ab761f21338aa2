package dev.ragchat.ingestion.catalog;

import dev.ragchat.ingestion.migration.EmbeddingMigrationStore;

/**
 * The MongoDB embedding-migration store on the in-process wire-protocol server.
 */
class MongoEmbeddingMigrationStoreTests extends EmbeddingMigrationStoreContractTests {

	@Override
	protected EmbeddingMigrationStore createStore() {
		return new MongoEmbeddingMigrationStore(TestMongo.inProcess().getDb());
	}

}
