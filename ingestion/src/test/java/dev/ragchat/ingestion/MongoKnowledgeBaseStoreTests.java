package dev.ragchat.ingestion;

/**
 * The MongoDB knowledge-base store on the in-process wire-protocol server.
 */
class MongoKnowledgeBaseStoreTests extends KnowledgeBaseStoreContractTests {

	@Override
	protected KnowledgeBaseStore createStore() {
		return new MongoKnowledgeBaseStore(TestMongo.inProcess());
	}

}
