package dev.ragchat.ingestion.catalog;

import dev.ragchat.ingestion.DocumentStore;

/**
 * The MongoDB document and job store on the in-process wire-protocol server
 * (mongo-java-server), so the contract runs on machines without Docker.
 */
class MongoDocumentStoreTests extends DocumentStoreContractTests {

	@Override
	protected DocumentStore createStore() {
		return new MongoDocumentStore(TestMongo.inProcess().getDb());
	}

}
