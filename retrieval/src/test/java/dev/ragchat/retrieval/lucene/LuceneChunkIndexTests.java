package dev.ragchat.retrieval.lucene;

import java.nio.file.Path;
import java.util.List;

import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.ChunkIndexContractTests;
import dev.ragchat.retrieval.WordHashEmbeddingModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LuceneChunkIndexTests extends ChunkIndexContractTests {

	@TempDir
	Path dir;

	LuceneChunkIndex lucene;

	@Override
	protected ChunkIndex createIndex(WordHashEmbeddingModel embeddingModel) {
		this.lucene = new LuceneChunkIndex(this.dir.resolve("index"), embeddingModel.asIndexEmbedding(), 32,
				LuceneIndexSettings.DEFAULTS);
		return this.lucene;
	}

	@AfterEach
	void close() throws Exception {
		this.lucene.close();
	}

	@Test
	void keepsChunksAcrossRestarts() throws Exception {
		this.lucene.replace("doc-1", List.of(ChunkIndexContractTests.chunk("kb", "doc-1", 0, 1, "Durable sentence.")),
				(n) -> {
				});
		this.lucene.close();
		this.lucene = new LuceneChunkIndex(this.dir.resolve("index"), new WordHashEmbeddingModel().asIndexEmbedding(),
				32, LuceneIndexSettings.DEFAULTS);
		assertThat(this.lucene.count("doc-1")).isEqualTo(1);
	}

	@Test
	void embedsInBatches() {
		WordHashEmbeddingModel model = new WordHashEmbeddingModel();
		try (LuceneChunkIndex batched = new LuceneChunkIndex(this.dir.resolve("batched"), model.asIndexEmbedding(), 10,
				LuceneIndexSettings.DEFAULTS)) {
			batched.replace("doc-1",
					java.util.stream.IntStream.range(0, 25)
						.mapToObj((i) -> ChunkIndexContractTests.chunk("kb", "doc-1", i, 1, "Batch text " + i))
						.toList(),
					(n) -> {
					});
			assertThat(model.calls).hasValue(3);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
