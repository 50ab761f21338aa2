package dev.ragchat.sources;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.scheduling.RecurringJobBuilder;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.support.CronExpression;

/**
 * Starts the runs the sources' schedules (an interval, or a cron expression in UTC) are
 * due for, deletes the sources of deleted knowledge bases, and ends the runs left without
 * a job: a JobRunr recurring job ({@link Check}, every
 * {@code ragchat.sync.check-interval}) that JobRunr hands to one node at a time, as it
 * does the runs themselves. Each node writes the recurring job when it starts (the same
 * id: the last one's interval holds); JobRunr skips a check while the one before has not
 * ended.
 * <p>
 * The sources' schedules stay here rather than as one JobRunr recurring job each: a
 * schedule counts from a source's last run, whichever started it (an interval is "so many
 * minutes since the last sync", a sync by hand moves the next cron run on), and a source
 * whose last run JobRunr gave up on is skipped until a sync by hand; JobRunr's recurring
 * jobs fire on their own clock, and would have to be kept in step with every source
 * created, changed or deleted. Should two checks meet all the same (a node's clock
 * ahead), the source store's compare-and-set on the last run's start lets one start the
 * run.
 */
public final class SyncSchedules implements JobRequestHandler<SyncSchedules.Check>, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(SyncSchedules.class);

	/** The id of the recurring job. */
	static final String JOB_ID = "sync-schedules";

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

	private final JobRequestScheduler jobs;

	private final Duration every;

	private final Clock clock;

	private final Predicate<String> knowledgeBaseExists;

	private volatile boolean started;

	/**
	 * @param workers starts the runs, and ends the lost ones
	 * @param jobStorage the store of the runs' jobs, where a run's job is looked up
	 * @param jobs where the recurring job is written
	 * @param every how often the schedules are checked
	 */
	SyncSchedules(SourceStore store, SyncWorkers workers, StorageProvider jobStorage, JobRequestScheduler jobs,
			Duration every, Clock clock, Predicate<String> knowledgeBaseExists) {
		this.store = store;
		this.workers = workers;
		this.jobStorage = jobStorage;
		this.jobs = jobs;
		this.every = every;
		this.clock = clock;
		this.knowledgeBaseExists = knowledgeBaseExists;
	}

	/**
	 * Checks the schedules, handed over by JobRunr. A check that fails is logged, not
	 * retried: the next one comes an interval later.
	 * @param job the check
	 */
	@Override
	public void run(Check job) {
		try {
			check();
		}
		catch (RuntimeException ex) {
			logger.warn("Checking the sync schedules failed", ex);
		}
	}

	/**
	 * Ends the runs whose job is lost, and starts the scheduled ones.
	 */
	void check() {
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

	/**
	 * Writes the recurring job (or its new interval) to JobRunr's store.
	 */
	@Override
	public void start() {
		this.jobs.createRecurrently(RecurringJobBuilder.aRecurringJob()
			.withId(JOB_ID)
			.withName("Check the sync sources' schedules")
			.withInterval(this.every)
			.withAmountOfRetries(0)
			.withJobRequest(new Check()));
		this.started = true;
	}

	/**
	 * Leaves the recurring job to the other nodes (JobRunr hands a check only to a node
	 * whose job server runs).
	 */
	@Override
	public void stop() {
		this.started = false;
	}

	@Override
	public boolean isRunning() {
		return this.started;
	}

	/**
	 * A check of the schedules as JobRunr keeps it (its JSON, with this class's name):
	 * nothing but its handler, which reads the sources when it runs.
	 */
	public record Check() implements JobRequest {

		@Override
		public Class<SyncSchedules> getJobRequestHandler() {
			return SyncSchedules.class;
		}

	}

}
