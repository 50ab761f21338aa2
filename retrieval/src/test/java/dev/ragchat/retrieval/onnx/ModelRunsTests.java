package dev.ragchat.retrieval.onnx;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import dev.ragchat.retrieval.onnx.ModelRuns.Priority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The order in which waiting work gets the model, on one runner that a first run holds
 * until the test lets it go: no timing, only order.
 */
class ModelRunsTests {

	final ModelRuns runs = new ModelRuns(1, "test-runs");

	final List<String> order = new CopyOnWriteArrayList<>();

	final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void close() {
		this.release.countDown();
		this.runs.close();
	}

	@Test
	void admitsQueriesInArrivalOrder() throws Exception {
		CompletableFuture<?> holder = holdTheRunner();
		List<CompletableFuture<?>> queries = List.of(queue(Priority.QUERY, "q1"), queue(Priority.QUERY, "q2"),
				queue(Priority.QUERY, "q3"));
		this.release.countDown();
		holder.join();
		queries.forEach(CompletableFuture::join);
		assertThat(this.order).containsExactly("holder", "q1", "q2", "q3");
	}

	@Test
	void admitsAWaitingQueryBeforeBulkBatchesThatArrivedEarlier() throws Exception {
		CompletableFuture<?> holder = holdTheRunner();
		CompletableFuture<?> bulk1 = queue(Priority.BULK, "bulk1");
		CompletableFuture<?> bulk2 = queue(Priority.BULK, "bulk2");
		CompletableFuture<?> query = queue(Priority.QUERY, "query");
		this.release.countDown();
		CompletableFuture.allOf(holder, bulk1, bulk2, query).join();
		assertThat(this.order).containsExactly("holder", "query", "bulk1", "bulk2");
	}

	@Test
	void letsAQueryThenAnAnswersSentencesGoBetweenTheBatchesOfIngestion() throws Exception {
		// an ingestion call of three batches; its first batch holds the runner
		CountDownLatch firstBatchRunning = new CountDownLatch(1);
		CompletableFuture<List<String>> ingestion = CompletableFuture
			.supplyAsync(() -> this.runs.runAll(Priority.BULK, List.of("b1", "b2", "b3"), (batch) -> {
				if (batch.equals("b1")) {
					firstBatchRunning.countDown();
					awaitRelease();
				}
				this.order.add(batch);
				return batch;
			}), ModelRunsTests::thread);
		firstBatchRunning.await();
		await().until(() -> this.runs.waiting() == 2);
		// then an answer's two sentences, then a search's query
		CompletableFuture<?> sentences = CompletableFuture.runAsync(
				() -> this.runs.runAll(Priority.INTERACTIVE, List.of("s1", "s2"), (batch) -> this.order.add(batch)),
				ModelRunsTests::thread);
		await().until(() -> this.runs.waiting() == 4);
		CompletableFuture<?> query = queue(Priority.QUERY, "query");
		this.release.countDown();
		CompletableFuture.allOf(ingestion, sentences, query).join();
		assertThat(ingestion.join()).containsExactly("b1", "b2", "b3");
		assertThat(this.order).containsExactly("b1", "query", "s1", "s2", "b2", "b3");
	}

	@Test
	void finishesInteractiveCallsInArrivalOrder() throws Exception {
		CompletableFuture<?> holder = holdTheRunner();
		CompletableFuture<?> first = CompletableFuture.runAsync(
				() -> this.runs.runAll(Priority.INTERACTIVE, List.of("a1", "a2"), (batch) -> this.order.add(batch)),
				ModelRunsTests::thread);
		await().until(() -> this.runs.waiting() == 2);
		CompletableFuture<?> second = CompletableFuture.runAsync(
				() -> this.runs.runAll(Priority.INTERACTIVE, List.of("b1", "b2"), (batch) -> this.order.add(batch)),
				ModelRunsTests::thread);
		await().until(() -> this.runs.waiting() == 4);
		this.release.countDown();
		CompletableFuture.allOf(holder, first, second).join();
		assertThat(this.order).containsExactly("holder", "a1", "a2", "b1", "b2");
	}

	/** Starts a run that holds the only runner until {@link #release}. */
	private CompletableFuture<?> holdTheRunner() throws InterruptedException {
		CountDownLatch running = new CountDownLatch(1);
		CompletableFuture<?> holder = CompletableFuture.runAsync(() -> this.runs.run(Priority.BULK, () -> {
			running.countDown();
			awaitRelease();
			return this.order.add("holder");
		}), ModelRunsTests::thread);
		running.await();
		return holder;
	}

	/** Queues a run and returns once it is waiting, so that arrivals are ordered. */
	private CompletableFuture<?> queue(Priority priority, String name) {
		int before = this.runs.waiting();
		CompletableFuture<?> run = CompletableFuture.runAsync(() -> this.runs.run(priority, () -> this.order.add(name)),
				ModelRunsTests::thread);
		await().until(() -> this.runs.waiting() == before + 1);
		return run;
	}

	/** Each caller on a thread of its own (the common pool may have only one). */
	private static void thread(Runnable task) {
		new Thread(task).start();
	}

	private void awaitRelease() {
		try {
			this.release.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
