package dev.ragchat.retrieval.embedding;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ragchat.retrieval.onnx.InProcessModel;
import dev.ragchat.retrieval.onnx.OnnxEmbeddingModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The query cache in front of the real model (offline) and of a counting stand-in.
 */
class QueryVectorsTests {

	static OnnxEmbeddingModel model;

	@BeforeAll
	static void load() {
		// the default settings: one thread a run, one text a run
		model = new OnnxEmbeddingModel(InProcessModel.BGE_SMALL, 1, 1);
	}

	@AfterAll
	static void close() {
		model.close();
	}

	@Test
	void givesTheModelsOwnVectorForEveryQueryCachedOrNot() {
		QueryEmbedder cached = QueryVectors.cached(model.queries(), 100);
		List<String> queries = List.of("vitamin D deficiency", "How long do refunds take?",
				"Does smoking during pregnancy affect birth weight?");
		for (String query : queries) {
			float[] direct = model.queries().embed(query);
			assertThat(cached.embed(query)).isEqualTo(direct);
			assertThat(cached.embed(query)).isEqualTo(direct);
		}
	}

	@Test
	void givesConcurrentCallersEachTheirOwnQuerysVector() throws Exception {
		QueryEmbedder cached = QueryVectors.cached(model.queries(), 100);
		List<String> queries = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			queries.add("question number " + (i % 8) + " about " + ((i % 8 < 4) ? "cells" : "proteins"));
		}
		List<float[]> expected = queries.stream().map(model.queries()::embed).toList();
		ExecutorService callers = Executors.newFixedThreadPool(8);
		try {
			List<Future<float[]>> vectors = new ArrayList<>();
			for (String query : queries) {
				vectors.add(callers.submit(() -> cached.embed(query)));
			}
			for (int i = 0; i < queries.size(); i++) {
				assertThat(vectors.get(i).get()).as(queries.get(i)).isEqualTo(expected.get(i));
			}
		}
		finally {
			callers.shutdownNow();
		}
	}

	@Test
	void embedsARepeatedQueryOnce() throws Exception {
		AtomicInteger runs = new AtomicInteger();
		QueryEmbedder cached = QueryVectors.cached((query) -> {
			runs.incrementAndGet();
			return new float[] { query.length(), 1 };
		}, 10);
		ExecutorService callers = Executors.newFixedThreadPool(4);
		try {
			List<Future<float[]>> vectors = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				vectors.add(callers.submit(() -> cached.embed("the same question")));
			}
			for (Future<float[]> vector : vectors) {
				assertThat(vector.get()).containsExactly(17, 1);
			}
		}
		finally {
			callers.shutdownNow();
		}
		assertThat(runs).hasValue(1);
		cached.embed("another question");
		assertThat(runs).hasValue(2);
	}

	@Test
	void handsEachCallerACopyThatTheCacheDoesNotShare() {
		QueryEmbedder cached = QueryVectors.cached((query) -> new float[] { 1, 2 }, 10);
		float[] first = cached.embed("q");
		first[0] = 99;
		assertThat(cached.embed("q")).containsExactly(1, 2);
	}

	@Test
	void keepsNoFailureSoTheNextCallAsksTheModelAgain() {
		AtomicInteger runs = new AtomicInteger();
		QueryEmbedder cached = QueryVectors.cached((query) -> {
			if (runs.incrementAndGet() == 1) {
				throw new IllegalStateException("model down");
			}
			return new float[] { 3 };
		}, 10);
		assertThatIllegalStateException().isThrownBy(() -> cached.embed("q")).withMessage("model down");
		assertThat(cached.embed("q")).containsExactly(3);
		assertThat(runs).hasValue(2);
	}

	@Test
	void asksTheModelEveryTimeWhenTheCacheIsOff() {
		AtomicInteger runs = new AtomicInteger();
		QueryEmbedder counting = (query) -> new float[] { runs.incrementAndGet() };
		QueryEmbedder uncached = QueryVectors.cached(counting, 0);
		assertThat(uncached).isSameAs(counting);
		uncached.embed("q");
		uncached.embed("q");
		assertThat(runs).hasValue(2);
	}

}
