package dev.ragchat.api.chatconfig.store;

import dev.ragchat.api.TestCatalog;
import dev.ragchat.api.chatconfig.ChatConfigStore;

class JdbcChatConfigStoreTests extends ChatConfigStoreContractTests {

	@Override
	protected ChatConfigStore createStore() {
		return new JdbcChatConfigStore(TestCatalog.fresh());
	}

}
