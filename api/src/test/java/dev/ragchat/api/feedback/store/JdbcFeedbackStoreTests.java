package dev.ragchat.api.feedback.store;

import dev.ragchat.api.TestCatalog;
import dev.ragchat.api.feedback.FeedbackStore;

class JdbcFeedbackStoreTests extends FeedbackStoreContractTests {

	@Override
	protected FeedbackStore createStore() {
		return new JdbcFeedbackStore(TestCatalog.fresh());
	}

}
