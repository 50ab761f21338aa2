package dev.ragchat.retrieval.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
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
 * at once) take runs from one priority queue. Single queries (a search) go first, then
 * the runs of interactive calls with many batches (the sentences of an answer's sources),
 * then bulk work (ingestion); within a priority, calls in arrival order and a call's
 * batches in order. Every batch is its own run, so a query waits at most for the runs
 * already under way, never behind a whole answer or a whole document: ingestion yields to
 * queries between batches. Built on the JDK's {@link ThreadPoolExecutor} with a
 * {@link PriorityBlockingQueue}.
 */
final class ModelRuns implements AutoCloseable {

	/** Who is waiting, most urgent first. */
	enum Priority {

		/** One text someone waits for (a search's query). */
		QUERY,

		/** Many texts someone waits for (an answer's sentences). */
		INTERACTIVE,

		/** Ingestion. */
		BULK

	}

	private final ThreadPoolExecutor runners;

	private final AtomicLong arrivals = new AtomicLong();

	/**
	 * @param parallelRuns how many runs may go at once
	 * @param name the runner threads' name prefix
	 */
	ModelRuns(int parallelRuns, String name) {
		Assert.isTrue(parallelRuns >= 1, "parallelRuns must be at least 1");
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
	 * Queues one run per batch and waits for them all.
	 * @param priority the priority of every run of this call
	 * @param batches the batches, in order
	 * @param work what to do with one batch (on a runner thread)
	 * @param <B> a batch
	 * @param <R> the result of one batch
	 * @return the results, in the order of the batches
	 */
	<B, R> List<R> runAll(Priority priority, List<B> batches, Function<B, R> work) {
		long call = this.arrivals.getAndIncrement();
		List<Run<R>> runs = new ArrayList<>(batches.size());
		for (int i = 0; i < batches.size(); i++) {
			B batch = batches.get(i);
			Run<R> run = new Run<>(() -> work.apply(batch), priority, call, i);
			runs.add(run);
			this.runners.execute(run);
		}
		List<R> results = new ArrayList<>(runs.size());
		try {
			for (Run<R> run : runs) {
				results.add(await(run));
			}
		}
		catch (RuntimeException | Error ex) {
			runs.forEach((run) -> run.cancel(false));
			throw ex;
		}
		return results;
	}

	/**
	 * Runs one piece of work when its turn comes.
	 * @param priority its priority
	 * @param work the work (on a runner thread)
	 * @param <R> its result
	 * @return its result
	 */
	<R> R run(Priority priority, Callable<R> work) {
		return runAll(priority, List.of(work), (callable) -> {
			try {
				return callable.call();
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).get(0);
	}

	/**
	 * @return how many runs are waiting for a runner (for tests and diagnostics)
	 */
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

	/** A queued run, ordered by priority, then by its call's arrival, then within it. */
	private static final class Run<R> extends FutureTask<R> implements Comparable<Run<?>> {

		private final Priority priority;

		private final long call;

		private final int index;

		Run(Callable<R> work, Priority priority, long call, int index) {
			super(work);
			this.priority = priority;
			this.call = call;
			this.index = index;
		}

		@Override
		public int compareTo(Run<?> other) {
			int byPriority = this.priority.compareTo(other.priority);
			if (byPriority != 0) {
				return byPriority;
			}
			int byCall = Long.compare(this.call, other.call);
			return (byCall != 0) ? byCall : Integer.compare(this.index, other.index);
		}

	}

}
