package dev.ragchat.api.session;

import dev.ragchat.api.TestCatalog;

class JdbcChatConfigStoreTests extends ChatConfigStoreContractTests {

	@Override
	protected ChatConfigStore createStore() {
		return new JdbcChatConfigStore(TestCatalog.fresh());
	}

}
