package dev.ragchat.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.reading.Chunker;
import dev.ragchat.ingestion.reading.DocumentReader;
import dev.ragchat.ingestion.reading.PageProgress;
import dev.ragchat.ingestion.reading.ParsedDocument;
import dev.ragchat.ingestion.reading.Titles;
import dev.ragchat.ingestion.reading.WorkFiles;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ChunkIndex;
import io.micrometer.core.instrument.Counter;
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
 * {@value #OCR_PAGE_CHARACTERS}); the lane hands one back to the main workers as soon as
 * it knows it is large: on opening it (its pages), or at the page where its text so far
 * passes the bound. So a small document waits only for the small ones queued before it
 * and, for each large one before it, the moments the lane takes to see that it is large;
 * never for a large document's ingestion, whatever the number of main workers (one by
 * default on two cores). Without a lane ({@code quickWorkers} 0), documents go in arrival
 * order. Deleting a document (or its knowledge base) cancels its job at the next page or
 * embedding batch, on this node at once and on others at their next progress write; a job
 * that runs longer than {@code maxTime} fails with that reason. Work files live in the
 * owner-only work directory, which is emptied at start.
 */
final class IngestionWorkers implements SmartLifecycle {

	private final Counter pagesIngested;

	private static final Logger logger = LoggerFactory.getLogger(IngestionWorkers.class);

	private static final Duration IDLE_POLL = Duration.ofSeconds(2);

	private static final Duration PROGRESS_EVERY = Duration.ofMillis(250);

	/**
	 * The characters a page read by OCR counts as at least, towards the quick lane's
	 * bound: reading it costs seconds, as embedding that much text does; with the default
	 * bound, 20 scanned pages make a document large.
	 */
	static final int OCR_PAGE_CHARACTERS = 10_000;

	private final DocumentStore store;

	private final BlobStore blobs;

	private final DocumentReader reader;

	private final Chunker chunker;

	private final ChunkIndex index;

	private final IngestionProperties properties;

	private final Clock clock;

	private final Path workDir;

	private final String owner = "node-" + UUID.randomUUID();

	private final Semaphore work = new Semaphore(0);

	private final Map<String, Job> jobs = new ConcurrentHashMap<>();

	private volatile boolean running;

	private ExecutorService pool;

	private ScheduledExecutorService heartbeats;

	IngestionWorkers(DocumentStore store, BlobStore blobs, DocumentReader reader, Chunker chunker, ChunkIndex index,
			IngestionProperties properties, Clock clock, Path workDir) {
		this(store, blobs, reader, chunker, index, properties, clock, workDir, new SimpleMeterRegistry());
	}

	IngestionWorkers(DocumentStore store, BlobStore blobs, DocumentReader reader, Chunker chunker, ChunkIndex index,
			IngestionProperties properties, Clock clock, Path workDir, MeterRegistry meters) {
		this.pagesIngested = Counter.builder("ragchat.ingestion.pages")
			.description("Pages of the documents made ready (searchable)")
			.register(meters);
		this.store = store;
		this.blobs = blobs;
		this.reader = reader;
		this.chunker = chunker;
		this.index = index;
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
		Job job = this.jobs.get(documentId);
		if (job != null) {
			job.cancelled = true;
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
		this.jobs.values().forEach((job) -> job.cancelled = true);
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

	private void process(Document document, boolean quick) {
		String id = document.id();
		Job job = new Job(id, quick, this.clock.instant().plus(this.properties.maxTime()));
		this.jobs.put(id, job);
		if (!this.running) {
			// claimed as the workers stop
			job.cancelled = true;
		}
		var heartbeat = this.heartbeats.scheduleWithFixedDelay(() -> {
			if (!this.store.heartbeat(id, this.owner, leaseEnd())) {
				job.cancelled = true;
			}
		}, this.properties.lease().toMillis() / 3, this.properties.lease().toMillis() / 3, TimeUnit.MILLISECONDS);
		Path file = null;
		ParsedDocument parsed = null;
		try {
			file = WorkFiles.create(this.workDir, "doc-", ".bin");
			// into the file as created (a replacing copy would make a new one, without
			// its
			// owner-only mode)
			try (InputStream in = this.blobs.open(Documents.blobKey(document));
					OutputStream out = Files.newOutputStream(file)) {
				in.transferTo(out);
			}
			parsed = read(document, file, job);
			List<Chunk> chunks = keyedByContent(this.chunker.chunk(document.knowledgeBase(), id, document.filename(),
					Documents.searchableValues(document), Titles.of(parsed, document.filename()), parsed.sections()));
			if (chunks.isEmpty()) {
				throw new Failed("No text could be extracted from the document"
						+ (parsed.warnings().isEmpty() ? "" : ": " + String.join("; ", parsed.warnings())));
			}
			if (job.quick && characters(parsed) > this.properties.quickMaxText().toBytes()) {
				// a format read at once (not page by page): its text is known only now
				throw new HandBack("it has " + characters(parsed) + " characters of text");
			}
			int pages = parsed.pages();
			job.progress(DocumentStatus.EMBEDDING, new Document.Progress(pages, pages, 0, chunks.size()), true);
			boolean written = this.index.replace(id, chunks,
					(done) -> job.progress(DocumentStatus.EMBEDDING,
							new Document.Progress(pages, pages, done, chunks.size()), false),
					() -> !job.cancelled && this.store.findById(id).isPresent());
			if (!written || this.store.findById(id).isEmpty()) {
				// deleted meanwhile, or the workers stop (see the catch of Cancelled)
				throw new Cancelled();
			}
			this.store.ready(id, new Document.Progress(pages, pages, chunks.size(), chunks.size()), parsed.warnings(),
					this.clock.instant());
			this.pagesIngested.increment(pages);
			logger.info("Indexed {} ({} pages, {} chunks)", id, pages, chunks.size());
		}
		catch (Cancelled ex) {
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
		catch (HandBack ex) {
			this.store.handBack(id);
			this.work.release(this.properties.workers());
			logger.info("{} is too large for the quick lane ({}); handed to the main workers", id, ex.getMessage());
		}
		catch (Failed ex) {
			fail(document, ex.getMessage(), parsed);
		}
		catch (Exception | Error ex) {
			// an attempt that broke (a library's crash, the heap run out) is tried again,
			// behind every document not tried yet, and fails after its last attempt
			parsed = null;
			logger.error("Ingestion of {} failed (attempt {} of {})", id, document.attempts(),
					this.properties.maxAttempts(), ex);
			forgetChunks(document);
			if (document.attempts() >= this.properties.maxAttempts()) {
				fail(document, "Gave up after " + document.attempts() + " attempts: " + why(ex), null);
			}
			else {
				this.store.requeue(id);
			}
		}
		finally {
			this.jobs.remove(id, job);
			heartbeat.cancel(false);
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					logger.debug("Cannot delete {}", file, ex);
				}
			}
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
	 * Gives each chunk an id keyed by its content, {@code <documentId>:<hash>} (the first
	 * 16 hex digits of the SHA-256 of what is indexed; {@code -2}, {@code -3} … for
	 * repeats within the document): a new version of a document keeps the ids, and the
	 * index keeps the vectors, of every chunk whose text did not change.
	 * @param chunks a document's chunks
	 * @return the same chunks, keyed by content
	 */
	static List<Chunk> keyedByContent(List<Chunk> chunks) {
		Map<String, Integer> seen = new java.util.HashMap<>();
		return chunks.stream().map((c) -> {
			String hash = java.util.HexFormat.of()
				.formatHex(Documents.digest().digest(c.indexText().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				.substring(0, 16);
			int repeat = seen.merge(hash, 1, Integer::sum);
			String id = c.documentId() + ":" + hash + ((repeat > 1) ? "-" + repeat : "");
			return new Chunk(id, c.knowledgeBase(), c.documentId(), c.filename(), c.page(), c.pageEnd(),
					c.headingPath(), c.ordinal(), c.text(), c.metadata(), c.title());
		}).toList();
	}

	private static long characters(ParsedDocument parsed) {
		return parsed.sections().stream().mapToLong((section) -> section.text().length()).sum();
	}

	private ParsedDocument read(Document document, Path file, Job job) {
		try {
			return this.reader.read(file, document.mediaType(), new PageProgress() {

				/** The text read so far, as the quick lane counts it. */
				private long characters;

				@Override
				public void page(int page, int characters, boolean ocr) {
					this.characters += ocr ? Math.max(characters, OCR_PAGE_CHARACTERS) : characters;
					if (job.quick && this.characters > IngestionWorkers.this.properties.quickMaxText().toBytes()) {
						throw new HandBack("its text passed " + this.characters + " characters at page " + page);
					}
				}

				@Override
				public void pages(int done, int total) {
					if (job.quick && total > IngestionWorkers.this.properties.quickMaxPages()) {
						throw new HandBack("it has " + total + " pages");
					}
					job.progress(DocumentStatus.PARSING, new Document.Progress(done, total, 0, 0), done == total);
				}

			});
		}
		catch (Failed | Cancelled | HandBack ex) {
			throw ex;
		}
		catch (RejectedInputException ex) {
			// a reader's refusal (a limit, an encrypted or corrupt file) is the reason
			throw new Failed(ex.getMessage());
		}
		catch (Exception ex) {
			// a reader failing on the bytes fails the same way every time: no retry
			throw new Failed("The document could not be read: " + ex.getMessage());
		}
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

	private void fail(Document document, String reason, ParsedDocument parsed) {
		forgetChunks(document);
		this.store.failed(document.id(), reason, (parsed != null) ? parsed.warnings() : List.of());
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

	/**
	 * A running job: whether it was cancelled, when its time is up, when it last wrote
	 * its progress.
	 */
	private final class Job {

		private final String id;

		private final boolean quick;

		private final Instant deadline;

		private volatile boolean cancelled;

		private Instant lastProgress = Instant.MIN;

		Job(String id, boolean quick, Instant deadline) {
			this.id = id;
			this.quick = quick;
			this.deadline = deadline;
		}

		/**
		 * Writes progress (at most every {@link #PROGRESS_EVERY} unless forced) and stops
		 * the job if its document is gone or its time is up.
		 */
		void progress(DocumentStatus status, Document.Progress progress, boolean force) {
			Instant now = IngestionWorkers.this.clock.instant();
			if (force || !now.isBefore(this.lastProgress.plus(PROGRESS_EVERY))) {
				this.lastProgress = now;
				if (!IngestionWorkers.this.store.progress(this.id, status, progress)) {
					this.cancelled = true;
				}
			}
			if (this.cancelled) {
				throw new Cancelled();
			}
			if (now.isAfter(this.deadline)) {
				throw new Failed(
						"Ingestion took longer than the " + IngestionWorkers.this.properties.maxTime().toMinutes()
								+ " minutes one document may take (ragchat.ingestion.max-time); it stopped at page "
								+ progress.pagesDone() + " of " + progress.pagesTotal() + " (" + progress.chunksDone()
								+ " of " + progress.chunksTotal() + " chunks embedded)");
			}
		}

	}

	/**
	 * The document fails, for the reason its message gives, without another attempt (a
	 * reader's refusal, no text, the time budget spent); reported as its FAILED reason.
	 */
	private static final class Failed extends RuntimeException {

		Failed(String reason) {
			super(reason, null, false, false);
		}

	}

	/**
	 * The job's document was deleted, or the workers stop: stop and write nothing.
	 */
	private static final class Cancelled extends RuntimeException {

		Cancelled() {
			super("cancelled", null, false, false);
		}

	}

	/**
	 * The quick lane's document turned out to be large (see the rule in the class
	 * comment).
	 */
	private static final class HandBack extends RuntimeException {

		HandBack(String why) {
			super(why, null, false, false);
		}

	}

}
