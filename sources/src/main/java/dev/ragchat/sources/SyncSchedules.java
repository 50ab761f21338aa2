package dev.ragchat.sources;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.support.CronExpression;

/**
 * Every {@code tick}, starts the runs the sources' schedules (an interval, or a cron
 * expression in UTC) are due for, deletes the sources of deleted knowledge bases, and
 * ends the runs left without a job.
 * <p>
 * The schedules stay here rather than as JobRunr recurring jobs: a schedule counts from a
 * source's last run, whichever started it (an interval is "so many minutes since the last
 * sync", a sync by hand moves the next cron run on), and a source whose last run JobRunr
 * gave up on is skipped until a sync by hand; JobRunr's recurring jobs fire on their own
 * clock, and would have to be kept in step with every source created, changed or deleted.
 * On several nodes each looks; the source store's compare-and-set on the last run's start
 * lets one of them start the run.
 */
final class SyncSchedules implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(SyncSchedules.class);

	/**
	 * How long a run may be RUNNING without a job before it is taken as lost (the node
	 * stopped between starting it and queuing its job).
	 */
	static final Duration LOST_AFTER = Duration.ofMinutes(1);

	/** The states of a job that will still run its sync. */
	private static final Set<StateName> PENDING = Set.of(StateName.AWAITING, StateName.SCHEDULED, StateName.ENQUEUED,
			StateName.PROCESSING);

	private final SourceStore store;

	private final SyncWorkers workers;

	private final StorageProvider jobStorage;

	private final Duration tick;

	private final Clock clock;

	private final Predicate<String> knowledgeBaseExists;

	private volatile boolean started;

	private ScheduledExecutorService timer;

	/**
	 * @param workers starts the runs, and ends the lost ones
	 * @param jobStorage the store of the runs' jobs, where a run's job is looked up
	 * @param tick how often it looks
	 */
	SyncSchedules(SourceStore store, SyncWorkers workers, StorageProvider jobStorage, Duration tick, Clock clock,
			Predicate<String> knowledgeBaseExists) {
		this.store = store;
		this.workers = workers;
		this.jobStorage = jobStorage;
		this.tick = tick;
		this.clock = clock;
		this.knowledgeBaseExists = knowledgeBaseExists;
	}

	/**
	 * Ends the runs whose job is lost, and starts the scheduled ones.
	 */
	void tick() {
		Instant now = this.clock.instant();
		for (Source source : this.store.findAll()) {
			if (source.activeRunId() != null) {
				lost(source.activeRunId(), now);
				continue;
			}
			if (!this.knowledgeBaseExists.test(source.knowledgeBase())) {
				// its knowledge base was deleted: the source goes with it
				this.store.delete(source.id());
				continue;
			}
			Instant due = due(source, now);
			if (due != null && !givenUp(source)) {
				this.workers.begin(source, "schedule", source.deleteMissing(), due);
			}
		}
	}

	/**
	 * Ends FAILED, cut off, a run that has no job that will run it: the node that started
	 * it stopped before it queued the job, or JobRunr gave up on it while the store could
	 * not be written.
	 */
	private void lost(String runId, Instant now) {
		SyncRun run = this.store.findRun(runId).orElse(null);
		if (run == null || run.status() != SyncRun.Status.RUNNING || run.startedAt().isAfter(now.minus(LOST_AFTER))) {
			return;
		}
		StateName state;
		try {
			state = this.jobStorage.getJobById(SyncWorkers.jobId(runId)).getState();
		}
		catch (JobNotFoundException ex) {
			state = null;
		}
		if (state == null) {
			this.workers.cutOff(runId, "its job was lost");
		}
		else if (!PENDING.contains(state)) {
			this.workers.cutOff(runId, "its job ended " + state);
		}
	}

	/**
	 * @return whether the source's last run was given up on, cut off
	 */
	private boolean givenUp(Source source) {
		return Optional.ofNullable(source.lastRunId())
			.flatMap(this.store::findRun)
			.filter((run) -> run.status() == SyncRun.Status.FAILED && run.error() != null
					&& run.error().startsWith(SyncWorkers.CUT_OFF))
			.isPresent();
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

	@Override
	public void start() {
		this.started = true;
		this.timer = Executors.newSingleThreadScheduledExecutor((r) -> new Thread(r, "ragchat-sync-timer"));
		long every = this.tick.toMillis();
		this.timer.scheduleWithFixedDelay(this::guardedTick, 0, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		this.started = false;
		if (this.timer != null) {
			// a running tick ends its write (periodic ones are dropped)
			this.timer.close();
		}
	}

	@Override
	public boolean isRunning() {
		return this.started;
	}

	private void guardedTick() {
		try {
			tick();
		}
		catch (RuntimeException ex) {
			logger.warn("Sync housekeeping failed", ex);
		}
	}

}
