package dev.ragchat.ingestion.migration;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.ragchat.errors.ConflictException;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.errors.UnavailableException;
import dev.ragchat.ingestion.KnowledgeBase;
import dev.ragchat.ingestion.KnowledgeBaseStore;
import dev.ragchat.retrieval.ChunkIndexes;
import dev.ragchat.retrieval.embedding.IndexEmbedding;
import org.jobrunr.scheduling.JobBuilder;
import org.jobrunr.scheduling.JobRequestScheduler;
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
 * shadow's chunks and leaves the old index as it was. It runs as a JobRunr job
 * ({@link MigrationJobs}): one whose node stops or dies is run again, and one JobRunr
 * gives up on ends FAILED with the reason.
 */
public final class EmbeddingMigrations {

	private static final Logger log = LoggerFactory.getLogger(EmbeddingMigrations.class);

	private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

	private final KnowledgeBaseStore knowledgeBases;

	private final EmbeddingMigrationStore store;

	private final ChunkIndexes indexes;

	private final Clock clock;

	private final MigrationEnds ends;

	private final MigrationJobs workers;

	private final JobRequestScheduler jobs;

	private final SecureRandom random = new SecureRandom();

	/**
	 * @param workers runs the migrations handed to JobRunr
	 * @param jobs hands migrations to JobRunr
	 */
	EmbeddingMigrations(KnowledgeBaseStore knowledgeBases, EmbeddingMigrationStore store, ChunkIndexes indexes,
			Clock clock, MigrationEnds ends, MigrationJobs workers, JobRequestScheduler jobs) {
		this.knowledgeBases = knowledgeBases;
		this.store = store;
		this.indexes = indexes;
		this.clock = clock;
		this.ends = ends;
		this.workers = workers;
		this.jobs = jobs;
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
	 * @throws UnavailableException if the job store cannot take the migration (it ends
	 * FAILED)
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
		if (this.workers.stopping()) {
			throw new ConflictException("The service is stopping; ask again once it runs");
		}
		Instant now = this.clock.instant();
		EmbeddingMigration migration = new EmbeddingMigration("emb_" + randomId(), knowledgeBase, kb.embeddingModel(),
				kb.dimensions(), target.name(), target.dimensions(), EmbeddingMigration.Status.RUNNING, 0, 0, 0, 0,
				null, now, null);
		if (!this.store.start(migration)) {
			throw new ConflictException("Knowledge base '" + knowledgeBase
					+ "' is moving to another embedding model already; wait for it or cancel it");
		}
		try {
			this.jobs.create(JobBuilder.aJob()
				.withId(MigrationJobs.jobId(migration.id()))
				.withName("Move knowledge base " + knowledgeBase + " to " + target.name())
				.withAmountOfRetries(MigrationJobs.RETRIES)
				.withJobRequest(new MigrationJobs.Move(migration.id())));
		}
		catch (RuntimeException ex) {
			log.warn("Moving knowledge base {} to {} could not be queued", knowledgeBase, target.name(), ex);
			this.ends.fail(migration, "The change could not be queued (the job store did not answer); ask again");
			throw new UnavailableException("The change of embedding model could not be queued; try again later");
		}
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
	 * A running migration as its job knows it, if it runs on this node (the store has it
	 * as of its last document).
	 */
	private EmbeddingMigration withProgress(EmbeddingMigration migration) {
		return this.workers.withProgress(migration);
	}

	/**
	 * @param id a migration
	 * @return whether this node still works on it (a cancelled one ends at its next
	 * document)
	 */
	public boolean runsHere(String id) {
		return this.workers.runsHere(id);
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

}
