package dev.ragchat.api.access.store;

import dev.ragchat.api.access.ApiKey;
import dev.ragchat.api.access.ApiKeyStore;
import dev.ragchat.ingestion.catalog.TestMongo;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MongoDB store on the in-process wire-protocol server (mongo-java-server).
 */
class MongoApiKeyStoreTests extends ApiKeyStoreContractTests {

	private MongoTemplate mongo;

	@Override
	protected ApiKeyStore createStore() {
		this.mongo = TestMongo.inProcess();
		return new MongoApiKeyStore(this.mongo);
	}

	@Test
	void aKeyStoredBeforeLineagesIsItsOwn() {
		this.store.save(key("key_before", NOW), hash('b'));
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is("key_before")), new Update().unset("lineage"),
				MongoApiKeyStore.COLLECTION);
		assertThat(this.store.findById("key_before").orElseThrow().lineage()).isEqualTo("key_before");
		assertThat(this.store.findByLineage("key_before")).extracting(ApiKey::id).containsExactly("key_before");
	}

}
