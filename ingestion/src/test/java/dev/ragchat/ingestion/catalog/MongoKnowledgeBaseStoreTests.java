package dev.ragchat.ingestion.catalog;

import dev.ragchat.ingestion.KnowledgeBaseStore;

/**
 * The MongoDB knowledge-base store on the in-process wire-protocol server.
 */
class MongoKnowledgeBaseStoreTests extends KnowledgeBaseStoreContractTests {

	@Override
	protected KnowledgeBaseStore createStore() {
		return new MongoKnowledgeBaseStore(TestMongo.inProcess());
	}

}
