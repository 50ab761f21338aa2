package dev.ragchat.retrieval.lucene;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.ChunkIndexContractTests;
import dev.ragchat.retrieval.ChunkSearch;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.SearchMode;
import dev.ragchat.retrieval.WordHashEmbeddingModel;
import dev.ragchat.retrieval.query.QueryShaper;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.ai.rag.retrieval.join.DocumentJoiner;

import static org.assertj.core.api.Assertions.assertThat;

class LuceneChunkIndexTests extends ChunkIndexContractTests {

	private static final List<String> A_TEXTS = List.of("The warehouse ships orders every Tuesday.",
			"Refunds are processed within fourteen days of the return to the warehouse.",
			"Revenue from shipping grew while the warehouse refund desk closed on Tuesday.",
			"Invoices list every shipment and refund.");

	private static final List<String> QUESTIONS = List.of("warehouse refund", "When does the warehouse ship?",
			"What revenue did shipping bring in FY2018?", "invoices Tuesday");

	@TempDir
	Path dir;

	LuceneChunkIndex lucene;

	@Override
	protected ChunkIndex createIndex(WordHashEmbeddingModel embeddingModel) {
		this.lucene = new LuceneChunkIndex(this.dir.resolve("index"), embeddingModel.asIndexEmbedding(), 32,
				LuceneIndexSettings.DEFAULTS);
		return this.lucene;
	}

	/**
	 * The keyword side ranked by the knowledge base's statistics, not its candidates'
	 * files'.
	 */
	private void useTheKnowledgeBasesStatistics() throws java.io.IOException {
		this.lucene.close();
		this.lucene = new LuceneChunkIndex(this.dir.resolve("index"), this.model.asIndexEmbedding(), 32,
				new LuceneIndexSettings(16, 100, LuceneIndexSettings.Quantization.NONE, 16, 100,
						LuceneIndexSettings.KeywordStatistics.KNOWLEDGE_BASE));
		this.index = this.lucene;
	}

	@AfterEach
	void close() throws Exception {
		this.lucene.close();
	}

	@Test
	void ranksSmallFilesNextToALargeOneAsItRanksThemAlone() throws Exception {
		// short sections of one manual, and a long file of other words next to them in
		// one knowledge base: the knowledge base's statistics make "tool" rare and every
		// section short, and the section that repeats "tool" wins; the statistics of the
		// files the candidates come from rank the sections as a knowledge base of their
		// own
		try (LuceneChunkIndex candidateFiles = new LuceneChunkIndex(this.dir.resolve("candidate-files"),
				new WordHashEmbeddingModel().asIndexEmbedding(), 32, LuceneIndexSettings.DEFAULTS);
				LuceneChunkIndex knowledgeBase = new LuceneChunkIndex(this.dir.resolve("knowledge-base"),
						new WordHashEmbeddingModel().asIndexEmbedding(), 32,
						new LuceneIndexSettings(16, 100, LuceneIndexSettings.Quantization.NONE, 16, 100,
								LuceneIndexSettings.KeywordStatistics.KNOWLEDGE_BASE))) {
			for (LuceneChunkIndex index : List.of(candidateFiles, knowledgeBase)) {
				for (String kb : List.of("alone", "mixed")) {
					section(index, kb, "m1", "tool bump" + " filler".repeat(8));
					section(index, kb, "m2", "tool bump tool tool tool tool" + " filler".repeat(34));
					for (String name : List.of("m3", "m4", "m5")) {
						section(index, kb, name, "tool" + " filler".repeat(9));
					}
				}
				List<Chunk> pages = new java.util.ArrayList<>();
				for (int page = 1; page <= 200; page++) {
					pages.add(ChunkIndexContractTests.chunk("mixed", "mixed-filing", page - 1, page,
							"ledger ".repeat(300).trim()));
				}
				index.replace("mixed-filing", pages, (n) -> {
				});
			}
			assertThat(sections(candidateFiles, "mixed")).isEqualTo(sections(candidateFiles, "alone")).startsWith("m1");
			assertThat(sections(knowledgeBase, "alone")).startsWith("m1");
			assertThat(sections(knowledgeBase, "mixed")).startsWith("m2");
		}
	}

	private static void section(LuceneChunkIndex index, String kb, String name, String text) {
		String id = kb + "-" + name;
		index.replace(id, List.of(new Chunk(id + ":0", kb, id, name + ".md", 1, 1, "", 0, text)), (n) -> {
		});
	}

	private static List<String> sections(LuceneChunkIndex index, String kb) {
		return index.search(new ChunkSearch(kb, "tool bump", 10, SearchMode.KEYWORD, List.of()))
			.stream()
			.map((hit) -> hit.chunk().documentId().substring(kb.length() + 1))
			.toList();
	}

	@Test
	void returnsTheNearestChunksOfASmallKnowledgeBaseWhateverTheGraph() throws Exception {
		// a graph too sparse to find nearest neighbours (2 connections a node, a beam of
		// 1, one candidate), each text twice (a second knowledge base holds the same
		// files): the search still returns the nearest chunks, since it scores them all
		this.lucene.close();
		this.lucene = new LuceneChunkIndex(this.dir.resolve("sparse"), this.model.asIndexEmbedding(), 32,
				new LuceneIndexSettings(2, 2, LuceneIndexSettings.Quantization.NONE, 16, 1,
						LuceneIndexSettings.KeywordStatistics.CANDIDATE_FILES, 10_000));
		java.util.Random random = new java.util.Random(7);
		List<String> words = java.util.stream.IntStream.range(0, 500).mapToObj((w) -> "word" + w).toList();
		List<Chunk> chunks = new java.util.ArrayList<>();
		List<Chunk> twins = new java.util.ArrayList<>();
		for (int c = 0; c < 3000; c++) {
			String text = String.join(" ", random.ints(6, 0, words.size()).mapToObj(words::get).toList());
			chunks.add(ChunkIndexContractTests.chunk("kb", "doc", c, c + 1, text));
			twins.add(ChunkIndexContractTests.chunk("twin", "twin", c, c + 1, text));
		}
		this.lucene.replace("doc", chunks, (n) -> {
		});
		this.lucene.replace("twin", twins, (n) -> {
		});
		for (int q = 0; q < 30; q++) {
			String question = String.join(" ", random.ints(3, 0, words.size()).mapToObj(words::get).toList());
			float[] asked = this.model.embed(question);
			double fifth = chunks.stream()
				.mapToDouble((chunk) -> dot(asked, this.model.embed(chunk.indexText())))
				.boxed()
				.sorted(java.util.Comparator.reverseOrder())
				.skip(4)
				.findFirst()
				.orElseThrow();
			List<ScoredChunk> hits = this.lucene
				.search(new ChunkSearch("kb", question, 5, SearchMode.VECTOR, List.of()));
			assertThat(hits).as(question)
				.hasSize(5)
				.allSatisfy((hit) -> assertThat(dot(asked, this.model.embed(hit.chunk().indexText())))
					.isGreaterThanOrEqualTo(fifth - 1e-5));
		}
	}

	private static double dot(float[] a, float[] b) {
		double dot = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
		}
		return dot;
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
	void aWriteByAnInterruptedThreadLeavesTheIndexWritable() {
		Thread.currentThread().interrupt();
		try {
			this.lucene.replace("doc-1",
					List.of(ChunkIndexContractTests.chunk("kb", "doc-1", 0, 1, "Written while interrupted.")), (n) -> {
					});
			assertThat(Thread.currentThread().isInterrupted()).as("the caller's interrupt is kept").isTrue();
		}
		finally {
			Thread.interrupted();
		}
		this.lucene.replace("doc-2", List.of(ChunkIndexContractTests.chunk("kb", "doc-2", 0, 1, "Written after.")),
				(n) -> {
				});
		assertThat(this.lucene.count("doc-1")).isEqualTo(1);
		assertThat(this.lucene.count("doc-2")).isEqualTo(1);
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

	@Test
	void uploadsToAnotherKnowledgeBaseLeaveKeywordScoresUnchanged() {
		for (int d = 0; d < 3; d++) {
			String doc = "doc-a" + d;
			int shift = d;
			this.lucene.replace(doc,
					java.util.stream.IntStream.range(0, 4)
						.mapToObj((i) -> ChunkIndexContractTests.chunk("kb-a", doc, i, i + 1,
								A_TEXTS.get((i + shift) % 4) + " " + doc))
						.toList(),
					(n) -> {
					});
		}
		Map<String, List<String>> before = keywordScores("kb-a");
		List<String> hybridBefore = hybridKeywordScores("kb-a");
		assertThat(before.values()).allSatisfy((hits) -> assertThat(hits).isNotEmpty());

		// another tenant uploads many chunks sharing these words, in documents of
		// several segments (merged as they come), and then deletes some and all
		for (int d = 0; d < 15; d++) {
			String doc = "doc-b" + d;
			int size = 5 + d;
			this.lucene.replace(doc, java.util.stream.IntStream.range(0, size)
				.mapToObj((i) -> ChunkIndexContractTests.chunk("kb-b", doc, i, 1,
						"Warehouse revenue " + "refund ".repeat(i % 3) + "shipping invoices for Tuesday " + doc))
				.toList(), (n) -> {
				});
		}
		assertThat(keywordScores("kb-a")).isEqualTo(before);
		assertThat(hybridKeywordScores("kb-a")).isEqualTo(hybridBefore);
		this.lucene.deleteDocument("doc-b3");
		this.lucene.replace("doc-b4", List.of(ChunkIndexContractTests.chunk("kb-b", "doc-b4", 0, 1, "Refund.")),
				(n) -> {
				});
		assertThat(keywordScores("kb-a")).isEqualTo(before);
		this.lucene.deleteKnowledgeBase("kb-b");
		assertThat(keywordScores("kb-a")).isEqualTo(before);
	}

	@Test
	void filtersByDocumentWithTheKnowledgeBasesStatistics() throws Exception {
		useTheKnowledgeBasesStatistics();
		this.lucene.replace("doc-1", List.of(ChunkIndexContractTests.chunk("kb", "doc-1", 0, 1, A_TEXTS.get(0)),
				ChunkIndexContractTests.chunk("kb", "doc-1", 1, 2, A_TEXTS.get(1))), (n) -> {
				});
		this.lucene.replace("doc-2",
				List.of(ChunkIndexContractTests.chunk("kb", "doc-2", 0, 1, A_TEXTS.get(2)),
						ChunkIndexContractTests.chunk("kb", "doc-2", 1, 2, A_TEXTS.get(0) + " Refund warehouse.")),
				(n) -> {
				});
		List<ScoredChunk> all = this.lucene
			.search(new ChunkSearch("kb", "warehouse refund", 10, SearchMode.KEYWORD, List.of()));
		List<ScoredChunk> filtered = this.lucene
			.search(new ChunkSearch("kb", "warehouse refund", 10, SearchMode.KEYWORD, List.of("doc-1")));
		assertThat(filtered).isNotEmpty()
			.isEqualTo(all.stream().filter((hit) -> hit.chunk().documentId().equals("doc-1")).toList());
	}

	@Test
	void scoresAKnowledgeBaseAloneInTheIndexAsLuceneDoesWithTermsWeighedByTheirFilesToo() throws Exception {
		useTheKnowledgeBasesStatistics();
		for (int d = 0; d < 3; d++) {
			String doc = "doc-" + d;
			this.lucene.replace(doc,
					java.util.stream.IntStream.range(0, 4)
						.mapToObj((i) -> ChunkIndexContractTests.chunk("kb", doc, i, i + 1,
								A_TEXTS.get(i) + " Item " + doc + ", fiscal 2018: 1,577.".repeat(i)))
						.toList(),
					(n) -> {
					});
		}
		try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(this.dir.resolve("index")))) {
			IndexSearcher whole = new IndexSearcher(reader);
			KeywordQuery keywordQuery = new KeywordQuery(new KeywordAnalyzer(), ChunkFields.CONTENT);
			QueryShaper shaper = new QueryShaper();
			for (String question : QUESTIONS) {
				Query query = new BooleanQuery.Builder()
					.add(keywordQuery.build(shaper.shape(question).keywords()), BooleanClause.Occur.MUST)
					.add(new TermQuery(new Term(ChunkFields.KNOWLEDGE_BASE, "kb")), BooleanClause.Occur.FILTER)
					.build();
				// Lucene's BM25, each term's idf plus its idf over the three files,
				// counted here by searching the term
				Map<org.apache.lucene.util.BytesRef, Long> files = new java.util.HashMap<>();
				java.util.Set<Term> terms = new java.util.HashSet<>();
				query.visit(org.apache.lucene.search.QueryVisitor.termCollector(terms));
				IndexSearcher counting = new IndexSearcher(reader);
				for (Term term : terms) {
					files.put(term.bytes(),
							java.util.Arrays.stream(counting.search(new TermQuery(term), 100).scoreDocs)
								.map((hit) -> storedDocument(counting, hit.doc))
								.distinct()
								.count());
				}
				whole.setSimilarity(new org.apache.lucene.search.similarities.BM25Similarity() {
					@Override
					public org.apache.lucene.search.Explanation idfExplain(
							org.apache.lucene.search.CollectionStatistics collection,
							org.apache.lucene.search.TermStatistics term) {
						Explanation chunks = super.idfExplain(collection, term);
						if (!collection.field().equals(ChunkFields.CONTENT)) {
							return chunks;
						}
						return Explanation.match(chunks.getValue().floatValue() + idf(files.get(term.term()), 3),
								"idf");
					}
				});
				List<Float> lucene = java.util.Arrays.stream(whole.search(query, 20).scoreDocs)
					.map((hit) -> hit.score)
					.toList();
				assertThat(this.lucene.search(new ChunkSearch("kb", question, 20, SearchMode.KEYWORD, List.of())))
					.as(question)
					.extracting(ScoredChunk::score)
					.isNotEmpty()
					.containsExactlyElementsOf(lucene.stream().map(Float::doubleValue).toList());
			}
		}
	}

	private static String storedDocument(IndexSearcher searcher, int doc) {
		try {
			return searcher.storedFields().document(doc).get(ChunkFields.DOCUMENT);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Per question, each hit's chunk and score. */
	private Map<String, List<String>> keywordScores(String knowledgeBase) {
		Map<String, List<String>> scores = new java.util.LinkedHashMap<>();
		for (String question : QUESTIONS) {
			scores.put(question,
					this.lucene.search(new ChunkSearch(knowledgeBase, question, 20, SearchMode.KEYWORD, List.of()))
						.stream()
						.map((hit) -> hit.chunk().id() + "=" + hit.score())
						.toList());
		}
		return scores;
	}

	/** The keyword ranking inside a hybrid search: a joiner that keeps it alone. */
	private List<String> hybridKeywordScores(String knowledgeBase) {
		DocumentJoiner keywordOnly = (rankings) -> rankings.values().iterator().next().get(1);
		return QUESTIONS.stream()
			.flatMap((question) -> this.lucene
				.hybrid(new ChunkSearch(knowledgeBase, question, 20, SearchMode.HYBRID, List.of()), 20, keywordOnly)
				.stream())
			.map((hit) -> hit.chunk().id() + "=" + hit.score())
			.toList();
	}

}
