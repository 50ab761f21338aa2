package dev.ragchat.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ragchat.retrieval.onnx.InProcessModel;
import dev.ragchat.retrieval.onnx.OnnxEmbeddingModel;

import org.springframework.ai.embedding.EmbeddingModel;

/**
 * What a query's embedding costs, the part of a search that no index can speed up:
 * SciFact test queries (with bge's query instruction) through ragchat's model, one at a
 * time, then from many concurrent callers (which queue for the model: it runs one batch
 * at a time).
 */
final class QueryEmbeddingBenchmark {

	private final List<String> queries;

	private final int callers;

	QueryEmbeddingBenchmark(Path corpus, int callers) throws Exception {
		var all = SciFact.queries(corpus);
		this.queries = SciFact.qrels(corpus.resolve("qrels/test.tsv"))
			.keySet()
			.stream()
			.map((id) -> InProcessModel.BGE_SMALL.queryInstruction() + all.get(id))
			.toList();
		this.callers = callers;
	}

	void run() throws Exception {
		// the production defaults (ragchat.retrieval.embedding-threads and -batch) unless
		// told
		int threads = Integer.getInteger("ragchat.retrieval.embedding-threads",
				Production.retrievalDefaults().embeddingThreads());
		int batch = Integer.getInteger("ragchat.retrieval.embedding-batch",
				Production.retrievalDefaults().embeddingBatch());
		EmbeddingModel model = new OnnxEmbeddingModel(InProcessModel.BGE_SMALL, threads, batch);
		System.out.printf("%n## Query embedding: %d SciFact test queries, %d ONNX threads per run; load %s%n%n",
				this.queries.size(), threads, Machine.load());
		this.queries.subList(0, 50).forEach(model::embed);
		long[] nanos = new long[this.queries.size()];
		long start = System.nanoTime();
		List<float[]> alone = new ArrayList<>();
		for (int q = 0; q < this.queries.size(); q++) {
			long t = System.nanoTime();
			alone.add(model.embed(this.queries.get(q)));
			nanos[q] = System.nanoTime() - t;
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		Arrays.sort(nanos);
		System.out.printf("| callers | queries/s | p50 ms | p99 ms | load |%n|---|---|---|---|---|%n");
		System.out.printf("| 1 | %.0f | %.2f | %.2f | %s |%n", this.queries.size() / seconds,
				SearchBenchmark.percentile(nanos, 0.5), SearchBenchmark.percentile(nanos, 0.99), Machine.load());
		// many callers: each takes the next query; the model batches whatever is waiting
		int rounds = 3;
		long[] concurrent = new long[this.queries.size() * rounds];
		float[][] shared = new float[this.queries.size()][];
		AtomicInteger next = new AtomicInteger();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			start = System.nanoTime();
			List<Future<?>> futures = new ArrayList<>();
			for (int c = 0; c < this.callers; c++) {
				futures.add(executor.submit(() -> {
					for (int i = next.getAndIncrement(); i < concurrent.length; i = next.getAndIncrement()) {
						long t = System.nanoTime();
						shared[i % this.queries.size()] = model.embed(this.queries.get(i % this.queries.size()));
						concurrent[i] = System.nanoTime() - t;
					}
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
			seconds = (System.nanoTime() - start) / 1e9;
		}
		Arrays.sort(concurrent);
		System.out.printf("| %d | %.0f | %.2f | %.2f | %s |%n", this.callers, concurrent.length / seconds,
				SearchBenchmark.percentile(concurrent, 0.5), SearchBenchmark.percentile(concurrent, 0.99),
				Machine.load());
		double worst = 1;
		for (int q = 0; q < shared.length; q++) {
			double dot = 0;
			for (int d = 0; d < shared[q].length; d++) {
				dot += shared[q][d] * alone.get(q)[d];
			}
			worst = Math.min(worst, dot);
		}
		System.out.printf("%nlowest cosine between a query embedded alone and under concurrency: %.4f%n", worst);
		((AutoCloseable) model).close();
	}

}
