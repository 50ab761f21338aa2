package dev.ragchat.api.session;

import dev.ragchat.ingestion.TestMongo;

/**
 * The MongoDB store on the in-process wire-protocol server (mongo-java-server).
 */
class MongoChatConfigStoreTests extends ChatConfigStoreContractTests {

	@Override
	protected ChatConfigStore createStore() {
		return new MongoChatConfigStore(TestMongo.inProcess());
	}

}
