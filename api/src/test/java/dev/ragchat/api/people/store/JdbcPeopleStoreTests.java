package dev.ragchat.api.people.store;

import dev.ragchat.api.TestCatalog;
import dev.ragchat.api.people.PeopleStore;

class JdbcPeopleStoreTests extends PeopleStoreContractTests {

	@Override
	protected PeopleStore createStore() {
		return new JdbcPeopleStore(TestCatalog.fresh());
	}

}
