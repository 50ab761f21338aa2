package dev.ragchat.ingestion.migration;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import dev.ragchat.ingestion.DocumentStore;
import dev.ragchat.ingestion.KnowledgeBase;
import dev.ragchat.ingestion.KnowledgeBaseStore;
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

	private final KnowledgeBaseStore knowledgeBases;

	private final DocumentStore documents;

	private final EmbeddingMigrationStore store;

	private final ChunkIndexes indexes;

	private final Clock clock;

	private final Duration lease;

	private final MigrationEnds ends;

	private final SecureRandom random = new SecureRandom();

	/** The migrations this node runs, by id. */
	private final Map<String, MigrationRun> running = new ConcurrentHashMap<>();

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
		this.ends = new MigrationEnds(knowledgeBases, store, indexes, clock);
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
		MigrationRun run = new MigrationRun(migration, this.documents, this.store, this.indexes, this.clock, this.ends,
				() -> this.stopping);
		this.running.put(migration.id(), run);
		this.jobs.execute(() -> {
			try {
				run.run();
			}
			finally {
				this.running.remove(migration.id());
			}
		});
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
		this.ends.dropShadow(live);
		return this.store.findById(live.id()).orElseThrow();
	}

	/**
	 * A running migration as its job knows it (the store has it as of its last report).
	 */
	private EmbeddingMigration withProgress(EmbeddingMigration migration) {
		MigrationRun run = this.running.get(migration.id());
		if (run == null || migration.status() != EmbeddingMigration.Status.RUNNING) {
			return migration;
		}
		return run.withProgress(migration);
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
			for (MigrationRun run : this.running.values()) {
				run.report();
			}
			Instant stale = this.clock.instant().minus(this.lease);
			for (EmbeddingMigration migration : this.store.findLive()) {
				if (this.running.containsKey(migration.id()) || migration.updatedAt().isAfter(stale)) {
					continue;
				}
				if (migration.status() == EmbeddingMigration.Status.SWITCHING) {
					this.ends.switchOver(migration);
				}
				else {
					this.ends.fail(migration, "Interrupted: the node that ran it stopped (no report for " + this.lease
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

}
