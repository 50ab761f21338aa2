package dev.ragchat.api.feedback.store;

import dev.ragchat.api.feedback.FeedbackStore;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The feedback store adapters, for tests in other packages (usage analytics).
 */
public final class FeedbackStores {

	private FeedbackStores() {
	}

	public static FeedbackStore jdbc(JdbcClient jdbc) {
		return new JdbcFeedbackStore(jdbc);
	}

	public static FeedbackStore mongo(MongoTemplate mongo) {
		return new MongoFeedbackStore(mongo);
	}

}
