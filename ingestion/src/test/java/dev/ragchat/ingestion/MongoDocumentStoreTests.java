package dev.ragchat.ingestion;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;

/**
 * The MongoDB document store against an in-process MongoDB wire-protocol server
 * (mongo-java-server), so the contract runs on machines without Docker.
 */
class MongoDocumentStoreTests extends DocumentStoreContractTests {

	MongoServer server;

	MongoClient client;

	@Override
	protected DocumentStore createStore() {
		this.server = new MongoServer(new MemoryBackend());
		this.client = MongoClients.create(this.server.bindAndGetConnectionString());
		return new MongoDocumentStore(this.client.getDatabase("ragchat"));
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.server.shutdownNow();
	}

}
