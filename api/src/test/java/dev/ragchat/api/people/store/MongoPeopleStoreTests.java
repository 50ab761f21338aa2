package dev.ragchat.api.people.store;

import dev.ragchat.api.people.PeopleStore;
import dev.ragchat.ingestion.catalog.TestMongo;

/**
 * The MongoDB store on the in-process wire-protocol server (mongo-java-server).
 */
class MongoPeopleStoreTests extends PeopleStoreContractTests {

	@Override
	protected PeopleStore createStore() {
		return new MongoPeopleStore(TestMongo.inProcess());
	}

}
