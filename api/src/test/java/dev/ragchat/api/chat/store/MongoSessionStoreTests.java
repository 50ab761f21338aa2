package dev.ragchat.api.chat.store;

import dev.ragchat.api.chat.MessageStore;
import dev.ragchat.api.chat.SessionStore;
import dev.ragchat.ingestion.catalog.TestMongo;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The MongoDB store on the in-process wire-protocol server (mongo-java-server).
 */
class MongoSessionStoreTests extends SessionStoreContractTests {

	private MongoTemplate mongo;

	@Override
	protected SessionStore createStore() {
		this.mongo = TestMongo.inProcess();
		return new MongoSessionStore(this.mongo);
	}

	@Override
	protected MessageStore messagesBeside() {
		return new MongoMessageStore(this.mongo);
	}

}
