package dev.ragchat.retrieval.lucene;

import java.nio.file.Path;
import java.util.List;

import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.ChunkIndexContractTests;
import dev.ragchat.retrieval.ChunkSearch;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.SearchMode;
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
	void findsAFiscalYearWrittenAsFy2018InTextThatSays2018() {
		this.lucene.replace("doc-1",
				List.of(ChunkIndexContractTests.chunk("kb", "doc-1", 0, 1, "Capital expenditures in 2018 were 1,577."),
						ChunkIndexContractTests.chunk("kb", "doc-1", 1, 2, "Capital expenditures in 2017 were 1,373.")),
				(n) -> {
				});
		assertThat(this.lucene.search(new ChunkSearch("kb", "FY2018", 5, SearchMode.KEYWORD, List.of())))
			.extracting((hit) -> hit.chunk().page())
			.containsExactly(1);
		assertThat(this.lucene.search(new ChunkSearch("kb", "1577", 5, SearchMode.KEYWORD, List.of())))
			.extracting((hit) -> hit.chunk().page())
			.containsExactly(1);
	}

	@Test
	void findsAnAmountWrittenInBillionsInTextThatWritesItInMillions() {
		this.lucene.replace("doc-1",
				List.of(ChunkIndexContractTests.chunk("kb", "doc-1", 0, 1, "Dividends paid were $1,400 million."),
						ChunkIndexContractTests.chunk("kb", "doc-1", 1, 2, "Dividends paid were $1,600 million."),
						ChunkIndexContractTests.chunk("kb", "doc-1", 2, 3, "Share repurchases were $2.4 billion.")),
				(n) -> {
				});
		assertThat(this.lucene
			.search(new ChunkSearch("kb", "Which year were dividends $1.6 billion?", 5, SearchMode.KEYWORD, List.of())))
			.extracting((hit) -> hit.chunk().page())
			.startsWith(2);
		assertThat(this.lucene
			.search(new ChunkSearch("kb", "Which amount was 2,400 million?", 5, SearchMode.KEYWORD, List.of())))
			.extracting((hit) -> hit.chunk().page())
			.startsWith(3);
	}

	@Test
	void searchesATitleAndHeadingPathThatTheShownTextLacks() {
		Chunk chunk = new Chunk("doc-1:0", "kb", "doc-1", "3M_2018_10K.pdf", 4, 4, "Item 8 > Cash flows", 0,
				"Purchases of property, plant and equipment (1,577)", java.util.Map.of(), "3M 2018 10K");
		this.lucene.replace("doc-1", List.of(chunk), (n) -> {
		});
		List<ScoredChunk> hits = this.lucene
			.search(new ChunkSearch("kb", "3M cash flows", 5, SearchMode.KEYWORD, List.of()));
		assertThat(hits).hasSize(1);
		assertThat(hits.get(0).chunk().text()).isEqualTo("Purchases of property, plant and equipment (1,577)");
		assertThat(hits.get(0).chunk().title()).isEqualTo("3M 2018 10K");
		assertThat(hits.get(0).chunk().headingPath()).isEqualTo("Item 8 > Cash flows");
		assertThat(hits.get(0).chunk().indexText())
			.isEqualTo("3M 2018 10K\nItem 8 > Cash flows\nPurchases of property, plant and equipment (1,577)");
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
