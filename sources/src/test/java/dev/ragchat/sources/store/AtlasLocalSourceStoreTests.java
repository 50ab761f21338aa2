package dev.ragchat.sources.store;

import dev.ragchat.ingestion.AtlasLocalTest;
import dev.ragchat.ingestion.catalog.TestMongo;
import dev.ragchat.sources.SourceStore;
import org.junit.jupiter.api.Nested;

/**
 * The source store's contract against {@code mongodb/mongodb-atlas-local} (Docker).
 */
@AtlasLocalTest
class AtlasLocalSourceStoreTests {

	@Nested
	class Sources extends SourceStoreContractTests {

		@Override
		protected SourceStore createStore() {
			return new MongoSourceStore(TestMongo.atlasLocal().getDb());
		}

	}

}
