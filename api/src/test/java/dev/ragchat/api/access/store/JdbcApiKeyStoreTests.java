package dev.ragchat.api.access.store;

import dev.ragchat.api.TestCatalog;
import dev.ragchat.api.access.ApiKeyStore;

class JdbcApiKeyStoreTests extends ApiKeyStoreContractTests {

	@Override
	protected ApiKeyStore createStore() {
		return new JdbcApiKeyStore(TestCatalog.fresh());
	}

}
