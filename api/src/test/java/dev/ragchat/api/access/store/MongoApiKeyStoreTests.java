package dev.ragchat.api.access.store;

import dev.ragchat.api.access.ApiKeyStore;
import dev.ragchat.ingestion.catalog.TestMongo;

/**
 * The MongoDB store on the in-process wire-protocol server (mongo-java-server).
 */
class MongoApiKeyStoreTests extends ApiKeyStoreContractTests {

	@Override
	protected ApiKeyStore createStore() {
		return new MongoApiKeyStore(TestMongo.inProcess());
	}

}
