package dev.ragchat.ingestion;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.IntConsumer;

import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.blobs.LocalBlobStore;
import dev.ragchat.ingestion.catalog.TestCatalog;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.ChunkSearch;
import dev.ragchat.retrieval.ScoredChunk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A knowledge base records the embedding model it was built with, and is never searched
 * with another model's vectors.
 */
class KnowledgeBaseModelTests {

	@TempDir
	Path blobs;

	@Test
	void recordsTheIndexsModelAndDimensions() throws Exception {
		KnowledgeBases knowledgeBases = knowledgeBases(new TestCatalog().knowledgeBases(),
				new Named("gemini-embedding-001", 768));
		KnowledgeBase kb = knowledgeBases.create("Manuals", null);
		assertThat(kb.embeddingModel()).isEqualTo("gemini-embedding-001");
		assertThat(kb.dimensions()).isEqualTo(768);
		assertThat(knowledgeBases.searchable(kb.id())).isEqualTo(kb);
	}

	@Test
	void refusesToSearchAKnowledgeBaseBuiltWithAnotherModel() throws Exception {
		KnowledgeBaseStore store = new TestCatalog().knowledgeBases();
		store.saveIfAbsent(new KnowledgeBase("kb_bge", "Old", null, "bge-small-en-v1.5", 384, Instant.now()));
		KnowledgeBases knowledgeBases = knowledgeBases(store, new Named("text-embedding-005", 768));
		assertThatExceptionOfType(RejectedInputException.class).isThrownBy(() -> knowledgeBases.searchable("kb_bge"))
			.withMessageContaining("bge-small-en-v1.5")
			.withMessageContaining("text-embedding-005");
	}

	@Test
	void refusesTheSameModelWithOtherDimensions() throws Exception {
		KnowledgeBaseStore store = new TestCatalog().knowledgeBases();
		store.saveIfAbsent(new KnowledgeBase("kb_3072", "Full", null, "gemini-embedding-001", 3072, Instant.now()));
		KnowledgeBases knowledgeBases = knowledgeBases(store, new Named("gemini-embedding-001", 768));
		assertThatExceptionOfType(RejectedInputException.class).isThrownBy(() -> knowledgeBases.searchable("kb_3072"));
	}

	private KnowledgeBases knowledgeBases(KnowledgeBaseStore store, ChunkIndex index) throws Exception {
		return new KnowledgeBases(store, new TestCatalog().documents(), new LocalBlobStore(this.blobs), index,
				Clock.tickMillis(java.time.ZoneOffset.UTC));
	}

	/**
	 * An index of some embedding model: only its name and dimensions matter here.
	 */
	private record Named(String embeddingModel, int dimensions) implements ChunkIndex {

		@Override
		public boolean replace(String documentId, List<Chunk> chunks, IntConsumer embedded,
				java.util.function.BooleanSupplier stillWanted) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void deleteDocument(String documentId) {
		}

		@Override
		public void deleteKnowledgeBase(String knowledgeBase) {
		}

		@Override
		public int count(String documentId) {
			return 0;
		}

		@Override
		public List<Chunk> chunks(String documentId) {
			return List.of();
		}

		@Override
		public List<ScoredChunk> search(ChunkSearch search) {
			throw new UnsupportedOperationException();
		}

		@Override
		public int documents(ChunkSearch scope) {
			throw new UnsupportedOperationException();
		}

	}

}
