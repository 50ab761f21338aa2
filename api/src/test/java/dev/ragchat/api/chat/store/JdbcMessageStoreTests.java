package dev.ragchat.api.chat.store;

import dev.ragchat.api.TestCatalog;
import dev.ragchat.api.chat.MessageStore;

class JdbcMessageStoreTests extends MessageStoreContractTests {

	@Override
	protected MessageStore createStore() {
		return new JdbcMessageStore(TestCatalog.fresh());
	}

}
