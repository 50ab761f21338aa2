package dev.ragchat.api.access;

import dev.ragchat.ingestion.TestMongo;

/**
 * The MongoDB store on the in-process wire-protocol server (mongo-java-server).
 */
class MongoApiKeyStoreTests extends ApiKeyStoreContractTests {

	@Override
	protected ApiKeyStore createStore() {
		return new MongoApiKeyStore(TestMongo.inProcess());
	}

}
