package dev.ragchat.api.session;

import dev.ragchat.ingestion.TestMongo;

/**
 * The MongoDB store on the in-process wire-protocol server (mongo-java-server).
 */
class MongoMessageStoreTests extends MessageStoreContractTests {

	@Override
	protected MessageStore createStore() {
		return new MongoMessageStore(TestMongo.inProcess());
	}

}
