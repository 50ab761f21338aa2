package dev.ragchat.api.media.store;

import dev.ragchat.api.media.ExtractionStore;
import dev.ragchat.api.media.MediaStore;
import dev.ragchat.ingestion.catalog.TestMongo;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The MongoDB stores on the in-process wire-protocol server (mongo-java-server).
 */
class MongoMediaStoreTests extends MediaStoreContractTests {

	private MongoTemplate mongo;

	@Override
	protected MediaStore createMediaStore() {
		this.mongo = TestMongo.inProcess();
		return new MongoMediaStore(this.mongo);
	}

	@Override
	protected ExtractionStore createExtractionStore() {
		return new MongoExtractionStore(this.mongo);
	}

}
