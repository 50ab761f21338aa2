package dev.ragchat.retrieval;

import java.nio.file.Path;
import java.util.List;

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
		this.lucene = new LuceneChunkIndex(this.dir.resolve("index"), embeddingModel, "word-hash", "", 32);
		return this.lucene;
	}

	@AfterEach
	void close() throws Exception {
		this.lucene.close();
	}

	@Test
	void keepsChunksAcrossRestarts() throws Exception {
		this.lucene.replace("doc-1", List.of(chunk("kb", "doc-1", 0, 1, "Durable sentence.")), (n) -> {
		});
		this.lucene.close();
		this.lucene = new LuceneChunkIndex(this.dir.resolve("index"), new WordHashEmbeddingModel(), "word-hash", "",
				32);
		assertThat(this.lucene.count("doc-1")).isEqualTo(1);
	}

	@Test
	void embedsInBatches() {
		WordHashEmbeddingModel model = new WordHashEmbeddingModel();
		try (LuceneChunkIndex batched = new LuceneChunkIndex(this.dir.resolve("batched"), model, "word-hash", "", 10)) {
			batched.replace("doc-1",
					java.util.stream.IntStream.range(0, 25)
						.mapToObj((i) -> chunk("kb", "doc-1", i, 1, "Batch text " + i))
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
