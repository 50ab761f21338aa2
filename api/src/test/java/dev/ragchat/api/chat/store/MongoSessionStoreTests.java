package dev.ragchat.api.chat.store;

import dev.ragchat.api.chat.SessionStore;
import dev.ragchat.ingestion.catalog.TestMongo;

/**
 * The MongoDB store on the in-process wire-protocol server (mongo-java-server).
 */
class MongoSessionStoreTests extends SessionStoreContractTests {

	@Override
	protected SessionStore createStore() {
		return new MongoSessionStore(TestMongo.inProcess());
	}

}
