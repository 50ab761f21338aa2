package dev.ragchat.ingestion.catalog;

import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.ragchat.ingestion.AtlasLocalTest;
import dev.ragchat.ingestion.DocumentStore;
import dev.ragchat.ingestion.KnowledgeBaseStore;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBAtlasLocalContainer;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB for the catalog contract tests: an in-process wire-protocol server
 * (mongo-java-server) that runs everywhere, and {@code mongodb/mongodb-atlas-local} in
 * Docker where Docker runs. Each call hands out a fresh database on a server shared by
 * the whole test run.
 */
public final class TestMongo {

	/** The Atlas local image the Docker tests run against. */
	public static final String ATLAS_LOCAL_IMAGE = "mongodb/mongodb-atlas-local:8.0";

	private static MongoClient inProcess;

	private static MongoDBAtlasLocalContainer atlasLocal;

	private static MongoClient atlasLocalClient;

	private TestMongo() {
	}

	/**
	 * @param mongo a database
	 * @return the document store on it
	 */
	public static DocumentStore documents(MongoTemplate mongo) {
		return new MongoDocumentStore(mongo.getDb());
	}

	/**
	 * @param mongo a database
	 * @return the knowledge-base store on it
	 */
	public static KnowledgeBaseStore knowledgeBases(MongoTemplate mongo) {
		return new MongoKnowledgeBaseStore(mongo);
	}

	/**
	 * @return a template on a fresh database of the in-process server
	 */
	public static synchronized MongoTemplate inProcess() {
		if (inProcess == null) {
			MongoServer server = new MongoServer(new MemoryBackend());
			inProcess = MongoClients.create(server.bindAndGetConnectionString());
			Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
		}
		return new MongoTemplate(inProcess, freshName());
	}

	/**
	 * @return a template on a fresh database of the Atlas local container, started on
	 * first use
	 */
	public static synchronized MongoTemplate atlasLocal() {
		return new MongoTemplate(atlasLocalClient(), freshName());
	}

	private static MongoClient atlasLocalClient() {
		if (atlasLocal == null) {
			atlasLocal = new MongoDBAtlasLocalContainer(ATLAS_LOCAL_IMAGE);
			atlasLocal.start();
			atlasLocalClient = MongoClients.create(atlasLocal.getConnectionString());
		}
		return atlasLocalClient;
	}

	/**
	 * @return whether Docker runs here (the condition of {@link AtlasLocalTest})
	 */
	public static boolean dockerAvailable() {
		return DockerClientFactory.instance().isDockerAvailable();
	}

	private static String freshName() {
		return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

}
