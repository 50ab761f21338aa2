package dev.ragchat.ingestion;

class JdbcKnowledgeBaseStoreTests extends KnowledgeBaseStoreContractTests {

	@Override
	protected KnowledgeBaseStore createStore() {
		return new JdbcKnowledgeBaseStore(new TestCatalog().jdbc);
	}

}
