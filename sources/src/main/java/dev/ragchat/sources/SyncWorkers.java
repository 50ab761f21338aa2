package dev.ragchat.sources;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.support.CronExpression;

/**
 * Runs syncs on this node: each run on its own (virtual) thread, its source's claim kept
 * alive by heartbeats. Every {@code tick} it restarts the runs whose node stopped (their
 * lease ran out: the run is marked FAILED with that reason and a new one, triggered
 * {@code restart}, takes its place) and starts the runs the sources' schedules (an
 * interval, or a cron expression in UTC) are due for. A run cut off that way has left
 * nothing half-indexed: each document it queued is READY or FAILED as a whole, and the
 * restart compares again from the start. A source whose last {@value #MAX_CUT_OFFS} runs
 * were all cut off (a sync that takes its node down each time, say) is not restarted, nor
 * started by its schedule, until a sync is started by hand: its last run says why. A run
 * is stopped (cooperatively: between files, while it waits, during a request) when its
 * claim is taken or its source deleted ({@link #cancel}).
 */
final class SyncWorkers implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(SyncWorkers.class);

	/** How many runs in a row may be cut off before a source is no longer restarted. */
	static final int MAX_CUT_OFFS = 3;

	/** How the error of a run cut off starts. */
	static final String CUT_OFF = "Cut off: ";

	private final SourceStore store;

	private final SyncRunner runner;

	private final SyncProperties properties;

	private final Clock clock;

	private final Predicate<String> knowledgeBaseExists;

	private final String owner = "node-" + UUID.randomUUID();

	private final Map<String, Running> running = new ConcurrentHashMap<>();

	private volatile boolean started;

	private ExecutorService runs;

	private ScheduledExecutorService timer;

	SyncWorkers(SourceStore store, SyncRunner runner, SyncProperties properties, Clock clock,
			Predicate<String> knowledgeBaseExists) {
		this.store = store;
		this.runner = runner;
		this.properties = properties;
		this.clock = clock;
		this.knowledgeBaseExists = knowledgeBaseExists;
	}

	/**
	 * Starts a run of a source, unless one holds it.
	 * @param source the source
	 * @param trigger what starts it
	 * @param deleteMissing whether it deletes the documents whose file is gone
	 * @param lastRunBefore only if its last run started before this ({@code null}: in any
	 * case)
	 * @return the run, RUNNING, or empty if another run holds the source
	 */
	Optional<SyncRun> begin(Source source, String trigger, boolean deleteMissing, Instant lastRunBefore) {
		Instant now = this.clock.instant();
		SyncRun run = new SyncRun("run_" + UUID.randomUUID().toString().replace("-", ""), source.id(),
				source.knowledgeBase(), SyncRun.Status.RUNNING, trigger, deleteMissing, now, null,
				SyncRun.Progress.NONE, SyncRun.Report.EMPTY, null);
		if (!this.store.start(run, this.owner, now.plus(this.properties.lease()), lastRunBefore)) {
			return Optional.empty();
		}
		Running holder = new Running(source.id());
		this.running.put(run.id(), holder);
		executor().submit(() -> {
			try {
				SyncRun ended = this.runner.run(source, run, () -> holder.stopped);
				logger.info("Sync {} of source {} {}: {}", run.id(), source.id(), ended.status(),
						ended.report().summary());
			}
			catch (InterruptedException ex) {
				logger.info(
						"Sync {} of source {} stopped (its source deleted, its claim taken, or the node"
								+ " stopping); if its source is still there, it is restarted once its lease runs out",
						run.id(), source.id());
			}
			finally {
				this.running.remove(run.id());
			}
		});
		return Optional.of(run);
	}

	/**
	 * Stops a run of this node, if it runs here (its source was deleted): it writes
	 * nothing more, and its request under way, if any, is cancelled.
	 * @param runId the run
	 */
	void cancel(String runId) {
		Running run = this.running.get(runId);
		if (run != null) {
			run.stopped = true;
		}
	}

	/**
	 * Restarts the runs cut off (their lease ran out) and starts the scheduled ones.
	 */
	void tick() {
		recover();
		schedules();
	}

	/**
	 * Marks each run whose lease ran out FAILED with the reason and starts it again,
	 * unless its source's runs were cut off {@value #MAX_CUT_OFFS} times in a row.
	 */
	void recover() {
		Instant now = this.clock.instant();
		for (Source source : this.store.expired(now)) {
			String stale = source.activeRunId();
			if (this.running.containsKey(stale)) {
				continue;
			}
			Optional<SyncRun> run = this.store.findRun(stale);
			SyncRun cutOff = run.orElseGet(
					() -> new SyncRun(stale, source.id(), source.knowledgeBase(), SyncRun.Status.RUNNING, "manual",
							source.deleteMissing(), now, null, SyncRun.Progress.NONE, SyncRun.Report.EMPTY, null));
			int inARow = 1 + cutOffsInARow(source.id(), stale);
			if (inARow >= MAX_CUT_OFFS) {
				this.store.finish(cutOff.finished(SyncRun.Status.FAILED, now, cutOff.report(), CUT_OFF
						+ "the node running it stopped before it ended (its lease ran out); " + inARow
						+ " runs in a row were cut off, so it is not restarted, nor started by its schedule, until a"
						+ " sync is started by hand (Sync now). A sync that stops its node each time may be reading"
						+ " more than the node can hold: see the service's log"));
				logger.warn("Sync {} of source {} was cut off, {} runs in a row; not restarted", stale, source.id(),
						inARow);
				continue;
			}
			this.store.finish(cutOff.finished(SyncRun.Status.FAILED, now, cutOff.report(),
					CUT_OFF + "the node running it stopped before it ended (its lease ran out); restarted"));
			if (this.knowledgeBaseExists.test(source.knowledgeBase())) {
				begin(source, "restart", cutOff.deleteMissing(), null).ifPresent((restarted) -> logger
					.info("Sync {} of source {} was cut off; restarted as {}", stale, source.id(), restarted.id()));
			}
		}
	}

	/**
	 * @param sourceId a source
	 * @param besides a run not to count (the one being cut off)
	 * @return how many of its latest runs, one after another, were cut off
	 */
	private int cutOffsInARow(String sourceId, String besides) {
		int count = 0;
		for (SyncRun run : this.store.runs(sourceId, MAX_CUT_OFFS + 1)) {
			if (run.id().equals(besides)) {
				continue;
			}
			if (run.status() != SyncRun.Status.FAILED || run.error() == null || !run.error().startsWith(CUT_OFF)) {
				break;
			}
			count++;
		}
		return count;
	}

	private void schedules() {
		Instant now = this.clock.instant();
		for (Source source : this.store.findAll()) {
			if (!this.knowledgeBaseExists.test(source.knowledgeBase())) {
				// its knowledge base was deleted: the source goes with it
				if (source.activeRunId() == null) {
					this.store.delete(source.id());
				}
				continue;
			}
			if (source.activeRunId() != null) {
				continue;
			}
			Instant due = due(source, now);
			if (due != null && cutOffsInARow(source.id(), null) < MAX_CUT_OFFS) {
				begin(source, "schedule", source.deleteMissing(), due);
			}
		}
	}

	/**
	 * @param source a source
	 * @param now the time
	 * @return when its schedule asked for the run that is due now (its last run must have
	 * started before), or {@code null} if none is due: every {@code intervalMinutes}
	 * since its last run, or the first time its cron schedule (UTC) fires after its last
	 * run (or its creation), once that time has come
	 */
	static Instant due(Source source, Instant now) {
		if (source.intervalMinutes() != null) {
			Instant due = now.minus(Duration.ofMinutes(source.intervalMinutes()));
			return (source.lastRunAt() == null || source.lastRunAt().isBefore(due)) ? due : null;
		}
		if (source.schedule() != null) {
			Instant since = (source.lastRunAt() != null) ? source.lastRunAt() : source.createdAt();
			ZonedDateTime next = CronExpression.parse(source.schedule())
				.next(ZonedDateTime.ofInstant(since, ZoneOffset.UTC));
			return (next != null && !next.toInstant().isAfter(now)) ? next.toInstant() : null;
		}
		return null;
	}

	/**
	 * Renews the claims of this node's runs; a run whose claim was taken is told to stop.
	 */
	void heartbeats() {
		Instant until = this.clock.instant().plus(this.properties.lease());
		for (Map.Entry<String, Running> entry : this.running.entrySet()) {
			if (!this.store.heartbeat(entry.getValue().sourceId, entry.getKey(), until)) {
				// its claim was taken (it was thought cut off): stop writing
				entry.getValue().stopped = true;
			}
		}
	}

	private synchronized ExecutorService executor() {
		if (this.runs == null) {
			this.runs = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ragchat-sync-", 1).factory());
		}
		return this.runs;
	}

	@Override
	public void start() {
		this.started = true;
		this.timer = Executors.newSingleThreadScheduledExecutor((r) -> new Thread(r, "ragchat-sync-timer"));
		long beat = Math.max(1000, this.properties.lease().toMillis() / 3);
		this.timer.scheduleWithFixedDelay(() -> guard(this::heartbeats), beat, beat, TimeUnit.MILLISECONDS);
		long tick = this.properties.tick().toMillis();
		this.timer.scheduleWithFixedDelay(() -> guard(this::tick), 0, tick, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		this.started = false;
		if (this.timer != null) {
			// a running heartbeat or tick ends its write (periodic ones are dropped)
			this.timer.close();
		}
		ExecutorService executor;
		synchronized (this) {
			executor = this.runs;
			this.runs = null;
		}
		if (executor != null) {
			// runs stop at their next file or wait; only one that does not is interrupted
			this.running.values().forEach((run) -> run.stopped = true);
			executor.shutdown();
			try {
				if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
					executor.shutdownNow();
				}
			}
			catch (InterruptedException ex) {
				executor.shutdownNow();
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.started;
	}

	private static void guard(Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			logger.warn("Sync housekeeping failed", ex);
		}
	}

	/**
	 * A run of this node: its source, and whether it is to stop.
	 */
	private static final class Running {

		private final String sourceId;

		private volatile boolean stopped;

		Running(String sourceId) {
			this.sourceId = sourceId;
		}

	}

}
