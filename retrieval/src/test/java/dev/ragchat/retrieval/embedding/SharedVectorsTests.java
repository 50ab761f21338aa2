package dev.ragchat.retrieval.embedding;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.ragchat.retrieval.onnx.InProcessModel;
import dev.ragchat.retrieval.onnx.OnnxEmbeddingModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Texts shared between callers, with a recording stand-in for the model and with the real
 * model (offline).
 */
class SharedVectorsTests {

	private final List<List<String>> calls = new CopyOnWriteArrayList<>();

	private final Function<List<String>, List<float[]>> lengths = (texts) -> {
		this.calls.add(texts);
		return texts.stream().map((text) -> new float[] { text.length() }).toList();
	};

	@Test
	void embedsATextUnderWayOnceForEveryCallerThatNeedsIt() throws Exception {
		SharedVectors shared = new SharedVectors(0);
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService callers = Executors.newFixedThreadPool(2);
		try {
			Future<List<float[]>> first = callers.submit(() -> shared.of(List.of("alpha"), (texts) -> {
				entered.countDown();
				await(release);
				return this.lengths.apply(texts);
			}));
			assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
			// "alpha" is under way: the second caller embeds only what no one else does
			Future<List<float[]>> second = callers
				.submit(() -> shared.of(List.of("alpha", "be", "alpha"), this.lengths));
			while (this.calls.isEmpty()) {
				Thread.onSpinWait();
			}
			assertThat(this.calls).containsExactly(List.of("be"));
			release.countDown();
			assertThat(first.get()).containsExactly(new float[] { 5 });
			assertThat(second.get()).containsExactly(new float[] { 5 }, new float[] { 2 }, new float[] { 5 });
			assertThat(this.calls).containsExactly(List.of("be"), List.of("alpha"));
		}
		finally {
			release.countDown();
			callers.shutdownNow();
		}
	}

	@Test
	void keepsNothingAfterItsRunWhenNoneAreToBeKept() {
		SharedVectors shared = new SharedVectors(0);
		shared.of(List.of("alpha"), this.lengths);
		shared.of(List.of("alpha"), this.lengths);
		assertThat(this.calls).containsExactly(List.of("alpha"), List.of("alpha"));
	}

	@Test
	void keepsVectorsForLaterCallersWhenAsked() {
		SharedVectors shared = new SharedVectors(10);
		shared.of(List.of("alpha", "be"), this.lengths);
		assertThat(shared.of(List.of("be", "alpha", "cee"), this.lengths)).containsExactly(new float[] { 2 },
				new float[] { 5 }, new float[] { 3 });
		assertThat(this.calls).containsExactly(List.of("alpha", "be"), List.of("cee"));
	}

	@Test
	void failsEveryWaiterOfAFailedRunAndAsksTheModelAgainNextTime() {
		SharedVectors shared = new SharedVectors(10);
		assertThatIllegalStateException().isThrownBy(() -> shared.of(List.of("alpha"), (texts) -> {
			throw new IllegalStateException("model down");
		})).withMessage("model down");
		assertThat(shared.of(List.of("alpha"), this.lengths)).containsExactly(new float[] { 5 });
	}

	@Test
	void handsEachCallerACopy() {
		SharedVectors shared = new SharedVectors(10);
		shared.of(List.of("alpha"), this.lengths).get(0)[0] = 99;
		assertThat(shared.of(List.of("alpha"), this.lengths)).containsExactly(new float[] { 5 });
	}

	@Test
	void givesConcurrentAnswersTheModelsOwnVectorsOfTheirSentences() throws Exception {
		List<String> sentences = List.of("Vitamin D is made in the skin.", "Smoking lowers birth weight.",
				"Refunds are paid within fourteen days.", "The hangar opened in 1930.", "Cells divide by mitosis.",
				"Proteins fold into shapes.");
		try (OnnxEmbeddingModel alone = new OnnxEmbeddingModel(InProcessModel.BGE_SMALL, 1, 1);
				OnnxEmbeddingModel shared = new OnnxEmbeddingModel(InProcessModel.BGE_SMALL, 1, 1, 0)) {
			List<float[]> expected = sentences.stream().map(alone::embed).toList();
			ExecutorService answers = Executors.newFixedThreadPool(6);
			try {
				List<List<Integer>> picks = new ArrayList<>();
				List<Future<List<float[]>>> results = new ArrayList<>();
				for (int a = 0; a < 12; a++) {
					List<Integer> pick = List.of(a % 6, (a + 1) % 6, (a + 3) % 6);
					picks.add(pick);
					results.add(answers.submit(() -> shared.embed(pick.stream().map(sentences::get).toList())));
				}
				for (int a = 0; a < 12; a++) {
					List<float[]> vectors = results.get(a).get();
					for (int i = 0; i < 3; i++) {
						assertThat(vectors.get(i)).isEqualTo(expected.get(picks.get(a).get(i)));
					}
				}
			}
			finally {
				answers.shutdownNow();
			}
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
