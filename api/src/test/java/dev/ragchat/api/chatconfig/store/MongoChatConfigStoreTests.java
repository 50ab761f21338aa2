package dev.ragchat.api.chatconfig.store;

import dev.ragchat.api.chatconfig.ChatConfigStore;
import dev.ragchat.ingestion.catalog.TestMongo;

/**
 * The MongoDB store on the in-process wire-protocol server (mongo-java-server).
 */
class MongoChatConfigStoreTests extends ChatConfigStoreContractTests {

	@Override
	protected ChatConfigStore createStore() {
		return new MongoChatConfigStore(TestMongo.inProcess());
	}

}
