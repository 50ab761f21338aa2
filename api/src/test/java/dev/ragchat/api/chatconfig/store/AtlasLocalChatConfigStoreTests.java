package dev.ragchat.api.chatconfig.store;

import dev.ragchat.api.chatconfig.ChatConfigStore;
import dev.ragchat.ingestion.AtlasLocalTest;
import dev.ragchat.ingestion.catalog.TestMongo;

/**
 * The chat-config store's contract against {@code mongodb/mongodb-atlas-local} (Docker).
 */
@AtlasLocalTest
class AtlasLocalChatConfigStoreTests extends ChatConfigStoreContractTests {

	@Override
	protected ChatConfigStore createStore() {
		return new MongoChatConfigStore(TestMongo.atlasLocal());
	}

}
