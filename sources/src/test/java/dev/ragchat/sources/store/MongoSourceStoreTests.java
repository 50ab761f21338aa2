package dev.ragchat.sources.store;

import dev.ragchat.ingestion.catalog.TestMongo;
import dev.ragchat.sources.SourceStore;

/**
 * The MongoDB source store on the in-process wire-protocol server (mongo-java-server).
 */
class MongoSourceStoreTests extends SourceStoreContractTests {

	@Override
	protected SourceStore createStore() {
		return new MongoSourceStore(TestMongo.inProcess().getDb());
	}

}
