package dev.ragchat.api.session;

import dev.ragchat.ingestion.TestMongo;

/**
 * The MongoDB store on the in-process wire-protocol server (mongo-java-server).
 */
class MongoSessionStoreTests extends SessionStoreContractTests {

	@Override
	protected SessionStore createStore() {
		return new MongoSessionStore(TestMongo.inProcess());
	}

}
