package dev.ragchat.api.session;

import dev.ragchat.api.TestCatalog;

class JdbcSessionStoreTests extends SessionStoreContractTests {

	@Override
	protected SessionStore createStore() {
		return new JdbcSessionStore(TestCatalog.fresh());
	}

}
