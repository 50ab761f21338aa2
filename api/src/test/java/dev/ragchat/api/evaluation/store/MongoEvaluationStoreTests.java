package dev.ragchat.api.evaluation.store;

import dev.ragchat.api.evaluation.EvaluationStore;
import dev.ragchat.ingestion.catalog.TestMongo;

/**
 * The MongoDB store on the in-process wire-protocol server (mongo-java-server).
 */
class MongoEvaluationStoreTests extends EvaluationStoreContractTests {

	@Override
	protected EvaluationStore createStore() {
		return new MongoEvaluationStore(TestMongo.inProcess());
	}

}
