package dev.ragchat.api.session;

import dev.ragchat.api.TestCatalog;

class JdbcMessageStoreTests extends MessageStoreContractTests {

	@Override
	protected MessageStore createStore() {
		return new JdbcMessageStore(TestCatalog.fresh());
	}

}
