package dev.ragchat.api.chat.store;

import dev.ragchat.api.TestCatalog;
import dev.ragchat.api.chat.MessageStore;
import dev.ragchat.api.chat.SessionStore;

import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcSessionStoreTests extends SessionStoreContractTests {

	private JdbcClient catalog;

	@Override
	protected SessionStore createStore() {
		this.catalog = TestCatalog.fresh();
		return new JdbcSessionStore(this.catalog);
	}

	@Override
	protected MessageStore messagesBeside() {
		return new JdbcMessageStore(this.catalog);
	}

}
