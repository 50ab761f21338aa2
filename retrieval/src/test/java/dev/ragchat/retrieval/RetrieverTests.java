package dev.ragchat.retrieval;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.ragchat.retrieval.lucene.LuceneChunkIndex;
import dev.ragchat.retrieval.lucene.LuceneIndexSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.ai.document.Document;
import org.springframework.ai.rag.Query;

import static org.assertj.core.api.Assertions.assertThat;

class RetrieverTests {

	@TempDir
	Path dir;

	LuceneChunkIndex index;

	Retriever retriever;

	@BeforeEach
	void index() {
		this.index = new LuceneChunkIndex(this.dir, new WordHashEmbeddingModel().asIndexEmbedding(), 32,
				LuceneIndexSettings.DEFAULTS);
		this.retriever = new Retriever(this.index, new FusionJoiner(60, List.of(1.0, 1.0)), 20);
		this.index.replace("doc-a", List
			.of(ChunkIndexContractTests.chunk("kb-a", "doc-a", 0, 1, "The canary alpha sings in knowledge base A.")),
				(n) -> {
				});
		this.index.replace("doc-b", List
			.of(ChunkIndexContractTests.chunk("kb-b", "doc-b", 0, 1, "The canary bravo sings in knowledge base B.")),
				(n) -> {
				});
	}

	@AfterEach
	void close() throws Exception {
		this.index.close();
	}

	@ParameterizedTest
	@EnumSource(SearchMode.class)
	void neverCrossesKnowledgeBasesInAnyMode(SearchMode mode) {
		List<ScoredChunk> hits = this.retriever.retrieve(new ChunkSearch("kb-a", "canary bravo B", 10, mode, null));
		assertThat(hits).isNotEmpty().allSatisfy((hit) -> assertThat(hit.chunk().knowledgeBase()).isEqualTo("kb-a"));
	}

	@Test
	void luceneHybridReadsOnlyTheFusedChunksButRanksLikeAnyOtherIndex() throws Exception {
		// with the knowledge base's statistics: with the candidates' files' (the
		// default), the Lucene hybrid ranks its keyword side over the files of both
		// rankings, which the generic path's keyword search does not see
		this.index.close();
		this.index = new LuceneChunkIndex(this.dir, new WordHashEmbeddingModel().asIndexEmbedding(), 32,
				new LuceneIndexSettings(16, 100, LuceneIndexSettings.Quantization.NONE, 16, 100,
						LuceneIndexSettings.KeywordStatistics.KNOWLEDGE_BASE));
		this.retriever = new Retriever(this.index, new FusionJoiner(60, List.of(1.0, 1.0)), 20);
		for (int i = 0; i < 30; i++) {
			this.index.replace("doc-" + i, List.of(ChunkIndexContractTests.chunk("kb-a", "doc-" + i, 0, 1,
					"Canary number " + i + " sings " + "loudly ".repeat(i % 5) + "in base A.")), (n) -> {
					});
		}
		// any other ChunkIndex goes through the generic path: two retrievers, then the
		// joiner
		ChunkIndex other = generic();
		Retriever generic = new Retriever(other, new FusionJoiner(60, List.of(1.0, 1.0)), 20);
		ChunkSearch search = new ChunkSearch("kb-a", "canary sings loudly", 7, SearchMode.HYBRID, null);
		List<ScoredChunk> fast = this.retriever.retrieve(search);
		assertThat(fast).hasSize(7);
		assertThat(fast).usingRecursiveComparison().isEqualTo(generic.retrieve(search));
		// and by scores, the vector ranking scaled by its spread (the defaults' kind)
		Fusion spread = new Fusion(Fusion.Method.SCORES, 60, 1, 1, 20, false, 0, 2);
		assertThat(new Retriever(this.index, spread).retrieve(search)).hasSize(7)
			.usingRecursiveComparison()
			.isEqualTo(new Retriever(other, spread).retrieve(search));
	}

	@Test
	void ranksTheChunksOfTheQuestionsPeriodFirstInEitherHybrid() {
		for (int i = 0; i < 6; i++) {
			this.index.replace("old-" + i,
					List.of(new Chunk("old-" + i + ":0", "kb-p", "old-" + i, "3M_2018_10K.pdf", i + 1, i + 1, "", 0,
							"What drove the operating margin change for 3M: pricing drove the change " + i,
							java.util.Map.of(), "3M 2018 10K")),
					(n) -> {
					});
		}
		this.index.replace("new", List.of(new Chunk("new:0", "kb-p", "new", "3M_2022_10K.pdf", 40, 40, "", 0,
				"Operating margin fell.", java.util.Map.of(), "3M 2022 10K")), (n) -> {
				});
		ChunkSearch search = new ChunkSearch("kb-p", "What drove operating margin change as of FY2022 for 3M?", 3,
				SearchMode.HYBRID, null);
		Fusion plain = new Fusion(Fusion.Method.RANKS, 60, 1, 1, 20, false, 0);
		Fusion periods = new Fusion(Fusion.Method.RANKS, 60, 1, 1, 20, false, 0.5);
		assertThat(new Retriever(this.index, plain).retrieve(search).get(0).chunk().documentId()).isNotEqualTo("new");
		List<ScoredChunk> lucene = new Retriever(this.index, periods).retrieve(search);
		assertThat(lucene.get(0).chunk().documentId()).isEqualTo("new");
		assertThat(lucene).usingRecursiveComparison().isEqualTo(new Retriever(generic(), periods).retrieve(search));
	}

	@Test
	void fusesRanksWithWeights() {
		Document a = Document.builder().id("a").text("a").build();
		Document b = Document.builder().id("b").text("b").build();
		Document c = Document.builder().id("c").text("c").build();
		Query query = new Query("q");
		List<Document> even = new FusionJoiner(60, List.of(1.0, 1.0))
			.join(Map.of(query, List.of(List.of(a, b), List.of(b, c))));
		assertThat(even).extracting(Document::getId).containsExactly("b", "a", "c");
		assertThat(even.get(0).getScore()).isCloseTo(1.0 / 62 + 1.0 / 61, org.assertj.core.data.Offset.offset(1e-9));
		List<Document> keywordOnly = new FusionJoiner(60, List.of(0.0, 1.0))
			.join(Map.of(query, List.of(List.of(a, b), List.of(c, b))));
		assertThat(keywordOnly).extracting(Document::getId).startsWith("c", "b");
	}

	@Test
	void aChunkOneRankingPutsFarAheadKeepsItsLeadWhenScoresAreFused() {
		// a leads the vector ranking by far and is missing from the keyword one; c is
		// last in the vector ranking and a close second in the keyword one
		Document a = scored("a", 0.95);
		Document b = scored("b", 0.70);
		Document c = scored("c", 0.69);
		List<Document> keyword = List.of(scored("b", 5.0), scored("c", 4.9), scored("d", 1.0), scored("e", 0.9));
		Map<Query, List<List<Document>>> rankings = Map.of(new Query("q"), List.of(List.of(a, b, c), keyword));
		assertThat(new FusionJoiner(Fusion.ranks(60, 1, 1, 10)).join(rankings)).extracting(Document::getId)
			.startsWith("b", "c", "a");
		List<Document> fused = new FusionJoiner(new Fusion(Fusion.Method.SCORES, 60, 1, 1, 10, false, 0))
			.join(rankings);
		assertThat(fused).extracting(Document::getId).startsWith("b", "a", "c");
		// b: 0.04 of the vector range and the top of the keyword one
		assertThat(fused.get(0).getScore()).isCloseTo((0.01 / 0.26 + 1.0) / 60,
				org.assertj.core.data.Offset.offset(1e-9));
	}

	@Test
	void aVectorChunkThatStandsOutOfAFlatRankingKeepsItsLeadByTheVectorsSpread() {
		// a stands out of a flat vector ranking and is missing from the keyword one; b is
		// in the flat rest and first in the keyword ranking
		List<Document> vector = new java.util.ArrayList<>(List.of(scored("a", 0.90), scored("b", 0.80)));
		for (int i = 0; i < 20; i++) {
			vector.add(scored("v" + i, 0.795 - i * 0.0002));
		}
		List<Document> keyword = List.of(scored("b", 10), scored("v0", 5), scored("v1", 4.9));
		Map<Query, List<List<Document>>> rankings = Map.of(new Query("q"), List.of(vector, keyword));
		// from lowest to highest, a is worth 1 and b a little more than 1 (its share of
		// the flat range, plus the keyword top)
		assertThat(new FusionJoiner(new Fusion(Fusion.Method.SCORES, 60, 1, 1, 30, false, 0)).join(rankings))
			.extracting(Document::getId)
			.startsWith("b", "a");
		// by its spread (mean ± 2 standard deviations), a stands above 1 and b near the
		// middle
		List<Document> fused = new FusionJoiner(new Fusion(Fusion.Method.SCORES, 60, 1, 1, 30, false, 0, 2))
			.join(rankings);
		assertThat(fused).extracting(Document::getId).startsWith("a", "b");
		assertThat(fused.get(0).getScore()).isGreaterThan(1.0 / 60);
		// nothing of the flat rest falls below a chunk the vector ranking did not find
		assertThat(fused).allSatisfy((document) -> assertThat(document.getScore()).isNotNegative());
	}

	@Test
	void holdsAVectorChunkFarBelowTheSpreadAtZeroRatherThanBelowAMissingOne() {
		// low stands more than 2 standard deviations below the mean of the vector
		// ranking; it is in no other ranking, so its fused score is its vector part alone
		List<Document> vector = new java.util.ArrayList<>();
		for (int i = 0; i < 20; i++) {
			vector.add(scored("v" + i, 0.80 - i * 0.0001));
		}
		vector.add(scored("low", 0.50));
		List<Document> keyword = List.of(scored("k", 3), scored("v0", 2));
		List<Document> fused = new FusionJoiner(new Fusion(Fusion.Method.SCORES, 60, 1, 1, 30, false, 0, 2))
			.join(Map.of(new Query("q"), List.of(vector, keyword)));
		Document low = fused.stream().filter((d) -> d.getId().equals("low")).findFirst().orElseThrow();
		assertThat(low.getScore()).isZero();
	}

	@Test
	void refusesANegativeVectorSpread() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new Fusion(Fusion.Method.SCORES, 60, 1, 1, 30, false, 0, -1))
			.withMessageContaining("vectorSpread");
	}

	@Test
	void keepsOnlyTheBestChunkOfAPageWhenAskedTo() {
		Document a1 = page("a1", "doc-a", 1);
		Document a2 = page("a2", "doc-a", 1);
		Document a3 = page("a3", "doc-a", 2);
		Document b1 = page("b1", "doc-b", 1);
		Query query = new Query("q");
		Map<Query, List<List<Document>>> rankings = Map.of(query, List.of(List.of(a1, a2, a3, b1), List.of(a2, b1)));
		assertThat(new FusionJoiner(Fusion.ranks(60, 1, 1, 10)).join(rankings)).extracting(Document::getId)
			.containsExactly("a2", "b1", "a1", "a3");
		assertThat(new FusionJoiner(new Fusion(Fusion.Method.RANKS, 60, 1, 1, 10, true, 0)).join(rankings))
			.extracting(Document::getId)
			.containsExactly("a2", "b1", "a3");
	}

	private static Document scored(String id, double score) {
		return Document.builder().id(id).text(id).score(score).build();
	}

	private static Document page(String id, String document, int page) {
		return Document.builder().id(id).text(id).metadata(Map.of("documentId", document, "page", page)).build();
	}

	/** The same index without its own hybrid search: the port's generic one. */
	private ChunkIndex generic() {
		return new ChunkIndex() {

			@Override
			public boolean replace(String documentId, List<Chunk> chunks, java.util.function.IntConsumer embedded,
					java.util.function.BooleanSupplier stillWanted) {
				return RetrieverTests.this.index.replace(documentId, chunks, embedded, stillWanted);
			}

			@Override
			public void deleteDocument(String documentId) {
				RetrieverTests.this.index.deleteDocument(documentId);
			}

			@Override
			public void deleteKnowledgeBase(String knowledgeBase) {
				RetrieverTests.this.index.deleteKnowledgeBase(knowledgeBase);
			}

			@Override
			public int count(String documentId) {
				return RetrieverTests.this.index.count(documentId);
			}

			@Override
			public List<Chunk> chunks(String documentId) {
				return RetrieverTests.this.index.chunks(documentId);
			}

			@Override
			public List<ScoredChunk> search(ChunkSearch search) {
				return RetrieverTests.this.index.search(search);
			}

			@Override
			public int documents(ChunkSearch scope) {
				return RetrieverTests.this.index.documents(scope);
			}

			@Override
			public String embeddingModel() {
				return RetrieverTests.this.index.embeddingModel();
			}

			@Override
			public int dimensions() {
				return RetrieverTests.this.index.dimensions();
			}

		};
	}

}
