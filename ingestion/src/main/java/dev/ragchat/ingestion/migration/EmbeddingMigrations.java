package dev.ragchat.ingestion.migration;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.ragchat.errors.ConflictException;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.Document;
import dev.ragchat.ingestion.DocumentStore;
import dev.ragchat.ingestion.KnowledgeBase;
import dev.ragchat.ingestion.KnowledgeBaseStore;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.ChunkIndexes;
import dev.ragchat.retrieval.embedding.IndexEmbedding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.StringUtils;

/**
 * Moves knowledge bases to another embedding model without stopping their searches. A
 * migration embeds the knowledge base's stored chunk texts again (no document is read
 * again) into the new model's index, the shadow, while searches keep reading the old
 * index, and documents written meanwhile go to both ({@link ChunkIndexes}). When every
 * chunk is in, the knowledge base's record switches to the new model in one conditional
 * write, and the old index's chunks go. A migration that fails or is cancelled drops the
 * shadow's chunks and leaves the old index as it was; one whose node stops is marked
 * FAILED once its lease runs out (or at once, when this node stops it).
 */
public final class EmbeddingMigrations implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddingMigrations.class);

	private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

	/** How often a document is copied again when it changed while it was copied. */
	private static final int COPY_ATTEMPTS = 5;

	private static final int MAX_ERROR = 2000;

	private final KnowledgeBaseStore knowledgeBases;

	private final DocumentStore documents;

	private final EmbeddingMigrationStore store;

	private final ChunkIndexes indexes;

	private final Clock clock;

	private final Duration lease;

	private final SecureRandom random = new SecureRandom();

	/** The migrations this node runs, by id. */
	private final Map<String, Job> running = new ConcurrentHashMap<>();

	private final ExecutorService jobs = Executors
		.newCachedThreadPool(Thread.ofPlatform().name("ragchat-embedding-migration-", 0).daemon().factory());

	private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(
			Thread.ofPlatform().name("ragchat-embedding-migration-tick").daemon().factory());

	private volatile boolean stopping;

	EmbeddingMigrations(KnowledgeBaseStore knowledgeBases, DocumentStore documents, EmbeddingMigrationStore store,
			ChunkIndexes indexes, Clock clock, Duration lease) {
		this.knowledgeBases = knowledgeBases;
		this.documents = documents;
		this.store = store;
		this.indexes = indexes;
		this.clock = clock;
		this.lease = lease;
	}

	/**
	 * Starts reporting the migrations this node runs and ending those whose node stopped.
	 */
	void startTicking() {
		long period = Math.max(1, this.lease.toMillis() / 4);
		this.ticks.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
	}

	/**
	 * @return the models a knowledge base may be built with, the server's own first
	 */
	public List<IndexEmbedding> models() {
		return this.indexes.embeddings().all();
	}

	/**
	 * @return the model new knowledge bases get
	 */
	public IndexEmbedding defaultModel() {
		return this.indexes.embeddings().primary();
	}

	/**
	 * Starts moving a knowledge base to another embedding model.
	 * @param knowledgeBase the knowledge base
	 * @param model the model's name
	 * @return the running migration
	 * @throws NotFoundException if there is no such knowledge base
	 * @throws RejectedInputException if the model is not one of this server's, or the
	 * knowledge base is built with it already, or with one this server lacks
	 * @throws ConflictException if a migration of the knowledge base is live
	 */
	public EmbeddingMigration start(String knowledgeBase, String model) {
		KnowledgeBase kb = this.knowledgeBases.findById(knowledgeBase)
			.orElseThrow(() -> new NotFoundException("No knowledge base '" + knowledgeBase + "'"));
		if (!StringUtils.hasText(model)) {
			throw new RejectedInputException("model is required: one of " + names());
		}
		IndexEmbedding target = this.indexes.embeddings()
			.get(model)
			.orElseThrow(() -> new RejectedInputException(
					"This server has no embedding model '" + model + "'; it has " + names()));
		if (target.name().equals(kb.embeddingModel()) && target.dimensions() == kb.dimensions()) {
			throw new RejectedInputException(
					"Knowledge base '" + knowledgeBase + "' is built with " + model + " already");
		}
		if (!this.indexes.serves(kb.embeddingModel(), kb.dimensions())) {
			throw new RejectedInputException("Knowledge base '" + knowledgeBase + "' was built with "
					+ kb.embeddingModel() + ", which this server does not configure: its chunks cannot be read"
					+ " (upload its documents again instead)");
		}
		if (this.stopping) {
			throw new ConflictException("The service is stopping; ask again once it runs");
		}
		Instant now = this.clock.instant();
		EmbeddingMigration migration = new EmbeddingMigration("emb_" + randomId(), knowledgeBase, kb.embeddingModel(),
				kb.dimensions(), target.name(), target.dimensions(), EmbeddingMigration.Status.RUNNING, 0, 0, 0, 0,
				null, now, now, null);
		if (!this.store.start(migration)) {
			throw new ConflictException("Knowledge base '" + knowledgeBase
					+ "' is moving to another embedding model already; wait for it or cancel it");
		}
		Job job = new Job(migration);
		this.running.put(migration.id(), job);
		this.jobs.execute(() -> run(job));
		return migration;
	}

	/**
	 * @param knowledgeBase a knowledge base
	 * @return its newest migration, live or ended
	 */
	public Optional<EmbeddingMigration> latest(String knowledgeBase) {
		return this.store.latest(knowledgeBase).map(this::withProgress);
	}

	/**
	 * Cancels a knowledge base's running migration: the new index's chunks go, the old
	 * index stays as it was.
	 * @param knowledgeBase the knowledge base
	 * @return the cancelled migration
	 * @throws ConflictException if none runs, or it is switching already
	 */
	public EmbeddingMigration cancel(String knowledgeBase) {
		EmbeddingMigration live = this.store.live(knowledgeBase)
			.orElseThrow(() -> new ConflictException(
					"Knowledge base '" + knowledgeBase + "' is not moving to another embedding model"));
		live = withProgress(live);
		if (!this.store.transition(live.id(), EmbeddingMigration.Status.RUNNING, EmbeddingMigration.Status.CANCELLED,
				"cancelled", this.clock.instant())) {
			throw new ConflictException("The migration of knowledge base '" + knowledgeBase
					+ "' has embedded every chunk and is switching; it cannot be cancelled any more");
		}
		dropShadow(live);
		return this.store.findById(live.id()).orElseThrow();
	}

	/**
	 * A running migration as its job knows it (the store has it as of its last report).
	 */
	private EmbeddingMigration withProgress(EmbeddingMigration migration) {
		Job job = this.running.get(migration.id());
		if (job == null || migration.status() != EmbeddingMigration.Status.RUNNING) {
			return migration;
		}
		return new EmbeddingMigration(migration.id(), migration.knowledgeBase(), migration.fromModel(),
				migration.fromDimensions(), migration.toModel(), migration.toDimensions(), migration.status(),
				job.documentsDone, job.documentsTotal, job.chunksDone, Math.max(job.chunksTotal, job.chunksDone),
				migration.error(), migration.createdAt(), migration.updatedAt(), migration.finishedAt());
	}

	private void run(Job job) {
		EmbeddingMigration migration = job.migration;
		String knowledgeBase = migration.knowledgeBase();
		try {
			ChunkIndex from = this.indexes.index(migration.fromModel());
			ChunkIndex to = this.indexes.index(migration.toModel());
			// whatever an earlier, interrupted migration to this model left there
			to.deleteKnowledgeBase(knowledgeBase);
			List<Document> documents = this.documents.findByKnowledgeBase(knowledgeBase);
			int chunks = 0;
			for (Document document : documents) {
				chunks += from.count(document.id());
			}
			job.documentsTotal = documents.size();
			job.chunksTotal = chunks;
			report(job);
			for (Document document : documents) {
				if (!stillRunning(job)) {
					return;
				}
				job.chunksDone += copy(job, document.id(), from, to);
				job.documentsDone++;
				report(job);
			}
			if (!stillRunning(job) || !this.store.transition(migration.id(), EmbeddingMigration.Status.RUNNING,
					EmbeddingMigration.Status.SWITCHING, null, this.clock.instant())) {
				return;
			}
			switchOver(migration);
		}
		catch (RuntimeException ex) {
			log.warn("Moving knowledge base {} to {} failed", knowledgeBase, migration.toModel(), ex);
			fail(migration, "Embedding with " + migration.toModel() + " failed: " + message(ex));
		}
		finally {
			this.running.remove(migration.id());
		}
	}

	/**
	 * Copies one document's chunks, as the old index holds them, into the new index,
	 * embedded with its model; again if the document changed meanwhile (a write that
	 * began before the migration reaches the old index only).
	 * @return how many chunks the document has
	 */
	private int copy(Job job, String documentId, ChunkIndex from, ChunkIndex to) {
		int done = job.chunksDone;
		List<Chunk> chunks = from.chunks(documentId);
		for (int attempt = 0; attempt < COPY_ATTEMPTS; attempt++) {
			if (chunks.isEmpty()) {
				to.deleteDocument(documentId);
				return 0;
			}
			boolean written = to.replace(documentId, chunks, (embedded) -> job.chunksDone = done + embedded,
					() -> this.documents.findById(documentId).isPresent() && stillRunning(job));
			job.chunksDone = done;
			if (!written) {
				return 0;
			}
			List<Chunk> now = from.chunks(documentId);
			if (same(now, chunks)) {
				return chunks.size();
			}
			chunks = now;
		}
		return chunks.size();
	}

	private static boolean same(List<Chunk> a, List<Chunk> b) {
		if (a.size() != b.size()) {
			return false;
		}
		for (int i = 0; i < a.size(); i++) {
			if (!a.get(i).id().equals(b.get(i).id()) || !a.get(i).indexText().equals(b.get(i).indexText())) {
				return false;
			}
		}
		return true;
	}

	/**
	 * @return whether the migration goes on: not cancelled, not stopped with the service
	 * (which fails it)
	 */
	private boolean stillRunning(Job job) {
		if (this.stopping) {
			fail(job.migration, "Stopped with the service before it ended; ask again to start over");
			return false;
		}
		return this.store.findById(job.migration.id())
			.map((m) -> m.status() == EmbeddingMigration.Status.RUNNING)
			.orElse(false);
	}

	private void report(Job job) {
		this.store.progress(job.migration.id(), job.documentsDone, job.documentsTotal, job.chunksDone,
				Math.max(job.chunksTotal, job.chunksDone), this.clock.instant());
	}

	/**
	 * The switch of a migration whose chunks are all in the new index: the knowledge
	 * base's record names the new model (one conditional write: from then on every search
	 * reads the new index), then the old index's chunks go.
	 */
	private void switchOver(EmbeddingMigration migration) {
		String knowledgeBase = migration.knowledgeBase();
		Optional<KnowledgeBase> kb = this.knowledgeBases.findById(knowledgeBase);
		boolean switched = kb.isPresent() && ((kb.get().embeddingModel().equals(migration.toModel())
				&& kb.get().dimensions() == migration.toDimensions())
				|| this.knowledgeBases.switchModel(knowledgeBase, migration.fromModel(), migration.fromDimensions(),
						migration.toModel(), migration.toDimensions()));
		if (!switched) {
			if (this.store.transition(migration.id(), EmbeddingMigration.Status.SWITCHING,
					EmbeddingMigration.Status.FAILED, kb.isEmpty() ? "The knowledge base was deleted"
							: "The knowledge base's embedding model changed meanwhile",
					this.clock.instant())) {
				dropShadow(migration);
			}
			return;
		}
		this.store.transition(migration.id(), EmbeddingMigration.Status.SWITCHING, EmbeddingMigration.Status.SUCCEEDED,
				null, this.clock.instant());
		this.indexes.index(migration.fromModel()).deleteKnowledgeBase(knowledgeBase);
	}

	/**
	 * Fails a live migration: one still running drops the new index's chunks; one that
	 * was switching is switched if the knowledge base names the new model already.
	 */
	private void fail(EmbeddingMigration migration, String reason) {
		String error = (reason.length() > MAX_ERROR) ? reason.substring(0, MAX_ERROR) : reason;
		Instant now = this.clock.instant();
		if (this.store.transition(migration.id(), EmbeddingMigration.Status.RUNNING, EmbeddingMigration.Status.FAILED,
				error, now)) {
			dropShadow(migration);
			return;
		}
		Optional<EmbeddingMigration> current = this.store.findById(migration.id());
		if (current.isPresent() && current.get().status() == EmbeddingMigration.Status.SWITCHING) {
			boolean switched = this.knowledgeBases.findById(migration.knowledgeBase())
				.map((kb) -> kb.embeddingModel().equals(migration.toModel())
						&& kb.dimensions() == migration.toDimensions())
				.orElse(false);
			if (switched) {
				switchOver(migration);
			}
			else if (this.store.transition(migration.id(), EmbeddingMigration.Status.SWITCHING,
					EmbeddingMigration.Status.FAILED, error, now)) {
				dropShadow(migration);
			}
		}
	}

	private void dropShadow(EmbeddingMigration migration) {
		try {
			this.indexes.index(migration.toModel()).deleteKnowledgeBase(migration.knowledgeBase());
		}
		catch (RuntimeException ex) {
			log.warn("Cannot drop the chunks of knowledge base {} from the index of {}", migration.knowledgeBase(),
					migration.toModel(), ex);
		}
	}

	/**
	 * @param id a migration
	 * @return whether this node still works on it (a cancelled one ends at its next
	 * document)
	 */
	public boolean runsHere(String id) {
		return this.running.containsKey(id);
	}

	/**
	 * Reports the migrations this node runs; ends those no node reported within the lease
	 * (their node stopped): a running one FAILED, its new index's chunks dropped; a
	 * switching one switched. Runs every quarter of the lease, from the start.
	 */
	public void tick() {
		try {
			for (Job job : this.running.values()) {
				report(job);
			}
			Instant stale = this.clock.instant().minus(this.lease);
			for (EmbeddingMigration migration : this.store.findLive()) {
				if (this.running.containsKey(migration.id()) || migration.updatedAt().isAfter(stale)) {
					continue;
				}
				if (migration.status() == EmbeddingMigration.Status.SWITCHING) {
					switchOver(migration);
				}
				else {
					fail(migration, "Interrupted: the node that ran it stopped (no report for " + this.lease
							+ "); ask again to start over");
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Cannot look after the embedding-model migrations", ex);
		}
	}

	private String names() {
		return this.indexes.embeddings()
			.all()
			.stream()
			.map((embedding) -> embedding.name() + " (" + embedding.dimensions() + " dimensions)")
			.collect(Collectors.joining(", "));
	}

	private static String message(Throwable ex) {
		String message = null;
		for (Throwable cause = ex; cause != null && message == null; cause = cause.getCause()) {
			message = cause.getMessage();
		}
		return Objects.requireNonNullElse(message, ex.getClass().getSimpleName());
	}

	private String randomId() {
		StringBuilder id = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			id.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return id.toString();
	}

	/**
	 * Stops the migrations this node runs (each FAILED at its next document, its new
	 * index's chunks dropped) and waits a little for them.
	 */
	@Override
	public void close() throws InterruptedException {
		this.stopping = true;
		this.ticks.shutdownNow();
		this.jobs.shutdown();
		if (!this.jobs.awaitTermination(30, TimeUnit.SECONDS)) {
			this.jobs.shutdownNow();
		}
	}

	/** A migration this node runs, with its progress. */
	private static final class Job {

		private final EmbeddingMigration migration;

		private volatile int documentsDone;

		private volatile int documentsTotal;

		private volatile int chunksDone;

		private volatile int chunksTotal;

		Job(EmbeddingMigration migration) {
			this.migration = migration;
		}

	}

}
