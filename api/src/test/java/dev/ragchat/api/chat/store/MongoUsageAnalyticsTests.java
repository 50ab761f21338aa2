package dev.ragchat.api.chat.store;

import dev.ragchat.api.feedback.store.FeedbackStores;
import dev.ragchat.ingestion.catalog.TestMongo;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Usage analytics on the MongoDB catalog (the in-process wire-protocol server).
 */
class MongoUsageAnalyticsTests extends UsageAnalyticsContractTests {

	@Override
	protected Stores createStores() {
		MongoTemplate mongo = TestMongo.inProcess();
		return new Stores(new MongoSessionStore(mongo), new MongoMessageStore(mongo), TestMongo.documents(mongo),
				FeedbackStores.mongo(mongo));
	}

}
