package dev.ragchat.retrieval.atlas;

import java.time.Duration;

import com.mongodb.client.MongoClients;
import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.ChunkIndexContractTests;
import dev.ragchat.retrieval.WordHashEmbeddingModel;
import dev.ragchat.retrieval.embedding.IndexEmbedding;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBAtlasLocalContainer;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The Atlas chunk index (Vector Search, Atlas Search) against
 * {@code mongodb/mongodb-atlas-local} in Docker. Without Docker it is skipped, saying how
 * to run it.
 */
@EnabledIf(value = "dockerAvailable",
		disabledReason = "No Docker here: the Atlas chunk index runs against mongodb/mongodb-atlas-local in Docker."
				+ " Run ./mvnw verify on a machine with Docker (CI: .github/workflows/docker-tests.yml).")
@Testcontainers(disabledWithoutDocker = true)
class AtlasLocalChunkIndexTests extends ChunkIndexContractTests {

	@Container
	static final MongoDBAtlasLocalContainer atlas = new MongoDBAtlasLocalContainer("mongodb/mongodb-atlas-local:8.0");

	static int databases;

	static boolean dockerAvailable() {
		return DockerClientFactory.instance().isDockerAvailable();
	}

	@Override
	protected ChunkIndex createIndex(WordHashEmbeddingModel embeddingModel) {
		MongoTemplate mongo = new MongoTemplate(MongoClients.create(atlas.getConnectionString()),
				"chunks" + (++databases));
		IndexEmbedding embedding = new IndexEmbedding("word-hash", embeddingModel, embeddingModel.dimensions(),
				embeddingModel::embed);
		AtlasChunkIndex index = new AtlasChunkIndex(mongo, embedding,
				new AtlasProperties("chunks", 200, Duration.ofSeconds(60)), 2, 20_000);
		index.initialize();
		return index;
	}

}
