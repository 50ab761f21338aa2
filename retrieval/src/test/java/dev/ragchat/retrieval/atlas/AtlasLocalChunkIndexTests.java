package dev.ragchat.retrieval.atlas;

import java.time.Duration;
import java.util.List;

import com.mongodb.client.MongoClients;
import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.ChunkIndexContractTests;
import dev.ragchat.retrieval.ChunkSearch;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.SearchMode;
import dev.ragchat.retrieval.WordHashEmbeddingModel;
import dev.ragchat.retrieval.embedding.IndexEmbedding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBAtlasLocalContainer;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

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

	/**
	 * The contract runs with the default bound, so its small knowledge bases are searched
	 * exactly ({@code exact: true}), as users' small ones are.
	 */
	@Override
	protected ChunkIndex createIndex(WordHashEmbeddingModel embeddingModel) {
		return createIndex(embeddingModel, 20_000);
	}

	@Test
	void findsTheChunkThatAnswersThroughTheGraphToo() {
		ChunkIndex graph = createIndex(this.model, 0);
		graph.replace("doc-1", List.of(chunk("kb", "doc-1", 0, 1, "The warehouse ships orders every Tuesday."),
				chunk("kb", "doc-1", 1, 2, "The zeppelin hangar opened in nineteen thirty.")), (n) -> {
				});
		List<ScoredChunk> hits = graph
			.search(new ChunkSearch("kb", "when did the zeppelin hangar open", 1, SearchMode.VECTOR, null));
		assertThat(hits).extracting((hit) -> hit.chunk().page()).containsExactly(2);
	}

	private static ChunkIndex createIndex(WordHashEmbeddingModel embeddingModel, int exactSearchUpTo) {
		MongoTemplate mongo = new MongoTemplate(MongoClients.create(atlas.getConnectionString()),
				"chunks" + (++databases));
		IndexEmbedding embedding = new IndexEmbedding("word-hash", embeddingModel, embeddingModel.dimensions(),
				embeddingModel::embed);
		AtlasChunkIndex index = new AtlasChunkIndex(mongo, embedding,
				new AtlasProperties("chunks", 200, Duration.ofSeconds(60)), 2, exactSearchUpTo);
		index.initialize();
		return index;
	}

}
