package dev.ragchat.benchmarks;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.ragchat.retrieval.embedding.QueryEmbedder;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The data sets the search benchmark runs on.
 */
final class SearchSets {

	private SearchSets() {
	}

	/**
	 * @param chunks how many chunks
	 * @param queries how many queries (warm-up included)
	 * @return a synthetic set (see {@link SyntheticCorpus})
	 */
	static SearchBenchmark.SearchSet synthetic(int chunks, int queries) {
		SyntheticCorpus corpus = new SyntheticCorpus(chunks, queries, 42);
		return new SearchBenchmark.SearchSet() {

			@Override
			public String name() {
				return "synthetic";
			}

			@Override
			public int size() {
				return chunks;
			}

			@Override
			public int dimensions() {
				return SyntheticCorpus.DIMENSIONS;
			}

			@Override
			public String text(int i) {
				return corpus.chunkText(i);
			}

			@Override
			public float[] vector(int i) {
				return corpus.chunks[i];
			}

			@Override
			public int queries() {
				return queries;
			}

			@Override
			public String queryText(int q) {
				return corpus.queryText(q);
			}

			@Override
			public float[] vectorOf(String text) {
				return corpus.vectorOf(text);
			}

		};
	}

	/**
	 * The BEIR SciFact passages (title and abstract) and its judged queries (test, then
	 * train), with their real bge-small-en-v1.5 int8 vectors (queries with the bge query
	 * instruction), computed once by ragchat's model and cached in {@code cache}.
	 * @param corpus the SciFact directory
	 * @param cache the vector cache file
	 * @param context starts ragchat's modules, only if the cache must be built
	 * @return the set
	 */
	static SearchBenchmark.SearchSet sciFact(Path corpus, Path cache, Supplier<ConfigurableApplicationContext> context)
			throws IOException {
		List<SciFact.Passage> passages = SciFact.corpus(corpus);
		Map<String, String> allQueries = SciFact.queries(corpus);
		LinkedHashSet<String> judged = new LinkedHashSet<>();
		judged.addAll(SciFact.qrels(corpus.resolve("qrels/test.tsv")).keySet());
		judged.addAll(SciFact.qrels(corpus.resolve("qrels/train.tsv")).keySet());
		List<String> texts = passages.stream().map(SciFact.Passage::full).toList();
		List<String> queries = judged.stream().map(allQueries::get).toList();
		if (!Files.exists(cache)) {
			embed(texts, queries, cache, context.get());
		}
		float[][] vectors = new float[texts.size()][];
		float[][] queryVectors = new float[queries.size()][];
		try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(cache)))) {
			read(in, vectors);
			read(in, queryVectors);
		}
		Map<String, float[]> byText = new HashMap<>();
		for (int i = 0; i < texts.size(); i++) {
			byText.put(texts.get(i), vectors[i]);
		}
		for (int q = 0; q < queries.size(); q++) {
			byText.put(queries.get(q), queryVectors[q]);
		}
		return new SearchBenchmark.SearchSet() {

			@Override
			public String name() {
				return "SciFact (bge-small-en-v1.5 int8 vectors)";
			}

			@Override
			public int size() {
				return texts.size();
			}

			@Override
			public int dimensions() {
				return vectors[0].length;
			}

			@Override
			public String text(int i) {
				return texts.get(i);
			}

			@Override
			public float[] vector(int i) {
				return vectors[i];
			}

			@Override
			public int queries() {
				return queries.size();
			}

			@Override
			public String queryText(int q) {
				return queries.get(q);
			}

			@Override
			public float[] vectorOf(String text) {
				return byText.get(text);
			}

		};
	}

	private static void embed(List<String> texts, List<String> queries, Path cache,
			ConfigurableApplicationContext context) throws IOException {
		EmbeddingModel model = context.getBean(EmbeddingModel.class);
		QueryEmbedder queryEmbedder = context.getBean(QueryEmbedder.class);
		List<float[]> vectors = new ArrayList<>(texts.size());
		long t = System.nanoTime();
		for (int i = 0; i < texts.size(); i += 256) {
			vectors.addAll(model.embed(texts.subList(i, Math.min(i + 256, texts.size()))));
			System.out.printf("  embedded %d of %d passages in %.0f s%n", vectors.size(), texts.size(),
					(System.nanoTime() - t) / 1e9);
		}
		List<float[]> queryVectors = queries.stream().map(queryEmbedder::embed).toList();
		Files.createDirectories(cache.getParent());
		Path partial = cache.resolveSibling(cache.getFileName() + ".partial");
		try (DataOutputStream out = new DataOutputStream(
				new java.io.BufferedOutputStream(Files.newOutputStream(partial)))) {
			write(out, vectors);
			write(out, queryVectors);
		}
		Files.move(partial, cache);
	}

	private static void write(DataOutputStream out, List<float[]> vectors) throws IOException {
		out.writeInt(vectors.size());
		out.writeInt(vectors.get(0).length);
		for (float[] vector : vectors) {
			for (float x : vector) {
				out.writeFloat(x);
			}
		}
	}

	private static void read(DataInputStream in, float[][] vectors) throws IOException {
		int n = in.readInt();
		int dimensions = in.readInt();
		if (n != vectors.length) {
			throw new IOException("The vector cache does not match the data set; delete it");
		}
		for (int i = 0; i < n; i++) {
			vectors[i] = new float[dimensions];
			for (int d = 0; d < dimensions; d++) {
				vectors[i][d] = in.readFloat();
			}
		}
	}

}
