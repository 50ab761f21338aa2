package dev.ragchat.api.chat.store;

import dev.ragchat.api.TestCatalog;
import dev.ragchat.api.chat.SessionStore;

class JdbcSessionStoreTests extends SessionStoreContractTests {

	@Override
	protected SessionStore createStore() {
		return new JdbcSessionStore(TestCatalog.fresh());
	}

}
