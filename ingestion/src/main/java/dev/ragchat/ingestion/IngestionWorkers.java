package dev.ragchat.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.reading.Chunker;
import dev.ragchat.ingestion.reading.DocumentReader;
import dev.ragchat.ingestion.reading.ParsedDocument;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ChunkIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * A bounded pool of workers that take queued documents from the catalog (with a lease,
 * kept alive by heartbeats), read, chunk, embed and index them. A document ends READY
 * with all its chunks or FAILED with none: chunks are replaced atomically in the index,
 * and a failure removes whatever the document had. A job cut off by a crash is found by
 * its expired lease and run again, at most {@code maxAttempts} times.
 */
final class IngestionWorkers implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(IngestionWorkers.class);

	private static final Duration IDLE_POLL = Duration.ofSeconds(2);

	private final DocumentStore store;

	private final BlobStore blobs;

	private final DocumentReader reader;

	private final Chunker chunker;

	private final ChunkIndex index;

	private final IngestionProperties properties;

	private final Clock clock;

	private final String owner = "node-" + UUID.randomUUID();

	private final Semaphore work = new Semaphore(0);

	private volatile boolean running;

	private ExecutorService pool;

	private ScheduledExecutorService heartbeats;

	IngestionWorkers(DocumentStore store, BlobStore blobs, DocumentReader reader, Chunker chunker, ChunkIndex index,
			IngestionProperties properties, Clock clock) {
		this.store = store;
		this.blobs = blobs;
		this.reader = reader;
		this.chunker = chunker;
		this.index = index;
		this.properties = properties;
		this.clock = clock;
	}

	void wakeUp() {
		this.work.release(this.properties.workers());
	}

	@Override
	public void start() {
		// The embedded catalog belongs to this process alone (its file is locked), so
		// every
		// job still marked as working was cut off by a crash: recover it now, not after
		// its lease.
		for (String failed : this.store.recoverExpiredLeases(this.clock.instant().plus(this.properties.lease()),
				this.properties.maxAttempts())) {
			this.index.deleteDocument(failed);
		}
		this.running = true;
		AtomicInteger counter = new AtomicInteger();
		this.pool = Executors.newFixedThreadPool(this.properties.workers(),
				(r) -> new Thread(r, "ragchat-ingest-" + counter.incrementAndGet()));
		this.heartbeats = Executors.newSingleThreadScheduledExecutor((r) -> new Thread(r, "ragchat-ingest-lease"));
		for (int i = 0; i < this.properties.workers(); i++) {
			this.pool.execute(this::loop);
		}
		this.heartbeats.scheduleWithFixedDelay(this::recoverExpired, 30, 30, TimeUnit.SECONDS);
	}

	@Override
	public void stop() {
		this.running = false;
		this.work.release(this.properties.workers());
		this.heartbeats.shutdownNow();
		this.pool.shutdownNow();
		try {
			this.pool.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void loop() {
		while (this.running) {
			try {
				Optional<Document> claimed = this.store.claimNext(this.owner, leaseEnd());
				if (claimed.isPresent()) {
					process(claimed.get());
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
			catch (RuntimeException ex) {
				logger.error("Ingestion worker error", ex);
			}
		}
	}

	private void process(Document document) {
		String id = document.id();
		var heartbeat = this.heartbeats.scheduleWithFixedDelay(() -> this.store.heartbeat(id, this.owner, leaseEnd()),
				this.properties.lease().toMillis() / 3, this.properties.lease().toMillis() / 3, TimeUnit.MILLISECONDS);
		Path file = null;
		ParsedDocument parsed = null;
		try {
			file = Files.createTempFile("ragchat-doc", ".bin");
			try (InputStream in = this.blobs.open(Documents.blobKey(document))) {
				Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
			}
			parsed = read(document, file);
			List<Chunk> chunks = this.chunker.chunk(document.knowledgeBase(), id, document.filename(),
					Documents.searchableMetadata(document.metadata()), parsed.sections());
			if (chunks.isEmpty()) {
				throw new RejectedInputException("No text could be extracted from the document"
						+ (parsed.warnings().isEmpty() ? "" : ": " + String.join("; ", parsed.warnings())));
			}
			int pages = parsed.pages();
			this.store.progress(id, DocumentStatus.EMBEDDING, new Document.Progress(pages, pages, 0, chunks.size()));
			this.index.replace(id, chunks, (done) -> this.store.progress(id, DocumentStatus.EMBEDDING,
					new Document.Progress(pages, pages, done, chunks.size())));
			if (this.store.findById(id).isEmpty()) {
				this.index.deleteDocument(id);
				return;
			}
			this.store.ready(id, new Document.Progress(pages, pages, chunks.size(), chunks.size()), parsed.warnings(),
					this.clock.instant());
			logger.info("Indexed {} ({} pages, {} chunks)", id, pages, chunks.size());
		}
		catch (RejectedInputException ex) {
			fail(document, ex.getMessage(), parsed);
		}
		catch (Exception ex) {
			logger.warn("Ingestion of {} failed (attempt {})", id, document.attempts(), ex);
			this.index.deleteDocument(id);
			if (document.attempts() >= this.properties.maxAttempts()) {
				fail(document, "Gave up after " + document.attempts() + " attempts: " + ex.getMessage(), parsed);
			}
			else {
				this.store.requeue(id);
			}
		}
		finally {
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

	private ParsedDocument read(Document document, Path file) {
		try {
			return this.reader.read(file, document.mediaType(), (done, total) -> this.store.progress(document.id(),
					DocumentStatus.PARSING, new Document.Progress(done, total, 0, 0)));
		}
		catch (RejectedInputException ex) {
			throw ex;
		}
		catch (Exception ex) {
			// a reader failing on the bytes fails the same way every time: no retry
			throw new RejectedInputException("The document could not be read: " + ex.getMessage());
		}
	}

	private void fail(Document document, String reason, ParsedDocument parsed) {
		this.index.deleteDocument(document.id());
		this.store.failed(document.id(), reason, (parsed != null) ? parsed.warnings() : List.of());
		logger.info("Ingestion of {} failed: {}", document.id(), reason);
	}

	private void recoverExpired() {
		try {
			for (String failed : this.store.recoverExpiredLeases(this.clock.instant(), this.properties.maxAttempts())) {
				this.index.deleteDocument(failed);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Lease recovery failed", ex);
		}
	}

	private java.time.Instant leaseEnd() {
		return this.clock.instant().plus(this.properties.lease());
	}

}
