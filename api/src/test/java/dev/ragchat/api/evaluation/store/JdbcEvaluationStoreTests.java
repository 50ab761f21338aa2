package dev.ragchat.api.evaluation.store;

import dev.ragchat.api.TestCatalog;
import dev.ragchat.api.evaluation.EvaluationStore;

class JdbcEvaluationStoreTests extends EvaluationStoreContractTests {

	@Override
	protected EvaluationStore createStore() {
		return new JdbcEvaluationStore(TestCatalog.fresh());
	}

}
