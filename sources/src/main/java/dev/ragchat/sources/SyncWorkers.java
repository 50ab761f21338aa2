package dev.ragchat.sources;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.ragchat.errors.UnavailableException;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.filters.ApplyStateFilter;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.jobrunr.jobs.states.FailedState;
import org.jobrunr.jobs.states.JobState;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobBuilder;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Runs syncs as JobRunr jobs ({@link RunJob}: a source's id and its run's id), kept in
 * the catalog's store beside the runs. A run is started in the source store first (a
 * compare-and-set on the source: one run per source at a time, whichever node asks), then
 * handed to JobRunr, which runs it on any node. A run cut off by a dead node (JobRunr
 * finds its job orphaned) or by a node that stops (its job is interrupted) is run again
 * by JobRunr, from the start: nothing is half-indexed, as each document it queued is
 * READY or FAILED as a whole, and the run finds what was done already unchanged.
 * <p>
 * JobRunr's retries take the place of the hand-kept count of cut-off runs: a run is tried
 * at most {@value #MAX_CUT_OFFS} times ({@code MAX_CUT_OFFS - 1} retries); when JobRunr
 * gives up, the run ends FAILED, cut off ({@link #onStateApplied}), and its source is not
 * started by its schedule until a sync is started by hand: a sync that takes its node
 * down each time is not restarted forever.
 * <p>
 * A run is stopped cooperatively (between files, while it waits, during a request), never
 * by an interrupt, which would close the embedded catalog's file: on this node at once
 * when its source is deleted ({@link #cancel}) or the service stops, on another within
 * {@link #LOOK_EVERY}, when it finds its source deleted or its run ended.
 * <p>
 * The schedules, and the runs left without a job, are {@link SyncSchedules}'.
 */
public final class SyncWorkers implements JobRequestHandler<SyncWorkers.RunJob>, ApplyStateFilter, SmartLifecycle,
		ApplicationListener<ContextClosedEvent> {

	private static final Logger logger = LoggerFactory.getLogger(SyncWorkers.class);

	/** How many times a run is tried (cut off and run again) before JobRunr gives up. */
	static final int MAX_CUT_OFFS = 3;

	/** How the error of a run cut off starts. */
	static final String CUT_OFF = "Cut off: ";

	/** How often a run looks whether its source was deleted or it was ended elsewhere. */
	static final Duration LOOK_EVERY = Duration.ofSeconds(1);

	private final SourceStore store;

	private final SyncRunner runner;

	private final JobRequestScheduler jobs;

	private final Clock clock;

	private final Map<String, Running> running = new ConcurrentHashMap<>();

	private volatile boolean started;

	private volatile boolean stopping;

	/**
	 * @param jobs hands runs to JobRunr
	 */
	SyncWorkers(SourceStore store, SyncRunner runner, JobRequestScheduler jobs, Clock clock) {
		this.store = store;
		this.runner = runner;
		this.jobs = jobs;
		this.clock = clock;
	}

	/**
	 * @param runId a run
	 * @return the id of its job
	 */
	static UUID jobId(String runId) {
		return UUID.nameUUIDFromBytes(("sync:" + runId).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Starts a run of a source, unless one holds it, and hands it to JobRunr.
	 * @param source the source
	 * @param trigger what starts it
	 * @param deleteMissing whether it deletes the documents whose file is gone
	 * @param lastRunBefore only if its last run started before this ({@code null}: in any
	 * case)
	 * @return the run, RUNNING, or empty if another run holds the source
	 * @throws UnavailableException if the job store cannot take the run (the run ends
	 * FAILED)
	 */
	Optional<SyncRun> begin(Source source, String trigger, boolean deleteMissing, Instant lastRunBefore) {
		Instant now = this.clock.instant();
		SyncRun run = new SyncRun("run_" + UUID.randomUUID().toString().replace("-", ""), source.id(),
				source.knowledgeBase(), SyncRun.Status.RUNNING, trigger, deleteMissing, now, null,
				SyncRun.Progress.NONE, SyncRun.Report.EMPTY, null);
		if (!this.store.start(run, lastRunBefore)) {
			return Optional.empty();
		}
		try {
			this.jobs.create(JobBuilder.aJob()
				.withId(jobId(run.id()))
				.withName("Sync " + run.id() + " of source " + source.id())
				.withAmountOfRetries(MAX_CUT_OFFS - 1)
				.withJobRequest(new RunJob(source.id(), run.id())));
		}
		catch (RuntimeException ex) {
			logger.warn("Sync {} of source {} could not be queued", run.id(), source.id(), ex);
			this.store.finish(run.finished(SyncRun.Status.FAILED, this.clock.instant(), SyncRun.Report.EMPTY,
					"The sync could not be queued (the job store did not answer); start it again"));
			throw new UnavailableException("The sync could not be queued; try again later");
		}
		return Optional.of(run);
	}

	/**
	 * Runs a sync handed over by JobRunr, unless it ended or its source went meanwhile.
	 * @param job the run
	 * @throws InterruptedException when this node stops meanwhile: the run stays RUNNING,
	 * and JobRunr runs it again (here when the service is back, or on another node)
	 */
	@Override
	public void run(RunJob job) throws InterruptedException {
		Source source = this.store.findById(job.sourceId()).orElse(null);
		SyncRun run = this.store.findRun(job.runId()).orElse(null);
		if (source == null || run == null || run.status() != SyncRun.Status.RUNNING) {
			// deleted, or ended meanwhile: nothing left to do
			return;
		}
		Running holder = new Running(run.id());
		this.running.put(run.id(), holder);
		try {
			SyncRun ended = this.runner.run(source, run, () -> this.stopping || !holder.wanted());
			logger.info("Sync {} of source {} {}: {}", run.id(), source.id(), ended.status(), ended.report().summary());
		}
		catch (InterruptedException ex) {
			if (!this.stopping && !holder.wanted()) {
				logger.info("Sync {} of source {} stopped: its source was deleted or the run ended", run.id(),
						source.id());
				return;
			}
			logger.info("Sync {} of source {} stopped with the node; it is run again later", run.id(), source.id());
			throw ex;
		}
		finally {
			this.running.remove(run.id());
		}
	}

	/**
	 * Stops a run of this node, if it runs here (its source was deleted): it writes
	 * nothing more, and its request under way, if any, is cancelled.
	 * @param runId the run
	 */
	void cancel(String runId) {
		Running run = this.running.get(runId);
		if (run != null) {
			run.cancelled = true;
		}
	}

	/**
	 * Ends FAILED, cut off, the run of a job JobRunr gave up on: its node died or stopped
	 * on every try.
	 */
	@Override
	public void onStateApplied(Job job, JobState oldState, JobState newState) {
		if (job.getState() != StateName.FAILED || !(newState instanceof FailedState failed)) {
			return;
		}
		for (Object parameter : job.getJobDetails().getJobParameterValues()) {
			if (parameter instanceof RunJob run) {
				cutOff(run.runId(), failed.getMessage());
			}
		}
	}

	/**
	 * Ends a run FAILED, cut off, unless it ended already.
	 * @param runId the run
	 * @param why what cut it off the last time
	 */
	void cutOff(String runId, String why) {
		this.store.findRun(runId).filter((run) -> run.status() == SyncRun.Status.RUNNING).ifPresent((run) -> {
			if (this.store.finish(run.finished(SyncRun.Status.FAILED, this.clock.instant(), run.report(),
					CUT_OFF + "the sync was tried " + MAX_CUT_OFFS + " times and each try was cut off (" + why
							+ "), so it is not restarted, nor started by its schedule, until a sync is started by hand"
							+ " (Sync now). A sync that stops its node each time may be reading more than the node can"
							+ " hold: see the service's log"))) {
				logger.warn("Sync {} of source {} was cut off {} times; not restarted", run.id(), run.sourceId(),
						MAX_CUT_OFFS);
			}
		});
	}

	@Override
	public void start() {
		this.stopping = false;
		this.started = true;
	}

	/**
	 * Tells this node's runs to stop at their next file or wait, before JobRunr's server
	 * stops (it interrupts the jobs that have not ended 10 seconds later).
	 */
	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		this.stopping = true;
	}

	@Override
	public void stop() {
		this.stopping = true;
		this.started = false;
	}

	@Override
	public boolean isRunning() {
		return this.started;
	}

	/**
	 * A run of this node: whether it is still wanted, looked up at most every
	 * {@link #LOOK_EVERY}.
	 */
	private final class Running {

		private final String runId;

		private volatile boolean cancelled;

		private boolean wanted = true;

		private Instant looked = Instant.EPOCH;

		Running(String runId) {
			this.runId = runId;
		}

		/**
		 * @return whether the run is still to go on: not cancelled here, its source still
		 * there and held by it, the run not ended elsewhere
		 */
		synchronized boolean wanted() {
			if (this.cancelled) {
				return false;
			}
			Instant now = SyncWorkers.this.clock.instant();
			if (this.wanted && Duration.between(this.looked, now).compareTo(LOOK_EVERY) >= 0) {
				this.looked = now;
				this.wanted = SyncWorkers.this.store.findRun(this.runId)
					.filter((run) -> run.status() == SyncRun.Status.RUNNING)
					.flatMap((run) -> SyncWorkers.this.store.findById(run.sourceId()))
					.filter((source) -> this.runId.equals(source.activeRunId()))
					.isPresent();
			}
			return this.wanted;
		}

	}

	/**
	 * A sync run as JobRunr keeps it (its JSON, with this class's name): ids only, what
	 * the run does is read from the source store when it runs.
	 *
	 * @param sourceId the source
	 * @param runId the run, started in the source store
	 */
	public record RunJob(String sourceId, String runId) implements JobRequest {

		@Override
		public Class<SyncWorkers> getJobRequestHandler() {
			return SyncWorkers.class;
		}

	}

}
