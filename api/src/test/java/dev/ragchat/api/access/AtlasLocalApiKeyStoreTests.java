package dev.ragchat.api.access;

import dev.ragchat.ingestion.AtlasLocalTest;
import dev.ragchat.ingestion.TestMongo;

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
