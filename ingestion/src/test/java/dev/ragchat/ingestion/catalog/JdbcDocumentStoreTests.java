package dev.ragchat.ingestion.catalog;

import dev.ragchat.ingestion.DocumentStore;

class JdbcDocumentStoreTests extends DocumentStoreContractTests {

	@Override
	protected DocumentStore createStore() {
		TestCatalog catalog = new TestCatalog();
		return new JdbcDocumentStore(catalog.jdbc, catalog.transactions);
	}

}
