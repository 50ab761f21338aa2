package dev.ragchat.api.access.store;

import dev.ragchat.api.access.ApiKeyStore;
import dev.ragchat.ingestion.AtlasLocalTest;
import dev.ragchat.ingestion.catalog.TestMongo;

/**
 * The MongoDB key store against {@code mongodb/mongodb-atlas-local} (Docker).
 */
@AtlasLocalTest
class AtlasLocalApiKeyStoreTests extends ApiKeyStoreContractTests {

	@Override
	protected ApiKeyStore createStore() {
		return new MongoApiKeyStore(TestMongo.atlasLocal());
	}

}
