package dev.ragchat.retrieval.atlas;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ChunkIndexContractTests;
import dev.ragchat.retrieval.ChunkSearch;
import dev.ragchat.retrieval.FilterCases;
import dev.ragchat.retrieval.SearchMode;
import dev.ragchat.retrieval.WordHashEmbeddingModel;
import dev.ragchat.retrieval.embedding.IndexEmbedding;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Atlas index's filter stage (the {@code $match} after {@code $vectorSearch} and
 * {@code $search}, on the stored chunks) run by a MongoDB server in process, over the
 * chunks as the index stores them: every {@link FilterCases} case finds the same
 * documents as on Lucene. (Atlas Search and Vector Search themselves need
 * {@code AtlasLocalChunkIndexTests}, in Docker, which runs the same cases through the
 * whole index.)
 */
class AtlasFilterTests {

	static MongoServer server;

	static MongoClient client;

	static MongoCollection<Document> chunks;

	@BeforeAll
	static void storeTheChunksAsTheIndexDoes() {
		server = new MongoServer(new MemoryBackend());
		client = MongoClients.create("mongodb://" + hostAndPort(server.bind()));
		chunks = client.getDatabase("filters").getCollection("chunks");
		for (Chunk chunk : FilterCases.chunks()) {
			org.springframework.ai.document.Document stored = AtlasChunkIndex.toDocument(chunk, "g1");
			Document metadata = new Document(stored.getMetadata());
			metadata.put("meta", new Document(chunk.metadata()));
			metadata.put("live", true);
			chunks.insertOne(new Document("_id", stored.getId()).append("content", stored.getText())
				.append("metadata", metadata));
		}
	}

	@AfterAll
	static void stop() {
		client.close();
		server.shutdownNow();
	}

	static List<FilterCases.Case> cases() {
		return FilterCases.cases();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void findsWhatTheLuceneIndexFinds(FilterCases.Case filterCase) {
		Document match = AtlasPipelines
			.storedMatch(new ChunkSearch("kb", "q", List.of(), 10, SearchMode.VECTOR, null, filterCase.filter()));
		List<String> found = new ArrayList<>();
		chunks.aggregate(List.of(match))
			.forEach((row) -> found.add(row.get("metadata", Document.class).getString("documentId")));
		assertThat(found).containsExactlyInAnyOrderElementsOf(filterCase.documents());
	}

	@Test
	void readsTheChunksThatBeginOnSomePagesAsTheLuceneIndexDoes() {
		MongoCollection<Document> pages = client.getDatabase("pages").getCollection("chunks");
		for (int i = 0; i < 6; i++) {
			Chunk chunk = ChunkIndexContractTests.chunk("kb", "doc-p", i, 1 + i / 2, "Sentence " + i + ".");
			org.springframework.ai.document.Document stored = AtlasChunkIndex.toDocument(chunk, "g1");
			pages.insertOne(new Document("_id", stored.getId()).append("content", stored.getText())
				.append("metadata", new Document(stored.getMetadata()).append("live", true)));
		}
		WordHashEmbeddingModel model = new WordHashEmbeddingModel();
		AtlasChunkIndex index = new AtlasChunkIndex(new MongoTemplate(client, "pages"),
				new IndexEmbedding("word-hash", model, model.dimensions(), model::embed),
				new AtlasProperties("chunks", 200, Duration.ofSeconds(60)), 2, 20_000);
		assertThat(index.chunks("doc-p", 2, 3)).extracting(Chunk::ordinal).containsExactly(2, 3, 4, 5);
		assertThat(index.chunks("doc-p", 2, 2)).extracting(Chunk::text).containsExactly("Sentence 2.", "Sentence 3.");
		assertThat(index.chunks("doc-p", 4, 9)).isEmpty();
	}

	private static String hostAndPort(java.net.InetSocketAddress address) {
		return address.getHostString() + ":" + address.getPort();
	}

}
