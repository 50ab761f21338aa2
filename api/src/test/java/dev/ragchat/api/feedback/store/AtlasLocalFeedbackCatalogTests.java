package dev.ragchat.api.feedback.store;

import dev.ragchat.api.feedback.FeedbackStore;
import dev.ragchat.ingestion.AtlasLocalTest;
import dev.ragchat.ingestion.catalog.TestMongo;
import org.junit.jupiter.api.Nested;

/**
 * The feedback store's contract against {@code mongodb/mongodb-atlas-local} (Docker).
 */
@AtlasLocalTest
class AtlasLocalFeedbackCatalogTests {

	@Nested
	class Feedbacks extends FeedbackStoreContractTests {

		@Override
		protected FeedbackStore createStore() {
			return new MongoFeedbackStore(TestMongo.atlasLocal());
		}

	}

}
