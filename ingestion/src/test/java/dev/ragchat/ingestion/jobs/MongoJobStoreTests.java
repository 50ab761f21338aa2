package dev.ragchat.ingestion.jobs;

import java.util.UUID;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.UuidRepresentation;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.nosql.mongo.MongoDBStorageProvider;
import org.junit.jupiter.api.AfterAll;

/**
 * JobRunr's MongoDB storage on a fresh database of an in-process wire-protocol server
 * (mongo-java-server), as the MongoDB catalog's.
 */
class MongoJobStoreTests extends JobStoreTests {

	static final MongoServer server = new MongoServer(new JobRunrMemoryBackend());

	/**
	 * A client as Spring Boot makes the catalog's: UUIDs in the Java legacy
	 * representation.
	 */
	static final MongoClient client = MongoClients.create(MongoClientSettings.builder()
		.applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
		.uuidRepresentation(UuidRepresentation.JAVA_LEGACY)
		.build());

	@AfterAll
	static void shutDown() {
		client.close();
		server.shutdownNow();
	}

	@Override
	protected StorageProvider createStorage() {
		return new MongoDBStorageProvider(client, "t" + UUID.randomUUID().toString().replace("-", ""),
				JobsConfiguration.PREFIX, DatabaseOptions.CREATE);
	}

}
