package dev.ragchat.retrieval.atlas;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ChunkIndexContractTests;
import dev.ragchat.retrieval.ChunkSearch;
import dev.ragchat.retrieval.SearchMode;
import dev.ragchat.retrieval.WordHashEmbeddingModel;
import dev.ragchat.retrieval.embedding.IndexEmbedding;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * When the Atlas index's vector search is exact ({@code exact: true}): the count of the
 * chunks a search may find, asked of a MongoDB server in process over the chunks as the
 * index stores them, and the {@code $vectorSearch} stage a search then sends.
 * ({@code $vectorSearch} itself needs {@code AtlasLocalChunkIndexTests}, in Docker; the
 * pipeline's shape is {@code AtlasPipelinesTests}'.)
 */
class AtlasExactSearchTests {

	static MongoServer server;

	static MongoClient client;

	static MongoTemplate mongo;

	/** The first stage of each aggregation the index sent, as the server received it. */
	static final List<BsonDocument> sent = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void storeTwoKnowledgeBases() {
		server = new MongoServer(new MemoryBackend());
		InetSocketAddress address = server.bind();
		client = MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(
					new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort()))
			.addCommandListener(new CommandListener() {
				@Override
				public void commandStarted(CommandStartedEvent event) {
					if (event.getCommandName().equals("aggregate")) {
						// read now: the event's document is released after it
						sent.add(BsonDocument
							.parse(event.getCommand().getArray("pipeline").get(0).asDocument().toJson()));
					}
				}
			})
			.build());
		mongo = new MongoTemplate(client, "exact");
		store("kb_small", "doc_a", 2);
		store("kb_small", "doc_b", 1);
		store("kb_large", "doc_c", 3);
		store("kb_large", "doc_d", 5);
	}

	@AfterAll
	static void stop() {
		client.close();
		server.shutdownNow();
	}

	@Test
	void searchesExactlyWhileTheKnowledgeBaseIsWithinTheBound() {
		AtlasChunkIndex index = index(3);
		assertThat(index.exact(search("kb_small"))).isTrue();
		assertThat(index.exact(search("kb_large"))).isFalse();
		assertThat(index(8).exact(search("kb_large"))).isTrue();
	}

	@Test
	void countsOnlyTheDocumentsASearchNames() {
		AtlasChunkIndex index = index(4);
		assertThat(index.exact(search("kb_large", "doc_c"))).isTrue();
		assertThat(index.exact(search("kb_large", "doc_d"))).isFalse();
		assertThat(index.exact(search("kb_large", "doc_c", "doc_d"))).isFalse();
		assertThat(index.exact(search("kb_small", "doc_c", "doc_d"))).isTrue();
	}

	@Test
	void sendsTheVectorSearchExactOnlyWithinTheBound() {
		// the in-process server knows no $vectorSearch: what counts is what was sent
		assertThat(vectorSearchSent(index(3), "kb_small")).containsEntry("exact", BsonBoolean.TRUE)
			.doesNotContainKey("numCandidates");
		assertThat(vectorSearchSent(index(3), "kb_large")).doesNotContainKey("exact")
			.containsEntry("numCandidates", new BsonInt32(200));
	}

	@Test
	void alwaysSearchesTheGraphWithABoundOfZero() {
		assertThat(index(0).exact(search("kb_small"))).isFalse();
		assertThat(index(0).exact(search("kb_empty"))).isFalse();
	}

	@Test
	void rejectsANegativeBound() {
		assertThatIllegalArgumentException().isThrownBy(() -> index(-1)).withMessageContaining("exactSearchUpTo");
	}

	private static BsonDocument vectorSearchSent(AtlasChunkIndex index, String knowledgeBase) {
		sent.clear();
		assertThatException().isThrownBy(() -> index.search(search(knowledgeBase)));
		// the count is an aggregation too
		List<BsonDocument> vectorSearches = sent.stream()
			.filter((stage) -> stage.containsKey("$vectorSearch"))
			.toList();
		assertThat(vectorSearches).hasSize(1);
		return vectorSearches.get(0).getDocument("$vectorSearch");
	}

	private static AtlasChunkIndex index(int exactSearchUpTo) {
		WordHashEmbeddingModel model = new WordHashEmbeddingModel();
		return new AtlasChunkIndex(mongo, new IndexEmbedding("word-hash", model, model.dimensions(), model::embed),
				new AtlasProperties("chunks", 200, Duration.ofSeconds(60)), 2, exactSearchUpTo);
	}

	private static ChunkSearch search(String knowledgeBase, String... documentIds) {
		return new ChunkSearch(knowledgeBase, "q", 5, SearchMode.VECTOR, List.of(documentIds));
	}

	private static void store(String knowledgeBase, String documentId, int chunks) {
		for (int i = 0; i < chunks; i++) {
			Chunk chunk = ChunkIndexContractTests.chunk(knowledgeBase, documentId, i, 1, "Sentence " + i + ".");
			org.springframework.ai.document.Document stored = AtlasChunkIndex.toDocument(chunk, "g1");
			mongo.getCollection("chunks")
				.insertOne(new Document("_id", stored.getId()).append("content", stored.getText())
					.append("metadata", new Document(stored.getMetadata()).append("live", true)));
		}
	}

}
