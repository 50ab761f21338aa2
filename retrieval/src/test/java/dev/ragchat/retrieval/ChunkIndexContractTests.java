package dev.ragchat.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link ChunkIndex} adapter passes, with the deterministic
 * {@link WordHashEmbeddingModel}. Subclasses hand over a fresh, empty index.
 */
public abstract class ChunkIndexContractTests {

	protected ChunkIndex index;

	protected WordHashEmbeddingModel model;

	/**
	 * @param embeddingModel the model the index must embed with
	 * @return a fresh, empty index
	 */
	protected abstract ChunkIndex createIndex(WordHashEmbeddingModel embeddingModel);

	@BeforeEach
	void createFreshIndex() {
		this.model = new WordHashEmbeddingModel();
		this.index = createIndex(this.model);
	}

	@ParameterizedTest
	@EnumSource(value = SearchMode.class, names = { "VECTOR", "KEYWORD" })
	void findsTheChunkThatAnswers(SearchMode mode) {
		this.index.replace("doc-1",
				List.of(chunk("kb", "doc-1", 0, 1, "The warehouse ships orders every Tuesday."),
						chunk("kb", "doc-1", 1, 2, "Refunds are processed within fourteen days of the return."),
						chunk("kb", "doc-1", 2, 3, "The zeppelin hangar opened in nineteen thirty.")),
				(n) -> {
				});
		List<ScoredChunk> hits = this.index
			.search(new ChunkSearch("kb", "when did the zeppelin hangar open", 2, mode, null));
		assertThat(hits).isNotEmpty();
		assertThat(hits.get(0).chunk().page()).isEqualTo(3);
		assertThat(hits.get(0).chunk().text()).contains("zeppelin");
	}

	@ParameterizedTest
	@EnumSource(value = SearchMode.class, names = { "VECTOR", "KEYWORD" })
	void findsADocumentByTheWordsOfItsFileName(SearchMode mode) {
		this.index.replace("doc-1", List.of(new Chunk("doc-1:0", "kb", "doc-1", "travel_policy_2024.md", 1, 1, "", 0,
				"Trains are booked in second class.")), (n) -> {
				});
		this.index.replace("doc-2", List.of(new Chunk("doc-2:0", "kb", "doc-2", "canteen-menu.md", 1, 1, "", 0,
				"The canteen's policy is soup on Mondays.")), (n) -> {
				});
		// without its file name, the canteen's chunk would be the only one to say
		// "policy"
		List<ScoredChunk> hits = this.index.search(new ChunkSearch("kb", "the travel policy", 2, mode, null));
		assertThat(hits).isNotEmpty();
		assertThat(hits.get(0).chunk().documentId()).isEqualTo("doc-1");
		assertThat(hits.get(0).chunk().text()).isEqualTo("Trains are booked in second class.");
	}

	@Test
	void ranksByTheShapedQuestionsWeightedWordsAlike() {
		this.index.replace("doc-1",
				List.of(chunk("kb", "doc-1", 0, 1, "What was it, and was it there?"),
						chunk("kb", "doc-1", 1, 2, "Contoso revenue fell in 2019."),
						chunk("kb", "doc-1", 2, 3, "Contoso revenue grew in 2022."),
						chunk("kb", "doc-1", 3, 4, "Market revenue and market costs grew.")),
				(n) -> {
				});
		ChunkSearch search = new ChunkSearch("kb", "What was Contoso's revenue in FY2022?", 4, SearchMode.KEYWORD,
				null);
		// the period, written FY2022 in the question, is looked for as 2022; a name and a
		// period weigh twice an ordinary word; stop words ("what", "was") are not looked
		// for
		assertThat(this.index.search(search)).extracting((hit) -> hit.chunk().page()).containsExactly(3, 2, 4);
	}

	@Test
	void keepsEveryFieldOfAChunk() {
		Chunk chunk = new Chunk("doc-2:4", "kb", "doc-2", "manual.docx", 7, 8, "Setup > Linux", 4,
				"Install the package with apt.");
		this.index.replace("doc-2", List.of(chunk), (n) -> {
		});
		List<ScoredChunk> hits = this.index
			.search(new ChunkSearch("kb", "install package apt", 1, SearchMode.KEYWORD, null));
		assertThat(hits).extracting(ScoredChunk::chunk).containsExactly(chunk);
		assertThat(hits.get(0).score()).isPositive();
	}

	@ParameterizedTest
	@EnumSource(value = SearchMode.class, names = { "VECTOR", "KEYWORD" })
	void neverReturnsChunksOfAnotherKnowledgeBase(SearchMode mode) {
		this.index.replace("doc-a", List.of(chunk("kb-a", "doc-a", 0, 1, "Canary alpha lives in knowledge base A.")),
				(n) -> {
				});
		this.index.replace("doc-b", List.of(chunk("kb-b", "doc-b", 0, 1, "Canary bravo lives in knowledge base B.")),
				(n) -> {
				});
		List<ScoredChunk> hits = this.index
			.search(new ChunkSearch("kb-a", "canary bravo knowledge base B", 10, mode, null));
		assertThat(hits).isNotEmpty().allSatisfy((hit) -> assertThat(hit.chunk().knowledgeBase()).isEqualTo("kb-a"));
		assertThat(this.index.search(new ChunkSearch("kb-c", "canary", 10, mode, null))).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(value = SearchMode.class, names = { "VECTOR", "KEYWORD" })
	void searchesOnlyTheNamedDocuments(SearchMode mode) {
		this.index.replace("doc-1", List.of(chunk("kb", "doc-1", 0, 1, "Lighthouse keepers log the weather.")), (n) -> {
		});
		this.index.replace("doc-2", List.of(chunk("kb", "doc-2", 0, 1, "Lighthouse lenses are polished weekly.")),
				(n) -> {
				});
		List<ScoredChunk> hits = this.index.search(new ChunkSearch("kb", "lighthouse", 10, mode, List.of("doc-2")));
		assertThat(hits).isNotEmpty().allSatisfy((hit) -> assertThat(hit.chunk().documentId()).isEqualTo("doc-2"));
	}

	@ParameterizedTest
	@EnumSource(value = SearchMode.class, names = { "VECTOR", "KEYWORD" })
	void filtersOnDocumentMetadataAndKeepsIt(SearchMode mode) {
		this.index.replace("doc-1",
				List.of(new Chunk("doc-1:0", "kb", "doc-1", "a.pdf", 1, 1, "", 0,
						"Ferry timetable for the winter season.", java.util.Map.of("team", "ops", "year", "2024"))),
				(n) -> {
				});
		this.index.replace("doc-2", List.of(new Chunk("doc-2:0", "kb", "doc-2", "b.pdf", 1, 1, "", 0,
				"Ferry timetable for the summer season.", java.util.Map.of("team", "sales"))), (n) -> {
				});
		List<ScoredChunk> ops = this.index
			.search(new ChunkSearch("kb", "ferry timetable", 10, mode, null, java.util.Map.of("team", "ops")));
		assertThat(ops).extracting((h) -> h.chunk().documentId()).containsExactly("doc-1");
		assertThat(ops.get(0).chunk().metadata()).containsEntry("team", "ops").containsEntry("year", "2024");
		assertThat(this.index.search(new ChunkSearch("kb", "ferry timetable", 10, mode, null,
				java.util.Map.of("team", "ops", "year", "2023"))))
			.isEmpty();
	}

	static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> filterCases() {
		return FilterCases.cases()
			.stream()
			.flatMap((c) -> java.util.stream.Stream.of(
					org.junit.jupiter.params.provider.Arguments.of(c, SearchMode.VECTOR),
					org.junit.jupiter.params.provider.Arguments.of(c, SearchMode.KEYWORD)));
	}

	@ParameterizedTest(name = "{0} ({1})")
	@org.junit.jupiter.params.provider.MethodSource("filterCases")
	void filtersByEveryOperatorAsTheFilterSemanticsSay(FilterCases.Case filterCase, SearchMode mode) {
		for (Chunk chunk : FilterCases.chunks()) {
			this.index.replace(chunk.documentId(), List.of(chunk), (n) -> {
			});
		}
		List<ScoredChunk> hits = this.index.search(new ChunkSearch("kb", "quarterly report revenue",
				List.of(new dev.ragchat.retrieval.query.KeywordTerm("revenue", 1)), 10, mode, null,
				filterCase.filter()));
		assertThat(hits).extracting((hit) -> hit.chunk().documentId())
			.containsExactlyInAnyOrderElementsOf(filterCase.documents());
	}

	@Test
	void scansEveryChunkThatWritesTheWordsBeyondASearchsDepth() {
		int documents = 2 * ChunkSearch.MAX_TOP_K + 50;
		for (int d = 0; d < documents; d++) {
			this.index.replace("doc-" + d,
					List.of(chunk("kb", "doc-" + d, 0, 1, "Clause " + d
							+ ((d % 2 == 0) ? ": a termination fee is owed." : ": the notice period is thirty days."))),
					(n) -> {
					});
		}
		List<ScoredChunk> hits = this.index
			.search(new ChunkSearch("kb", "termination fee", ChunkSearch.MAX_SCAN, SearchMode.KEYWORD, null));
		// half the documents write the words: more than a search returns
		assertThat(hits).hasSize(documents / 2)
			.allSatisfy((hit) -> assertThat(hit.chunk().text()).contains("termination fee"));
	}

	@Test
	void scansOnlyTheChunksThatWriteTheRequiredNumberOfWords() {
		this.index.replace("both", List.of(chunk("kb", "both", 0, 1, "A termination fee is owed.")), (n) -> {
		});
		this.index.replace("fee", List.of(chunk("kb", "fee", 0, 1, "The monthly fee is owed.")), (n) -> {
		});
		this.index.replace("termination",
				List.of(chunk("kb", "termination", 0, 1, "Termination needs ninety days of notice.")), (n) -> {
				});
		this.index.replace("all", List.of(chunk("kb", "all", 0, 1, "The termination fee and its notice.")), (n) -> {
		});
		List<dev.ragchat.retrieval.query.KeywordTerm> words = List.of(
				new dev.ragchat.retrieval.query.KeywordTerm("termination", 1),
				new dev.ragchat.retrieval.query.KeywordTerm("fee", 1),
				new dev.ragchat.retrieval.query.KeywordTerm("notice", 1));
		assertThat(documents(new ChunkSearch("kb", "termination fee notice", words, ChunkSearch.MAX_SCAN,
				SearchMode.KEYWORD, List.of(), null, 0)))
			.containsExactlyInAnyOrder("both", "fee", "termination", "all");
		assertThat(documents(new ChunkSearch("kb", "termination fee notice", words, ChunkSearch.MAX_SCAN,
				SearchMode.KEYWORD, List.of(), null, 2)))
			.containsExactlyInAnyOrder("both", "termination", "all");
		assertThat(documents(new ChunkSearch("kb", "termination fee notice", words, ChunkSearch.MAX_SCAN,
				SearchMode.KEYWORD, List.of(), null, 3)))
			.containsExactly("all");
		// a word the index holds no term of counts as written
		List<dev.ragchat.retrieval.query.KeywordTerm> withStopWord = List.of(
				new dev.ragchat.retrieval.query.KeywordTerm("the", 1),
				new dev.ragchat.retrieval.query.KeywordTerm("fee", 1));
		assertThat(documents(new ChunkSearch("kb", "the fee", withStopWord, ChunkSearch.MAX_SCAN, SearchMode.KEYWORD,
				List.of(), null, 2)))
			.containsExactlyInAnyOrder("both", "fee", "all");
	}

	@Test
	void scansAtMostTheGivenNumberOfChunksOfADocumentTheBestOfEach() {
		List<Chunk> many = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			many.add(chunk("kb", "many", i, i + 1, "A termination fee is owed" + " by the tenant".repeat(i) + "."));
		}
		this.index.replace("many", many, (n) -> {
		});
		this.index.replace("one", List.of(chunk("kb", "one", 0, 1, "The termination fee of the one lease.")), (n) -> {
		});
		List<dev.ragchat.retrieval.query.KeywordTerm> words = List.of(
				new dev.ragchat.retrieval.query.KeywordTerm("termination", 1),
				new dev.ragchat.retrieval.query.KeywordTerm("fee", 1));
		List<ScoredChunk> hits = this.index.search(new ChunkSearch("kb", "termination fee", words, ChunkSearch.MAX_SCAN,
				SearchMode.KEYWORD, List.of(), null, 2, 2));
		assertThat(hits).extracting((hit) -> hit.chunk().documentId()).containsExactlyInAnyOrder("many", "many", "one");
		// the shortest passages, which BM25 ranks first
		assertThat(hits).filteredOn((hit) -> hit.chunk().documentId().equals("many"))
			.extracting((hit) -> hit.chunk().ordinal())
			.containsExactlyInAnyOrder(0, 1);
		assertThat(hits).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
	}

	private List<String> documents(ChunkSearch search) {
		return this.index.search(search).stream().map((hit) -> hit.chunk().documentId()).toList();
	}

	@Test
	void countsTheDocumentsOfAScope() {
		this.index.replace("doc-1", List.of(chunk("kb", "doc-1", 0, 1, "First page of one."),
				chunk("kb", "doc-1", 1, 2, "Second page of one.")), (n) -> {
				});
		this.index.replace("doc-2", List.of(chunk("kb", "doc-2", 0, 1, "Only page of two.")), (n) -> {
		});
		this.index.replace("doc-3", List.of(chunk("kb-other", "doc-3", 0, 1, "Another knowledge base.")), (n) -> {
		});
		assertThat(this.index.documents(new ChunkSearch("kb", "scope", 1, SearchMode.KEYWORD, null))).isEqualTo(2);
		assertThat(this.index.documents(new ChunkSearch("kb", "scope", 1, SearchMode.KEYWORD, List.of("doc-2"))))
			.isEqualTo(1);
		assertThat(this.index.documents(new ChunkSearch("kb-none", "scope", 1, SearchMode.KEYWORD, null))).isZero();
	}

	@Test
	void keepsTypedValues() {
		for (Chunk chunk : FilterCases.chunks()) {
			this.index.replace(chunk.documentId(), List.of(chunk), (n) -> {
			});
		}
		assertThat(this.index.chunks("doc-a").get(0).metadata()).containsEntry("year", 2020.0)
			.containsEntry("audited", true)
			.containsEntry("form", "10-K");
		assertThat(this.index.chunks("doc-d").get(0).metadata()).containsEntry("year", "2022");
	}

	@Test
	void replacesAllChunksOfADocument() {
		this.index.replace("doc-1", List.of(chunk("kb", "doc-1", 0, 1, "Old text about llamas."),
				chunk("kb", "doc-1", 1, 1, "More old text about llamas.")), (n) -> {
				});
		this.index.replace("doc-1", List.of(chunk("kb", "doc-1", 0, 1, "New text about alpacas.")), (n) -> {
		});
		assertThat(this.index.count("doc-1")).isEqualTo(1);
		assertThat(this.index.search(new ChunkSearch("kb", "llamas", 10, SearchMode.KEYWORD, null))).isEmpty();
	}

	@Test
	void reEmbedsOnlyTheChunksWhoseTextChangedAndKeepsTheOthersVectors() {
		List<Chunk> first = List.of(chunk("kb", "doc-1", 0, 1, "Harbour tides rise at dawn."),
				chunk("kb", "doc-1", 1, 2, "Harbour cranes unload the ships."),
				chunk("kb", "doc-1", 2, 3, "Harbour fees are paid monthly."));
		this.index.replace("doc-1", first, (n) -> {
		});
		int before = this.model.texts.get();
		List<Integer> reported = new ArrayList<>();
		this.index.replace("doc-1", List.of(first.get(0),
				new Chunk("doc-1:1", "kb", "doc-1", "doc-1.pdf", 2, 2, "", 1, "Harbour cranes were replaced in May."),
				first.get(2)), reported::add);
		assertThat(this.model.texts.get() - before).isEqualTo(1);
		assertThat(reported).last().isEqualTo(3);
		assertThat(this.index.chunks("doc-1")).extracting(Chunk::text)
			.containsExactly("Harbour tides rise at dawn.", "Harbour cranes were replaced in May.",
					"Harbour fees are paid monthly.");
		List<ScoredChunk> hits = this.index
			.search(new ChunkSearch("kb", "harbour tides rise at dawn", 1, SearchMode.VECTOR, null));
		assertThat(hits).extracting((hit) -> hit.chunk().id()).containsExactly("doc-1:0");
	}

	@Test
	void deletesADocumentAndAKnowledgeBase() {
		this.index.replace("doc-1", List.of(chunk("kb", "doc-1", 0, 1, "Quartz crystals.")), (n) -> {
		});
		this.index.replace("doc-2", List.of(chunk("kb", "doc-2", 0, 1, "Quartz watches.")), (n) -> {
		});
		this.index.replace("doc-3", List.of(chunk("other", "doc-3", 0, 1, "Quartz sand.")), (n) -> {
		});
		this.index.deleteDocument("doc-1");
		assertThat(this.index.count("doc-1")).isZero();
		assertThat(this.index.count("doc-2")).isEqualTo(1);
		this.index.deleteKnowledgeBase("kb");
		assertThat(this.index.count("doc-2")).isZero();
		assertThat(this.index.count("doc-3")).isEqualTo(1);
	}

	@Test
	void reportsEmbeddingProgressUpToEveryChunk() {
		List<Chunk> chunks = new ArrayList<>();
		for (int i = 0; i < 70; i++) {
			chunks.add(chunk("kb", "doc-1", i, 1, "Sentence number " + i + " about progress."));
		}
		List<Integer> progress = new ArrayList<>();
		this.index.replace("doc-1", chunks, progress::add);
		assertThat(progress).isNotEmpty().isSorted();
		assertThat(progress.get(progress.size() - 1)).isEqualTo(70);
		assertThat(this.index.count("doc-1")).isEqualTo(70);
	}

	@Test
	void makesADocumentsChunksVisibleOnlyTogether() throws Exception {
		CountDownLatch halfway = new CountDownLatch(1);
		CountDownLatch proceed = new CountDownLatch(1);
		List<Chunk> chunks = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			chunks.add(chunk("kb", "doc-1", i, 1, "Visibility test sentence " + i + "."));
		}
		CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> this.index.replace("doc-1", chunks, (n) -> {
			if (n < chunks.size()) {
				halfway.countDown();
				await(proceed);
			}
		}));
		assertThat(halfway.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.index.count("doc-1")).isZero();
		assertThat(this.index.search(new ChunkSearch("kb", "visibility", 5, SearchMode.KEYWORD, null))).isEmpty();
		proceed.countDown();
		writing.get(10, TimeUnit.SECONDS);
		assertThat(this.index.count("doc-1")).isEqualTo(100);
	}

	@Test
	void listsADocumentsChunksInOrder() {
		List<Chunk> chunks = twelveChunksOnThreePages();
		assertThat(this.index.chunks("doc-1")).isEqualTo(chunks);
		assertThat(this.index.chunks("doc-2")).isEmpty();
	}

	@Test
	void readsTheChunksThatBeginOnSomePages() {
		List<Chunk> chunks = twelveChunksOnThreePages();
		this.index.replace("doc-2", List.of(chunk("kb", "doc-2", 0, 2, "Another document's page two.")), (n) -> {
		});
		assertThat(this.index.chunks("doc-1", 2, 2)).isEqualTo(chunks.subList(4, 8));
		assertThat(this.index.chunks("doc-1", 2, 9)).isEqualTo(chunks.subList(4, 12));
		assertThat(this.index.chunks("doc-1", 4, 5)).isEmpty();
	}

	/** Indexes doc-1: twelve chunks, four a page. */
	private List<Chunk> twelveChunksOnThreePages() {
		List<Chunk> chunks = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			chunks.add(chunk("kb", "doc-1", i, 1 + i / 4, "Ordered sentence " + i + "."));
		}
		this.index.replace("doc-1", chunks, (n) -> {
		});
		return chunks;
	}

	@Test
	void namesItsEmbeddingModel() {
		assertThat(this.index.embeddingModel()).isNotBlank();
		assertThat(this.index.dimensions()).isEqualTo(WordHashEmbeddingModel.DIMENSIONS);
	}

	@Test
	void writesNothingForADocumentDeletedWhileItsChunksWereEmbedded() {
		java.util.Set<String> catalog = java.util.concurrent.ConcurrentHashMap.newKeySet();
		catalog.add("doc-1");
		List<Chunk> chunks = chunks("doc-1", 12);
		boolean written = this.index.replace("doc-1", chunks, (done) -> {
			if (done == chunks.size()) {
				// the delete (catalog first, then the index) completes before the write
				catalog.remove("doc-1");
				this.index.deleteDocument("doc-1");
			}
		}, () -> catalog.contains("doc-1"));
		assertThat(written).isFalse();
		assertThat(this.index.count("doc-1")).isZero();
	}

	@Test
	void neverShowsChunksOfADeletedDocumentHoweverDeleteAndWriteInterleave() throws Exception {
		java.util.Random random = new java.util.Random(42);
		java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			race(random, threads);
		}
		finally {
			threads.shutdownNow();
		}
	}

	private void race(java.util.Random random, java.util.concurrent.Executor threads) throws Exception {
		for (int round = 0; round < 40; round++) {
			String doc = "doc-" + round;
			java.util.Set<String> catalog = java.util.concurrent.ConcurrentHashMap.newKeySet();
			catalog.add(doc);
			List<Chunk> chunks = chunks(doc, 8);
			long delayNanos = random.nextInt(3_000_000);
			CompletableFuture<Boolean> writer = CompletableFuture
				.supplyAsync(() -> this.index.replace(doc, chunks, (done) -> {
				}, () -> catalog.contains(doc)), threads);
			CompletableFuture<Integer> deleted = CompletableFuture.supplyAsync(() -> {
				long until = System.nanoTime() + delayNanos;
				while (System.nanoTime() < until) {
					Thread.onSpinWait();
				}
				catalog.remove(doc);
				this.index.deleteDocument(doc);
				// once the delete has answered, nothing of the document may be found
				return this.index.count(doc);
			}, threads);
			assertThat(deleted.get(30, TimeUnit.SECONDS)).as("round %d, right after the delete", round).isZero();
			writer.get(30, TimeUnit.SECONDS);
			assertThat(this.index.count(doc)).as("round %d, at the end", round).isZero();
		}
	}

	private static List<Chunk> chunks(String doc, int count) {
		List<Chunk> chunks = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			chunks.add(chunk("kb", doc, i, 1, "Sentence " + i + " of " + doc + " about lighthouses."));
		}
		return chunks;
	}

	public static Chunk chunk(String kb, String doc, int ordinal, int page, String text) {
		return new Chunk(doc + ":" + ordinal, kb, doc, doc + ".pdf", page, page, "", ordinal, text);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
