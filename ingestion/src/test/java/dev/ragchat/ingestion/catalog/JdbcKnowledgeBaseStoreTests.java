package dev.ragchat.ingestion.catalog;

import dev.ragchat.ingestion.KnowledgeBaseStore;

class JdbcKnowledgeBaseStoreTests extends KnowledgeBaseStoreContractTests {

	@Override
	protected KnowledgeBaseStore createStore() {
		return new JdbcKnowledgeBaseStore(new TestCatalog().jdbc);
	}

}
