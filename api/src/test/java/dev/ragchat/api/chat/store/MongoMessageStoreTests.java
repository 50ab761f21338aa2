package dev.ragchat.api.chat.store;

import dev.ragchat.api.chat.MessageStore;
import dev.ragchat.ingestion.catalog.TestMongo;

/**
 * The MongoDB store on the in-process wire-protocol server (mongo-java-server).
 */
class MongoMessageStoreTests extends MessageStoreContractTests {

	@Override
	protected MessageStore createStore() {
		return new MongoMessageStore(TestMongo.inProcess());
	}

}
