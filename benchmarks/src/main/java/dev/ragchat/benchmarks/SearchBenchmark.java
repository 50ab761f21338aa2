package dev.ragchat.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ChunkSearch;
import dev.ragchat.retrieval.Retriever;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.SearchMode;
import dev.ragchat.retrieval.embedding.IndexEmbedding;
import dev.ragchat.retrieval.lucene.LuceneChunkIndex;
import dev.ragchat.retrieval.lucene.LuceneIndexSettings;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.VectorUtil;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.SimpleVectorStore;

/**
 * Search latency at scale, side by side in one process: ragchat's retrieval module (the
 * real Lucene chunk index and retriever: HNSW vector, BM25 keyword, hybrid fusion)
 * against Spring AI's {@code SimpleVectorStore} and LangChain4j's
 * {@code InMemoryEmbeddingStore}, all fed the same precomputed vectors through the same
 * lookup model. Reports p50/p99 latency per mode and recall@10 of vector search against
 * exact (brute-force) search.
 */
final class SearchBenchmark {

	private static final String KNOWLEDGE_BASE = "bench";

	/** Chunks per peer batch. */
	private static final int CHUNKS_PER_DOCUMENT = 10_000;

	private final Map<String, String> options;

	/** Chunks per ragchat document: one atomic replace and one commit each. */
	private final int chunksPerDocument;

	SearchBenchmark(Map<String, String> options) {
		this.options = options;
		this.chunksPerDocument = Integer.parseInt(options.getOrDefault("chunks-per-document", "10000"));
	}

	void run(SearchSet set) throws Exception {
		int queries = set.queries();
		int warmup = Integer.parseInt(this.options.getOrDefault("warmup", "200"));
		int measured = queries - warmup;
		int peerQueries = Math.min(measured, Integer.parseInt(this.options.getOrDefault("peer-queries", "200")));
		Set<String> peers = Set.of(this.options.getOrDefault("peers", "spring-ai,langchain4j").split(","));
		System.out.printf("%n## Search at scale: %s, %,d chunks, %d dimensions%n%n", set.name(), set.size(),
				set.dimensions());
		System.out.printf("%d measured queries (ragchat), %d (peers), after %d warm-up queries; load %s%n", measured,
				peerQueries, warmup, Machine.load());
		long t = System.nanoTime();
		int[][] exact = exactTop10(set, warmup, measured);
		System.out.printf("exact top-10 of %d queries in %.1f s%n", measured, seconds(t));
		PrecomputedEmbeddingModel model = new PrecomputedEmbeddingModel(set::vectorOf, set.dimensions());
		List<String> rows = new ArrayList<>();
		rows.addAll(ragchat(set, model, warmup, measured, exact));
		if (peers.contains("spring-ai")) {
			rows.addAll(springAi(set, model, warmup, peerQueries, exact));
			System.gc();
		}
		if (peers.contains("langchain4j")) {
			rows.addAll(langChain4j(set, warmup, peerQueries, exact));
			System.gc();
		}
		System.out.printf("%n| chunks | store | mode | build s | p50 ms | p99 ms | mean ms | recall@10 | load |%n");
		System.out.printf("|---|---|---|---|---|---|---|---|---|%n");
		rows.forEach((row) -> System.out.printf("| %,d %s%n", set.size(), row));
	}

	private List<String> ragchat(SearchSet set, PrecomputedEmbeddingModel model, int warmup, int measured,
			int[][] exact) throws Exception {
		// --index-dir: keep the index there, and reuse it if it is there already (to
		// profile)
		boolean reuse = this.options.containsKey("index-dir")
				&& Files.exists(Path.of(this.options.get("index-dir")).resolve("write.lock"));
		boolean keep = this.options.containsKey("index-dir");
		Path directory = keep ? Files.createDirectories(Path.of(this.options.get("index-dir")))
				: Files.createTempDirectory(Path.of(this.options.getOrDefault("tmp", "/tmp")), "ragchat-index");
		// the production defaults unless told otherwise
		LuceneIndexSettings defaults = LuceneIndexSettings.DEFAULTS;
		LuceneIndexSettings settings = new LuceneIndexSettings(
				option("hnsw-m", defaults.maxConnections(), Integer::parseInt),
				option("beam-width", defaults.beamWidth(), Integer::parseInt),
				option("quantization", defaults.quantization(),
						(value) -> LuceneIndexSettings.Quantization.valueOf(value.toUpperCase(java.util.Locale.ROOT))),
				option("ram-buffer-mb", defaults.ramBufferMb(), Double::parseDouble),
				option("vector-candidates", defaults.vectorCandidates(), Integer::parseInt),
				defaults.keywordStatistics(),
				option("exact-search-up-to", defaults.exactSearchUpTo(), Integer::parseInt));
		// queries are embedded without an instruction: the vectors are precomputed
		LuceneChunkIndex index = new LuceneChunkIndex(directory,
				new IndexEmbedding(set.name(), model, model.dimensions(), model::embed), 32, settings);
		System.out.printf("index settings: %s%n", settings);
		List<String> rows = new ArrayList<>();
		try {
			long t = System.nanoTime();
			int perDocument = this.chunksPerDocument;
			int threads = Integer.parseInt(this.options.getOrDefault("load-threads", "1"));
			// documents are replaced concurrently, as ragchat's ingestion workers do
			java.util.concurrent.ExecutorService loaders = java.util.concurrent.Executors.newFixedThreadPool(threads);
			List<java.util.concurrent.Future<?>> loaded = new ArrayList<>();
			java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
			for (int start = 0; start < (reuse ? 0 : set.size()); start += perDocument) {
				int first = start;
				loaded.add(loaders.submit(() -> {
					String documentId = "d" + (first / perDocument);
					List<Chunk> chunks = new ArrayList<>(perDocument);
					for (int i = first; i < Math.min(set.size(), first + perDocument); i++) {
						chunks.add(new Chunk(documentId + ":" + (i - first), KNOWLEDGE_BASE, documentId, "bench.txt", 1,
								1, "", i - first, set.text(i)));
					}
					index.replace(documentId, chunks, (n) -> {
					});
					System.out.printf("  ragchat: %,d chunks indexed in %.0f s%n", done.addAndGet(chunks.size()),
							seconds(t));
				}));
			}
			for (java.util.concurrent.Future<?> future : loaded) {
				future.get();
			}
			loaders.shutdown();
			double build = seconds(t);
			try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(directory))) {
				System.out.printf("ragchat index: %,d chunks, %d segments, %,d MB on disk, built in %.1f s%n",
						reader.numDocs(), reader.leaves().size(), size(directory) >> 20, build);
			}
			System.out.printf("resident memory %,d MiB, heap used %,d MiB (before the searches)%n",
					Machine.residentMib(), usedHeapMib());
			Retriever retriever = Production.retriever(index);
			Set<String> modes = Set.of(this.options.getOrDefault("modes", "vector,keyword,hybrid").split(","));
			for (SearchMode mode : SearchMode.values()) {
				if (!modes.contains(mode.name().toLowerCase())) {
					continue;
				}
				IntFunction<List<Integer>> search = (q) -> retriever
					.retrieve(new ChunkSearch(KNOWLEDGE_BASE, set.queryText(q), 10, mode, null))
					.stream()
					.map(ScoredChunk::chunk)
					.map(this::position)
					.toList();
				rows.add(measure("ragchat (Lucene HNSW + BM25)", mode.name().toLowerCase(), build, search, warmup,
						warmup, measured, (mode == SearchMode.VECTOR) ? exact : null));
			}
		}
		finally {
			index.close();
			if (!keep) {
				delete(directory);
			}
		}
		return rows;
	}

	private List<String> springAi(SearchSet set, PrecomputedEmbeddingModel model, int warmup, int measured,
			int[][] exact) {
		long t = System.nanoTime();
		SimpleVectorStore store = SimpleVectorStore.builder(model).build();
		for (int start = 0; start < set.size(); start += CHUNKS_PER_DOCUMENT) {
			store.add(IntStream.range(start, Math.min(set.size(), start + CHUNKS_PER_DOCUMENT))
				.mapToObj((i) -> Document.builder()
					.id(Integer.toString(i))
					.text(set.text(i))
					.metadata(Map.of("knowledgeBase", KNOWLEDGE_BASE))
					.build())
				.toList());
		}
		double build = seconds(t);
		IntFunction<List<Integer>> search = (q) -> store
			.similaritySearch(SearchRequest.builder().query(set.queryText(q)).topK(10).build())
			.stream()
			.map((d) -> Integer.parseInt(d.getId()))
			.toList();
		return List.of(measure("Spring AI SimpleVectorStore", "vector", build, search, peerWarmup(warmup), warmup,
				measured, exact));
	}

	private List<String> langChain4j(SearchSet set, int warmup, int measured, int[][] exact) {
		long t = System.nanoTime();
		InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
		for (int start = 0; start < set.size(); start += CHUNKS_PER_DOCUMENT) {
			int end = Math.min(set.size(), start + CHUNKS_PER_DOCUMENT);
			List<String> ids = IntStream.range(start, end).mapToObj(Integer::toString).toList();
			List<Embedding> embeddings = IntStream.range(start, end)
				.mapToObj((i) -> Embedding.from(set.vector(i)))
				.toList();
			List<TextSegment> segments = IntStream.range(start, end)
				.mapToObj((i) -> TextSegment.from(set.text(i)))
				.toList();
			store.addAll(ids, embeddings, segments);
		}
		double build = seconds(t);
		IntFunction<List<Integer>> search = (q) -> store
			.search(EmbeddingSearchRequest.builder()
				.queryEmbedding(Embedding.from(set.vectorOf(set.queryText(q))))
				.maxResults(10)
				.build())
			.matches()
			.stream()
			.map(EmbeddingMatch::embeddingId)
			.map(Integer::parseInt)
			.toList();
		return List.of(measure("LangChain4j InMemoryEmbeddingStore", "vector", build, search, peerWarmup(warmup),
				warmup, measured, exact));
	}

	/**
	 * Runs warm-up queries (the set's first ones), then times each measured query on its
	 * own; measured query {@code m} is the set's query {@code first + m}.
	 */
	private static String measure(String store, String mode, double build, IntFunction<List<Integer>> search,
			int warmup, int first, int measured, int[][] exact) {
		for (int q = 0; q < warmup; q++) {
			search.apply(q);
		}
		long[] nanos = new long[measured];
		double recall = 0;
		for (int m = 0; m < measured; m++) {
			long t = System.nanoTime();
			List<Integer> hits = search.apply(first + m);
			nanos[m] = System.nanoTime() - t;
			if (exact != null) {
				Set<Integer> truth = new HashSet<>();
				Arrays.stream(exact[m]).forEach(truth::add);
				recall += hits.stream().limit(10).filter(truth::contains).count() / 10.0;
			}
		}
		Arrays.sort(nanos);
		String row = String.format("| %s | %s | %.1f | %.2f | %.2f | %.2f | %s | %s |", store, mode, build,
				percentile(nanos, 0.50), percentile(nanos, 0.99), Arrays.stream(nanos).average().orElse(0) / 1e6,
				(exact != null) ? String.format("%.3f", recall / measured) : "", Machine.load());
		System.out.println(row);
		return row;
	}

	/**
	 * Brute force over every chunk (Lucene's vectorized dot product; vectors are unit).
	 */
	private static int[][] exactTop10(SearchSet set, int warmup, int measured) {
		int[][] top = new int[measured][];
		IntStream.range(0, measured).parallel().forEach((m) -> {
			float[] query = set.vectorOf(set.queryText(warmup + m));
			int[] ids = new int[10];
			float[] scores = new float[10];
			Arrays.fill(scores, Float.NEGATIVE_INFINITY);
			for (int i = 0; i < set.size(); i++) {
				float score = VectorUtil.dotProduct(query, set.vector(i));
				if (score > scores[9]) {
					int j = 9;
					while (j > 0 && scores[j - 1] < score) {
						scores[j] = scores[j - 1];
						ids[j] = ids[j - 1];
						j--;
					}
					scores[j] = score;
					ids[j] = i;
				}
			}
			top[m] = ids;
		});
		return top;
	}

	/**
	 * A ragchat chunk id {@code d<document>:<ordinal>} back to its position in the set.
	 */
	private int position(Chunk chunk) {
		return Integer.parseInt(chunk.documentId().substring(1)) * this.chunksPerDocument + chunk.ordinal();
	}

	private int peerWarmup(int warmup) {
		return Math.min(warmup, Integer.parseInt(this.options.getOrDefault("peer-warmup", "20")));
	}

	private static long usedHeapMib() {
		System.gc();
		Runtime runtime = Runtime.getRuntime();
		return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
	}

	static double percentile(long[] sortedNanos, double p) {
		int rank = (int) Math.ceil(p * sortedNanos.length) - 1;
		return sortedNanos[Math.max(0, rank)] / 1e6;
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	private static long size(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).mapToLong((p) -> p.toFile().length()).sum();
		}
	}

	private static void delete(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
	}

	private <T> T option(String name, T fallback, java.util.function.Function<String, T> parse) {
		String value = this.options.get(name);
		return (value != null) ? parse.apply(value) : fallback;
	}

	/**
	 * What is searched: chunk texts and vectors, and queries (the first ones warm up).
	 */
	interface SearchSet {

		String name();

		int size();

		int dimensions();

		String text(int i);

		float[] vector(int i);

		int queries();

		String queryText(int q);

		/**
		 * @param text a chunk or query text
		 * @return its vector
		 */
		float[] vectorOf(String text);

	}

}
