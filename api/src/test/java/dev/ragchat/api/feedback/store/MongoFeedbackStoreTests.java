package dev.ragchat.api.feedback.store;

import dev.ragchat.api.feedback.FeedbackStore;
import dev.ragchat.ingestion.catalog.TestMongo;

/**
 * The MongoDB store on the in-process wire-protocol server (mongo-java-server).
 */
class MongoFeedbackStoreTests extends FeedbackStoreContractTests {

	@Override
	protected FeedbackStore createStore() {
		return new MongoFeedbackStore(TestMongo.inProcess());
	}

}
