package dev.ragchat.api.access;

import dev.ragchat.api.TestCatalog;

class JdbcApiKeyStoreTests extends ApiKeyStoreContractTests {

	@Override
	protected ApiKeyStore createStore() {
		return new JdbcApiKeyStore(TestCatalog.fresh());
	}

}
