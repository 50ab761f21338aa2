package dev.ragchat.sources.store;

import java.util.Date;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.ragchat.ingestion.catalog.TestMongo;
import dev.ragchat.sources.SourceStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MongoDB source store on the in-process wire-protocol server (mongo-java-server).
 */
class MongoSourceStoreTests extends SourceStoreContractTests {

	@Override
	protected SourceStore createStore() {
		return new MongoSourceStore(TestMongo.inProcess().getDb());
	}

	@Test
	void dropsTheLeasesSourcesKeptBeforeSyncRunsRanOnJobRunr() {
		MongoDatabase database = TestMongo.inProcess().getDb();
		database.getCollection("sync_sources")
			.insertOne(new Document("_id", "src_old").append("knowledgeBase", "kb")
				.append("activeRunId", "run_1")
				.append("activeOwner", "node-1")
				.append("activeUntil", new Date()));
		new MongoSourceStore(database);
		assertThat(database.getCollection("sync_sources").find(Filters.eq("_id", "src_old")).first())
			.containsEntry("activeRunId", "run_1")
			.doesNotContainKeys("activeOwner", "activeUntil");
	}

}
