package dev.ragchat.api.models.store;

import dev.ragchat.api.TestCatalog;
import dev.ragchat.api.models.ModelChoiceStore;

class JdbcModelChoiceStoreTests extends ModelChoiceStoreContractTests {

	@Override
	protected ModelChoiceStore createStore() {
		return new JdbcModelChoiceStore(TestCatalog.fresh());
	}

}
