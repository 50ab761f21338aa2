package dev.ragchat.api.chat.store;

import dev.ragchat.api.chat.MessageStore;
import dev.ragchat.api.chat.SessionStore;
import dev.ragchat.ingestion.AtlasLocalTest;
import dev.ragchat.ingestion.catalog.TestMongo;
import org.junit.jupiter.api.Nested;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The session module's catalog contracts against {@code mongodb/mongodb-atlas-local}
 * (Docker).
 */
@AtlasLocalTest
class AtlasLocalSessionCatalogTests {

	@Nested
	class Sessions extends SessionStoreContractTests {

		private MongoTemplate mongo;

		@Override
		protected SessionStore createStore() {
			this.mongo = TestMongo.atlasLocal();
			return new MongoSessionStore(this.mongo);
		}

		@Override
		protected MessageStore messagesBeside() {
			return new MongoMessageStore(this.mongo);
		}

	}

	@Nested
	class Messages extends MessageStoreContractTests {

		@Override
		protected MessageStore createStore() {
			return new MongoMessageStore(TestMongo.atlasLocal());
		}

	}

}
