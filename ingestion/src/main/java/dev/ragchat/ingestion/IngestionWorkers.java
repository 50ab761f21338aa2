package dev.ragchat.ingestion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ragchat.ingestion.reading.Chunker;
import dev.ragchat.ingestion.reading.DocumentReader;
import dev.ragchat.ingestion.reading.WorkFiles;
import dev.ragchat.retrieval.ChunkIndex;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * A bounded pool of workers that take queued documents from the catalog (with a lease,
 * kept alive by heartbeats), read, chunk, embed and index them. A document ends READY
 * with all its chunks or FAILED with none: chunks are replaced atomically in the index,
 * and a failure removes whatever the document had. A job cut off by a crash is found by
 * its expired lease and run again, at most {@code maxAttempts} times; so is one that
 * breaks (a library's crash, the heap run out), behind every document not tried yet, so a
 * failing document never holds up the others.
 * <p>
 * Besides the main workers, a quick lane of {@code quickWorkers} takes documents not
 * (yet) known to be large, in arrival order, and keeps only small ones. <b>The rule</b>:
 * a document is small when it has at most {@code quickMaxPages} pages and at most
 * {@code quickMaxText} characters of text (a page read by OCR counts as at least
 * {@value IngestionSteps#OCR_PAGE_CHARACTERS}); the lane hands one back to the main
 * workers as soon as it knows it is large: on opening it (its pages), or at the page
 * where its text so far passes the bound. So a small document waits only for the small
 * ones queued before it and, for each large one before it, the moments the lane takes to
 * see that it is large; never for a large document's ingestion, whatever the number of
 * main workers (one by default on two cores). Without a lane ({@code quickWorkers} 0),
 * documents go in arrival order. Deleting a document (or its knowledge base) cancels its
 * job at the next page or embedding batch, on this node at once and on others at their
 * next progress write; a job that runs longer than {@code maxTime} fails with that
 * reason. Work files live in the owner-only work directory, which is emptied at start. An
 * attempt's steps are {@link IngestionSteps}; these workers run them and decide what
 * becomes of their ends.
 * <p>
 * This queue stays hand-made while evaluations and sync runs are JobRunr jobs: JobRunr's
 * open-source edition looks for new jobs at most every 5 seconds (its least poll interval
 * on a database), and processing a job the moment it is queued is a Pro feature
 * (jobrunr/jobrunr#1204, #672), so each upload would wait up to 5 seconds before its
 * ingestion starts. A sync run may wait that long; an upload a person waits for may not.
 */
final class IngestionWorkers implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(IngestionWorkers.class);

	private static final Duration IDLE_POLL = Duration.ofSeconds(2);

	private final DocumentStore store;

	private final ChunkIndex index;

	private final IngestionSteps steps;

	private final IngestionProperties properties;

	private final Clock clock;

	private final Path workDir;

	private final String owner = "node-" + UUID.randomUUID();

	private final Semaphore work = new Semaphore(0);

	private final Map<String, IngestionSteps.Job> jobs = new ConcurrentHashMap<>();

	private volatile boolean running;

	private ExecutorService pool;

	private ScheduledExecutorService heartbeats;

	IngestionWorkers(DocumentStore store, BlobStore blobs, DocumentReader reader, Chunker chunker, ChunkIndex index,
			IngestionProperties properties, Clock clock, Path workDir) {
		this(store, blobs, reader, chunker, index, properties, clock, workDir, new SimpleMeterRegistry());
	}

	IngestionWorkers(DocumentStore store, BlobStore blobs, DocumentReader reader, Chunker chunker, ChunkIndex index,
			IngestionProperties properties, Clock clock, Path workDir, MeterRegistry meters) {
		this.store = store;
		this.index = index;
		this.steps = new IngestionSteps(store, blobs, reader, chunker, index, properties, clock, workDir, meters);
		this.properties = properties;
		this.clock = clock;
		this.workDir = workDir;
	}

	/**
	 * @return the owner-only work directory ({@link WorkFiles})
	 */
	Path workDir() {
		return this.workDir;
	}

	void wakeUp() {
		this.work.release(this.properties.workers() + this.properties.quickWorkers());
	}

	/**
	 * Stops the job of a document that was deleted from the catalog, if a worker of this
	 * node runs it: it stops at its next page or embedding batch and writes nothing.
	 * @param documentId the document
	 */
	void cancel(String documentId) {
		IngestionSteps.Job job = this.jobs.get(documentId);
		if (job != null) {
			job.cancel();
		}
	}

	@Override
	public void start() {
		try {
			WorkFiles.prepare(this.workDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare the work directory " + this.workDir, ex);
		}
		// The embedded catalog belongs to this process alone (its file is locked), so
		// every job still marked as working was cut off by a crash: recover it now, not
		// after its lease.
		recoverLeasesEndedBefore(this.clock.instant().plus(this.properties.lease()));
		this.running = true;
		AtomicInteger counter = new AtomicInteger();
		int threads = this.properties.workers() + this.properties.quickWorkers();
		this.pool = Executors.newFixedThreadPool(threads,
				(r) -> new Thread(r, "ragchat-ingest-" + counter.incrementAndGet()));
		this.heartbeats = Executors.newSingleThreadScheduledExecutor((r) -> new Thread(r, "ragchat-ingest-lease"));
		for (int i = 0; i < this.properties.workers(); i++) {
			this.pool.execute(() -> loop(false));
		}
		for (int i = 0; i < this.properties.quickWorkers(); i++) {
			this.pool.execute(() -> loop(true));
		}
		this.heartbeats.scheduleWithFixedDelay(this::recoverExpired, 30, 30, TimeUnit.SECONDS);
	}

	@Override
	public void stop() {
		this.running = false;
		this.jobs.values().forEach(IngestionSteps.Job::cancel);
		wakeUp();
		// jobs stop at their next page or embedding batch and go back to the queue; only
		// a worker that does not (a page in OCR, a slow model call) is interrupted
		this.pool.shutdown();
		try {
			if (!this.pool.awaitTermination(10, TimeUnit.SECONDS)) {
				this.pool.shutdownNow();
				this.pool.awaitTermination(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.pool.shutdownNow();
			Thread.currentThread().interrupt();
		}
		finally {
			// after the workers, whose jobs schedule their heartbeats on it; close()
			// lets a running one end (periodic ones are dropped), not interrupted
			this.heartbeats.close();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void loop(boolean quick) {
		while (this.running) {
			try {
				Optional<Document> claimed = this.store.claimNext(this.owner, leaseEnd(), quick);
				if (claimed.isPresent()) {
					process(claimed.get(), quick);
				}
				else {
					this.work.tryAcquire(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
					this.work.drainPermits();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException | Error ex) {
				// the worker goes on (a thread that ended here would leave the pool a
				// worker short for good), after a pause: the catalog may be away
				logger.error("Ingestion worker error", ex);
				try {
					Thread.sleep(IDLE_POLL);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/**
	 * Runs a claimed document's steps, its lease renewed meanwhile, and decides what
	 * becomes of their end: READY (the steps' own), FAILED, queued again, or handed back
	 * to the main workers.
	 */
	private void process(Document document, boolean quick) {
		String id = document.id();
		IngestionSteps.Job job = this.steps.job(id, quick);
		this.jobs.put(id, job);
		if (!this.running) {
			// claimed as the workers stop
			job.cancel();
		}
		var heartbeat = this.heartbeats.scheduleWithFixedDelay(() -> {
			if (!this.store.heartbeat(id, this.owner, leaseEnd())) {
				job.cancel();
			}
		}, this.properties.lease().toMillis() / 3, this.properties.lease().toMillis() / 3, TimeUnit.MILLISECONDS);
		try {
			this.steps.run(document, job);
		}
		catch (IngestionSteps.Cancelled ex) {
			cancelled(id);
		}
		catch (IngestionSteps.HandBack ex) {
			this.store.handBack(id);
			this.work.release(this.properties.workers());
			logger.info("{} is too large for the quick lane ({}); handed to the main workers", id, ex.getMessage());
		}
		catch (IngestionSteps.Failed ex) {
			fail(document, ex.getMessage(), ex.warnings());
		}
		catch (Exception | Error ex) {
			broke(document, ex);
		}
		finally {
			this.jobs.remove(id, job);
			heartbeat.cancel(false);
		}
	}

	/**
	 * A job that stopped: with the workers (its document queued again), or because its
	 * document was deleted (whatever it has in the index goes).
	 */
	private void cancelled(String id) {
		if (!this.running && this.store.findById(id).isPresent()) {
			// nothing of this attempt was written (chunks are written at once, and
			// only while the job is wanted): the previous version stays searchable
			this.store.requeue(id);
			logger.info("Ingestion of {} stopped with the workers; it is queued again", id);
		}
		else {
			this.index.deleteDocument(id);
			logger.info("Ingestion of {} stopped: the document was deleted", id);
		}
	}

	/**
	 * An attempt that broke (a library's crash, the heap run out) is tried again, behind
	 * every document not tried yet, and fails after its last attempt.
	 */
	private void broke(Document document, Throwable ex) {
		logger.error("Ingestion of {} failed (attempt {} of {})", document.id(), document.attempts(),
				this.properties.maxAttempts(), ex);
		forgetChunks(document);
		if (document.attempts() >= this.properties.maxAttempts()) {
			fail(document, "Gave up after " + document.attempts() + " attempts: " + why(ex), List.of());
		}
		else {
			this.store.requeue(document.id());
		}
	}

	/**
	 * @param ex what broke an attempt
	 * @return why, for the FAILED reason
	 */
	private static String why(Throwable ex) {
		if (ex instanceof OutOfMemoryError) {
			return "the last one ran out of memory (" + ex.getMessage()
					+ "); give the service a larger heap (-Xmx) or fewer ragchat.ingestion.workers";
		}
		if (ex instanceof StackOverflowError) {
			return "the last one overflowed the stack";
		}
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	/**
	 * Removes what a failed attempt may have left in the index: for a first version all
	 * of it; a later version's attempt wrote nothing (its chunks replace the previous
	 * version's at once, and only when they are all embedded), and the previous version
	 * stays searchable.
	 */
	private void forgetChunks(Document document) {
		if (document.version() <= 1) {
			this.index.deleteDocument(document.id());
		}
	}

	private void fail(Document document, String reason, List<String> warnings) {
		forgetChunks(document);
		this.store.failed(document.id(), reason, warnings);
		logger.info("Ingestion of {} failed: {}", document.id(), reason);
	}

	private void recoverExpired() {
		try {
			recoverLeasesEndedBefore(this.clock.instant());
		}
		catch (RuntimeException ex) {
			logger.warn("Lease recovery failed", ex);
		}
	}

	/**
	 * The one decision about documents whose worker was cut off (its lease ran out, or
	 * the embedded catalog's process crashed), for every catalog: back in the queue, or
	 * FAILED after the last attempt, with nothing of them left in the index.
	 * @param time documents whose lease ended before it are recovered
	 */
	void recoverLeasesEndedBefore(Instant time) {
		for (Document document : this.store.expiredLeases(time)) {
			if (document.attempts() >= this.properties.maxAttempts()) {
				forgetChunks(document);
				this.store.failed(document.id(),
						"Gave up after " + document.attempts() + " attempts; the last one was cut off (its worker"
								+ " stopped answering: the service stopped, crashed or ran out of memory)",
						document.warnings());
				logger.info("Ingestion of {} failed: its last attempt was cut off", document.id());
			}
			else {
				this.store.requeue(document.id());
			}
		}
	}

	private java.time.Instant leaseEnd() {
		return this.clock.instant().plus(this.properties.lease());
	}

}
