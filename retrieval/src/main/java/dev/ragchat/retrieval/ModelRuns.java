package dev.ragchat.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.springframework.util.Assert;

/**
 * Admission to a shared model: a fixed number of runner threads (one per run that may go
 * at once) take runs from one queue, queries first, and in arrival order within each
 * priority. A caller with many batches holds at most one place in the queue per lane and
 * queues again after each batch, so a long call (ingesting a document, embedding the
 * sentences of an answer's sources) takes turns with everyone else instead of going ahead
 * of them, and a query waits at most for the runs already under way. Bulk runs
 * (ingestion) go only when no query waits. Built on the JDK's {@link ThreadPoolExecutor}
 * with a {@link PriorityBlockingQueue}.
 */
final class ModelRuns implements AutoCloseable {

	/** Who is waiting: queries (someone waits for an answer) go before bulk work. */
	enum Priority {

		QUERY, BULK

	}

	private final ThreadPoolExecutor runners;

	private final AtomicLong arrivals = new AtomicLong();

	private final int parallelRuns;

	/**
	 * @param parallelRuns how many runs may go at once
	 * @param name the runner threads' name prefix
	 */
	ModelRuns(int parallelRuns, String name) {
		Assert.isTrue(parallelRuns >= 1, "parallelRuns must be at least 1");
		this.parallelRuns = parallelRuns;
		AtomicInteger count = new AtomicInteger();
		ThreadFactory threads = (runnable) -> {
			Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		this.runners = new ThreadPoolExecutor(parallelRuns, parallelRuns, 0, TimeUnit.MILLISECONDS,
				new PriorityBlockingQueue<>(), threads);
		// every run goes through the queue, none straight to a newly started thread
		this.runners.prestartAllCoreThreads();
	}

	/**
	 * Runs {@code work} on each batch, at most one run per lane at a time (as many lanes
	 * as runs may go at once), each lane queueing again for its next batch.
	 * @param priority the priority of every run of this call
	 * @param batches the batches, in order
	 * @param work what to do with one batch (on a runner thread)
	 * @return the results, in the order of the batches
	 */
	<B, R> List<R> runAll(Priority priority, List<B> batches, Function<B, R> work) {
		List<R> results = new ArrayList<>(batches.size());
		for (int i = 0; i < batches.size(); i++) {
			results.add(null);
		}
		AtomicInteger next = new AtomicInteger();
		Runnable lane = () -> {
			for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
				B batch = batches.get(i);
				results.set(i, run(priority, () -> work.apply(batch)));
			}
		};
		int lanes = Math.min(this.parallelRuns, batches.size());
		if (lanes <= 1) {
			lane.run();
			return results;
		}
		try (var others = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> running = new ArrayList<>(lanes - 1);
			for (int i = 1; i < lanes; i++) {
				running.add(others.submit(lane));
			}
			lane.run();
			for (Future<?> other : running) {
				await(other);
			}
		}
		return results;
	}

	/**
	 * Runs one piece of work when its turn comes.
	 * @param priority its priority
	 * @param work the work (on a runner thread)
	 * @return its result
	 */
	<R> R run(Priority priority, Callable<R> work) {
		Run<R> run = new Run<>(work, priority, this.arrivals.getAndIncrement());
		this.runners.execute(run);
		try {
			return await(run);
		}
		catch (RuntimeException ex) {
			run.cancel(false);
			throw ex;
		}
	}

	/** How many runs are waiting for a runner (for tests and diagnostics). */
	int waiting() {
		return this.runners.getQueue().size();
	}

	private static <R> R await(Future<R> future) {
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException("Embedding failed", cause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while embedding", ex);
		}
	}

	@Override
	public void close() {
		this.runners.shutdownNow();
	}

	/** A queued run, ordered by priority and then by arrival. */
	private static final class Run<R> extends FutureTask<R> implements Comparable<Run<?>> {

		private final Priority priority;

		private final long arrival;

		Run(Callable<R> work, Priority priority, long arrival) {
			super(work);
			this.priority = priority;
			this.arrival = arrival;
		}

		@Override
		public int compareTo(Run<?> other) {
			int byPriority = this.priority.compareTo(other.priority);
			return (byPriority != 0) ? byPriority : Long.compare(this.arrival, other.arrival);
		}

	}

}
