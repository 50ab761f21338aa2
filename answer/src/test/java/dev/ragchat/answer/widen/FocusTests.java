package dev.ragchat.answer.widen;

import java.nio.file.Path;
import java.util.List;

import dev.ragchat.answer.search.KnowledgeBaseSearch;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ChunkIndexContractTests;
import dev.ragchat.retrieval.Fusion;
import dev.ragchat.retrieval.Retriever;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.WordHashEmbeddingModel;
import dev.ragchat.retrieval.lucene.LuceneChunkIndex;
import dev.ragchat.retrieval.lucene.LuceneIndexSettings;
import dev.ragchat.retrieval.query.QueryShaper;
import dev.ragchat.retrieval.rerank.Reranking;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class FocusTests {

	@TempDir
	Path dir;

	LuceneChunkIndex index;

	final List<Chunk> policy = List.of(ChunkIndexContractTests.chunk("kb", "policy", 0, 1, "Travel policy."),
			ChunkIndexContractTests.chunk("kb", "policy", 1, 1, "Trains are booked in second class."),
			ChunkIndexContractTests.chunk("kb", "policy", 2, 2, "Hotels are booked near the office."));

	@BeforeEach
	void index() {
		this.index = new LuceneChunkIndex(this.dir, new WordHashEmbeddingModel().asIndexEmbedding(), 32,
				LuceneIndexSettings.DEFAULTS);
		this.index.replace("policy", this.policy, (n) -> {
		});
	}

	@AfterEach
	void close() throws Exception {
		this.index.close();
	}

	@Test
	void aSummaryReadsTheDocumentInFocusInDocumentOrder() {
		Focus focus = new Focus(new KnowledgeBaseSearch(new QueryShaper(),
				new Retriever(this.index, Fusion.ranks(60, 1, 1, 10)), Reranking.off()));
		SourcesProcessor.Processed processed = focus.process("Summarize the travel policy",
				"Summarize the travel policy", List.of(new ScoredChunk(this.policy.get(1), 0.7)));
		assertThat(processed.sources()).extracting((source) -> source.chunk().id())
			.containsExactly("policy:0", "policy:1", "policy:2");
		assertThat(processed.sources()).allSatisfy((source) -> assertThat(source.score()).isEqualTo(0.7));
		// another question is the next step's
		assertThat(focus.process("Which class are trains booked in?", "Which class are trains booked in?",
				List.of(new ScoredChunk(this.policy.get(1), 1))))
			.isNull();
	}

}
