package dev.ragchat.sources.store;

import dev.ragchat.ingestion.catalog.TestCatalog;
import dev.ragchat.sources.SourceStore;

class JdbcSourceStoreTests extends SourceStoreContractTests {

	@Override
	protected SourceStore createStore() {
		TestCatalog catalog = new TestCatalog();
		return new JdbcSourceStore(catalog.jdbc(), catalog.transactions());
	}

}
