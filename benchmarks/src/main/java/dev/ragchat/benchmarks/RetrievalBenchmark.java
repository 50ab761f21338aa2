package dev.ragchat.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.ChunkSearch;
import dev.ragchat.retrieval.Fusion;
import dev.ragchat.retrieval.Retriever;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.SearchMode;
import dev.ragchat.retrieval.config.RetrievalProperties;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Retrieval quality on BEIR SciFact through the retrieval module's real code: every
 * passage (title and abstract) is indexed as one chunk with the in-process model, then
 * each test query is searched in keyword, vector and hybrid mode. Reports nDCG@10 and
 * Recall@10 on {@code qrels/test.tsv} (and on {@code qrels/train.tsv}, the only set
 * settings may be tuned on).
 */
final class RetrievalBenchmark {

	private static final String KNOWLEDGE_BASE = "scifact";

	private final ConfigurableApplicationContext context;

	private final Path corpus;

	private final boolean sweep;

	/** Other rank settings to compare the defaults with on the same index, or null. */
	private final String against;

	RetrievalBenchmark(ConfigurableApplicationContext context, Path corpus, boolean sweep, String against) {
		this.context = context;
		this.corpus = corpus;
		this.sweep = sweep;
		this.against = against;
	}

	void run() throws Exception {
		List<SciFact.Passage> passages = SciFact.corpus(this.corpus);
		ChunkIndex index = this.context.getBean(ChunkIndex.class);
		long start = System.nanoTime();
		// one document a passage, written concurrently as ragchat's ingestion workers do
		passages.parallelStream()
			.forEach((p) -> index.replace(p.id(),
					List.of(new Chunk(p.id() + ":0", KNOWLEDGE_BASE, p.id(), p.id(), 1, 1, "", 0, p.full())), (n) -> {
					}));
		double indexSeconds = (System.nanoTime() - start) / 1e9;
		Retriever retriever = this.context.getBean(Retriever.class);
		Fusion fusion = this.context.getBean(RetrievalProperties.class).fusion();
		Map<String, String> queries = SciFact.queries(this.corpus);
		System.out.printf("%n## Retrieval quality: BEIR SciFact%n%n");
		System.out.printf("%d passages indexed in %.0f s (%.1f passages/s) with %s%n%n", passages.size(), indexSeconds,
				passages.size() / indexSeconds, index.embeddingModel());
		System.out
			.printf("| qrels | mode | queries | nDCG@10 | Recall@10 | mean latency ms |%n|---|---|---|---|---|---|%n");
		Map<String, Map<String, Integer>> test = SciFact.qrels(this.corpus.resolve("qrels/test.tsv"));
		Map<String, Map<String, Integer>> train = SciFact.qrels(this.corpus.resolve("qrels/train.tsv"));
		for (var split : List.of(Map.entry("test", test), Map.entry("train", train))) {
			for (SearchMode mode : SearchMode.values()) {
				double[] r = evaluate(retriever, queries, split.getValue(), mode);
				System.out.printf("| %s | %s | %d | %.3f | %.3f | %.1f |%n", split.getKey(), mode.name().toLowerCase(),
						split.getValue().size(), r[0], r[1], r[2]);
			}
		}
		if (this.against != null) {
			// a regression check of a change of defaults, on the same index (not tuning)
			String[] a = this.against.split(",");
			Retriever other = retriever.withFusion(fusion.withRanks(Integer.parseInt(a[0]), Double.parseDouble(a[1]),
					Double.parseDouble(a[2]), Integer.parseInt(a[3])));
			for (var split : List.of(Map.entry("test", test), Map.entry("train", train))) {
				double[] r = evaluate(other, queries, split.getValue(), SearchMode.HYBRID);
				System.out.printf("| %s | hybrid with k, weights, depth %s | %d | %.3f | %.3f | %.1f |%n",
						split.getKey(), this.against, split.getValue().size(), r[0], r[1], r[2]);
			}
		}
		if (this.sweep) {
			// tune the fusion on train only; report the chosen setting on test once
			double best = -1;
			String chosen = null;
			Retriever winner = null;
			for (int k : new int[] { 20, 60 }) {
				for (double vectorWeight : new double[] { 0.8, 1.0, 1.3, 1.6 }) {
					for (int candidates : new int[] { 30, 100 }) {
						Retriever tuned = retriever.withFusion(fusion.withRanks(k, vectorWeight, 1.0, candidates));
						double ndcg = evaluate(tuned, queries, train, SearchMode.HYBRID)[0];
						System.out.printf("sweep k=%d vectorWeight=%.2f candidates=%d train nDCG@10 %.4f%n", k,
								vectorWeight, candidates, ndcg);
						if (ndcg > best) {
							best = ndcg;
							chosen = "k=" + k + ", vector weight=" + vectorWeight + ", keyword weight=1.0, candidates="
									+ candidates;
							winner = tuned;
						}
					}
				}
			}
			double[] onTest = evaluate(winner, queries, test, SearchMode.HYBRID);
			System.out.printf("%nTuned on train: %s (train nDCG@10 %.3f); on test: nDCG@10 %.3f, Recall@10 %.3f%n",
					chosen, best, onTest[0], onTest[1]);
		}
	}

	private static double[] evaluate(Retriever retriever, Map<String, String> queries,
			Map<String, Map<String, Integer>> qrels, SearchMode mode) {
		double ndcg = 0;
		double recall = 0;
		long nanos = 0;
		for (var judged : qrels.entrySet()) {
			long t = System.nanoTime();
			List<ScoredChunk> hits = retriever
				.retrieve(new ChunkSearch(KNOWLEDGE_BASE, queries.get(judged.getKey()), 10, mode, null));
			nanos += System.nanoTime() - t;
			List<String> ranked = new ArrayList<>(
					new LinkedHashSet<>(hits.stream().map((h) -> h.chunk().documentId()).toList()));
			ndcg += ndcgAt10(ranked, judged.getValue());
			recall += recallAt10(ranked, judged.getValue().keySet());
		}
		int n = qrels.size();
		return new double[] { ndcg / n, recall / n, nanos / 1e6 / n };
	}

	static double ndcgAt10(List<String> ranked, Map<String, Integer> relevant) {
		double dcg = 0;
		for (int i = 0; i < Math.min(10, ranked.size()); i++) {
			dcg += relevant.getOrDefault(ranked.get(i), 0) / log2(i + 2);
		}
		List<Integer> ideal = relevant.values().stream().sorted(Comparator.reverseOrder()).toList();
		double idcg = 0;
		for (int i = 0; i < Math.min(10, ideal.size()); i++) {
			idcg += ideal.get(i) / log2(i + 2);
		}
		return (idcg == 0) ? 0 : dcg / idcg;
	}

	static double recallAt10(List<String> ranked, Set<String> relevant) {
		long found = ranked.stream().limit(10).filter(relevant::contains).count();
		return (double) found / relevant.size();
	}

	private static double log2(double x) {
		return Math.log(x) / Math.log(2);
	}

}
