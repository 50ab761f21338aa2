package dev.ragchat.ingestion.catalog;

import dev.ragchat.ingestion.AtlasLocalTest;
import dev.ragchat.ingestion.DocumentStore;
import dev.ragchat.ingestion.KnowledgeBaseStore;
import org.junit.jupiter.api.Nested;

/**
 * The ingestion module's catalog contracts against {@code mongodb/mongodb-atlas-local}
 * (Docker).
 */
@AtlasLocalTest
class AtlasLocalCatalogTests {

	@Nested
	class KnowledgeBases extends KnowledgeBaseStoreContractTests {

		@Override
		protected KnowledgeBaseStore createStore() {
			return new MongoKnowledgeBaseStore(TestMongo.atlasLocal());
		}

	}

	@Nested
	class Documents extends DocumentStoreContractTests {

		@Override
		protected DocumentStore createStore() {
			return new MongoDocumentStore(TestMongo.atlasLocal().getDb());
		}

	}

}
