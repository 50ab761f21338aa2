package dev.ragchat.ingestion.migration;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.ragchat.ingestion.DocumentStore;
import dev.ragchat.retrieval.ChunkIndexes;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.filters.ApplyStateFilter;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.jobrunr.jobs.states.FailedState;
import org.jobrunr.jobs.states.JobState;
import org.jobrunr.jobs.states.StateName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Runs migrations handed over as JobRunr jobs ({@link Move}: the migration's id), kept in
 * the catalog's store beside the migrations, as sync runs and evaluations are. A
 * migration is started in the migration store first (one live per knowledge base,
 * whichever node asks), then handed to JobRunr, which runs it on any node.
 * <p>
 * A migration cut off by a node that died (JobRunr finds its job orphaned) or by a node
 * that stops (it stops at its next document, still RUNNING, and its job is retried) is
 * run again by JobRunr, from the start: searches read the old index all the while, and
 * the new one is filled again. One cut off while switching is switched. When JobRunr
 * gives up ({@value #RETRIES} retries), the migration ends FAILED with the reason, the
 * new index's chunks dropped and the old index as it was ({@link #onStateApplied}).
 */
public final class MigrationJobs
		implements JobRequestHandler<MigrationJobs.Move>, ApplyStateFilter, ApplicationListener<ContextClosedEvent> {

	private static final Logger log = LoggerFactory.getLogger(MigrationJobs.class);

	/** How often JobRunr runs again a migration whose node died or stopped. */
	public static final int RETRIES = 3;

	/** How the error of a migration JobRunr gave up on starts. */
	static final String INTERRUPTED = "Interrupted: ";

	private final DocumentStore documents;

	private final EmbeddingMigrationStore store;

	private final ChunkIndexes indexes;

	private final Clock clock;

	private final MigrationEnds ends;

	/** The migrations this node runs, by id. */
	private final Map<String, MigrationRun> running = new ConcurrentHashMap<>();

	private volatile boolean stopping;

	MigrationJobs(DocumentStore documents, EmbeddingMigrationStore store, ChunkIndexes indexes, Clock clock,
			MigrationEnds ends) {
		this.documents = documents;
		this.store = store;
		this.indexes = indexes;
		this.clock = clock;
		this.ends = ends;
	}

	/**
	 * @param migration a migration's id
	 * @return the id of its job
	 */
	public static UUID jobId(String migration) {
		return UUID.nameUUIDFromBytes(("embedding-migration:" + migration).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Runs a migration handed over by JobRunr, unless it ended meanwhile; switches one
	 * cut off while switching.
	 * @param job the migration
	 * @throws InterruptedException when this node stops meanwhile: the migration stays
	 * RUNNING, and JobRunr runs it again (here when the service is back, or on another
	 * node)
	 */
	@Override
	public void run(Move job) throws InterruptedException {
		EmbeddingMigration migration = this.store.findById(job.migrationId()).orElse(null);
		if (migration == null || !migration.status().live()) {
			// cancelled or ended meanwhile
			return;
		}
		if (migration.status() == EmbeddingMigration.Status.SWITCHING) {
			this.ends.switchOver(migration);
			return;
		}
		if (this.stopping) {
			throw new InterruptedException("The service stops");
		}
		MigrationRun run = new MigrationRun(migration, this.documents, this.store, this.indexes, this.clock, this.ends,
				() -> this.stopping);
		this.running.put(migration.id(), run);
		try {
			run.run();
		}
		catch (InterruptedException ex) {
			log.info("Moving knowledge base {} to {} stopped with the node; it is run again later",
					migration.knowledgeBase(), migration.toModel());
			throw ex;
		}
		finally {
			this.running.remove(migration.id());
		}
	}

	/**
	 * @param migration a migration as the store has it
	 * @return it with the progress of its run on this node, if it runs here (the store
	 * has it as of its last document)
	 */
	EmbeddingMigration withProgress(EmbeddingMigration migration) {
		MigrationRun run = this.running.get(migration.id());
		if (run == null || migration.status() != EmbeddingMigration.Status.RUNNING) {
			return migration;
		}
		return run.withProgress(migration);
	}

	/**
	 * @param id a migration
	 * @return whether this node works on it
	 */
	boolean runsHere(String id) {
		return this.running.containsKey(id);
	}

	/**
	 * @return whether the service stops
	 */
	boolean stopping() {
		return this.stopping;
	}

	/**
	 * Ends FAILED the migration of a job JobRunr gave up on: its node died or stopped on
	 * every try. The new index's chunks go; the old index is as it was.
	 */
	@Override
	public void onStateApplied(Job job, JobState oldState, JobState newState) {
		if (job.getState() != StateName.FAILED || !(newState instanceof FailedState failed)) {
			return;
		}
		for (Object parameter : job.getJobDetails().getJobParameterValues()) {
			if (parameter instanceof Move move) {
				Optional<EmbeddingMigration> migration = this.store.findById(move.migrationId())
					.filter((m) -> m.status().live());
				migration.ifPresent((m) -> {
					this.ends.fail(m,
							INTERRUPTED + "it was tried " + (RETRIES + 1) + " times and each try was cut off ("
									+ failed.getMessage() + "); the knowledge base stays on " + m.fromModel()
									+ ": ask again to start over");
					log.warn("Moving knowledge base {} to {} was cut off {} times; it ended FAILED", m.knowledgeBase(),
							m.toModel(), RETRIES + 1);
				});
			}
		}
	}

	/**
	 * Tells this node's migrations to stop at their next document, before JobRunr's
	 * server stops (it interrupts the jobs that have not ended 10 seconds later).
	 */
	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		this.stopping = true;
	}

	/**
	 * A migration as JobRunr keeps it (its JSON, with this class's name): its id only,
	 * what it does is read from the migration store when it runs.
	 *
	 * @param migrationId the migration, started in the migration store
	 */
	public record Move(String migrationId) implements JobRequest {

		@Override
		public Class<MigrationJobs> getJobRequestHandler() {
			return MigrationJobs.class;
		}

	}

}
