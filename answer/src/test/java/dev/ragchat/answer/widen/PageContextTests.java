package dev.ragchat.answer.widen;

import java.nio.file.Path;
import java.util.List;

import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ChunkIndexContractTests;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.WordHashEmbeddingModel;
import dev.ragchat.retrieval.lucene.LuceneChunkIndex;
import dev.ragchat.retrieval.lucene.LuceneIndexSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PageContextTests {

	@TempDir
	Path dir;

	LuceneChunkIndex index;

	/** A filing: page 1 a cover, page 2 a table cut into three chunks, page 3 a note. */
	final List<Chunk> filing = List.of(ChunkIndexContractTests.chunk("kb", "filing", 0, 1, "Annual report of Contoso."),
			ChunkIndexContractTests.chunk("kb", "filing", 1, 1, "Contoso makes anvils."),
			ChunkIndexContractTests.chunk("kb", "filing", 2, 2, "Balance sheet, in millions: 2022 2021"),
			ChunkIndexContractTests.chunk("kb", "filing", 3, 2, "Inventories 40 35"),
			ChunkIndexContractTests.chunk("kb", "filing", 4, 2, "Total assets 900 850"),
			ChunkIndexContractTests.chunk("kb", "filing", 5, 3, "Note 1: inventories are stated at cost."));

	/** A Markdown manual: one page, sections about different things. */
	final List<Chunk> manual = List.of(
			ChunkIndexContractTests.chunk("kb", "manual", 0, 1, "Placement puts cells in rows."),
			ChunkIndexContractTests.chunk("kb", "manual", 1, 1, "Routing connects the placed cells."));

	@BeforeEach
	void index() {
		this.index = new LuceneChunkIndex(this.dir, new WordHashEmbeddingModel().asIndexEmbedding(), 32,
				LuceneIndexSettings.DEFAULTS);
		this.index.replace("filing", this.filing, (n) -> {
		});
		this.index.replace("manual", this.manual, (n) -> {
		});
	}

	@AfterEach
	void close() throws Exception {
		this.index.close();
	}

	@Test
	void readsAChunkOfAPaginatedDocumentWithTheRestOfItsPageInOrder() {
		List<ScoredChunk> widened = new PageContext(this.index, 3000)
			.widen(List.of(new ScoredChunk(this.filing.get(3), 0.8)));
		assertThat(widened).hasSize(1);
		Chunk chunk = widened.get(0).chunk();
		assertThat(chunk.text())
			.isEqualTo("Balance sheet, in millions: 2022 2021\nInventories 40 35\nTotal assets 900 850");
		assertThat(chunk.id()).isEqualTo(this.filing.get(3).id());
		assertThat(chunk.page()).isEqualTo(2);
		assertThat(chunk.pageEnd()).isEqualTo(2);
		assertThat(widened.get(0).score()).isEqualTo(0.8);
	}

	@Test
	void addsTheNearestNeighboursFirstUpToTheLimit() {
		Chunk source = this.filing.get(4);
		int limit = source.text().length() + this.filing.get(3).text().length();
		Chunk chunk = new PageContext(this.index, limit).widen(List.of(new ScoredChunk(source, 1))).get(0).chunk();
		assertThat(chunk.text()).isEqualTo("Inventories 40 35\nTotal assets 900 850");
	}

	@Test
	void readsTheChunksOfADocumentWithoutPagesAsRetrieved() {
		ScoredChunk source = new ScoredChunk(this.manual.get(1), 0.5);
		assertThat(new PageContext(this.index, 3000).widen(List.of(source))).containsExactly(source);
	}

	@Test
	void readsTheLeadInOfADocumentWithoutPagesWithItsPassageNearestTheQuestion() {
		List<Chunk> guide = List.of(
				ChunkIndexContractTests.chunk("kb", "guide", 0, 1,
						"This guide explains delays, refunds and how to claim them."),
				ChunkIndexContractTests.chunk("kb", "guide", 1, 1, "Bikes may be taken on every sailing."),
				ChunkIndexContractTests.chunk("kb", "guide", 2, 1, "Claim within 28 days of the journey."));
		this.index.replace("guide", guide, (n) -> {
		});
		PageContext context = new PageContext(this.index, 3000);
		ScoredChunk leadIn = new ScoredChunk(guide.get(0), 0.7);
		Chunk chunk = context.widen("within how many days of the journey must I claim?", List.of(leadIn))
			.get(0)
			.chunk();
		assertThat(chunk.id()).isEqualTo(guide.get(0).id());
		assertThat(chunk.text()).isEqualTo(
				"This guide explains delays, refunds and how to claim them.\nClaim within 28 days of the journey.");
		// the passage nearest the question is already a source: nothing is read twice
		ScoredChunk claim = new ScoredChunk(guide.get(2), 0.6);
		assertThat(context.widen("within how many days of the journey must I claim?", List.of(leadIn, claim)))
			.containsExactly(leadIn, claim);
		// nearest is the source itself
		assertThat(context.widen("how do I claim delays and refunds in this guide?", List.of(leadIn)))
			.containsExactly(leadIn);
	}

	@Test
	void joinsNeighboursWithoutTheWordsTheyRepeat() {
		List<Chunk> overlapping = List.of(
				ChunkIndexContractTests.chunk("kb", "report", 0, 1,
						"Revenue grew because more anvils were sold abroad."),
				ChunkIndexContractTests.chunk("kb", "report", 1, 1, "more anvils were sold abroad. Costs fell."),
				ChunkIndexContractTests.chunk("kb", "report", 2, 2, "Outlook for the next year."));
		this.index.replace("report", overlapping, (n) -> {
		});
		Chunk chunk = new PageContext(this.index, 3000).widen(List.of(new ScoredChunk(overlapping.get(1), 1)))
			.get(0)
			.chunk();
		assertThat(chunk.text()).isEqualTo("Revenue grew because more anvils were sold abroad. Costs fell.");
	}

}
