package dev.ragchat.api.models.store;

import dev.ragchat.api.models.ModelChoiceStore;
import dev.ragchat.ingestion.catalog.TestMongo;

/**
 * The MongoDB store on the in-process wire-protocol server (mongo-java-server).
 */
class MongoModelChoiceStoreTests extends ModelChoiceStoreContractTests {

	@Override
	protected ModelChoiceStore createStore() {
		return new MongoModelChoiceStore(TestMongo.inProcess());
	}

}
