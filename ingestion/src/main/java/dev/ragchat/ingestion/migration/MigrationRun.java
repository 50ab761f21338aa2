package dev.ragchat.ingestion.migration;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import dev.ragchat.ingestion.Document;
import dev.ragchat.ingestion.DocumentStore;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.ChunkIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A try of a migration on this node, with its progress: it counts the knowledge base's
 * chunks, copies each document's chunks from the old index into the new one (embedded
 * with the new model), then switches over ({@link MigrationEnds}); it stops at the next
 * document when cancelled, and when the service stops (the migration still RUNNING, to be
 * run again by its job).
 */
final class MigrationRun {

	private static final Logger log = LoggerFactory.getLogger(MigrationRun.class);

	/** How often a document is copied again when it changed while it was copied. */
	private static final int COPY_ATTEMPTS = 5;

	private final EmbeddingMigration migration;

	private final DocumentStore documents;

	private final EmbeddingMigrationStore store;

	private final ChunkIndexes indexes;

	private final Clock clock;

	private final MigrationEnds ends;

	/** Whether the service stops. */
	private final BooleanSupplier stopping;

	private volatile int documentsDone;

	private volatile int documentsTotal;

	private volatile int chunksDone;

	private volatile int chunksTotal;

	MigrationRun(EmbeddingMigration migration, DocumentStore documents, EmbeddingMigrationStore store,
			ChunkIndexes indexes, Clock clock, MigrationEnds ends, BooleanSupplier stopping) {
		this.migration = migration;
		this.documents = documents;
		this.store = store;
		this.indexes = indexes;
		this.clock = clock;
		this.ends = ends;
		this.stopping = stopping;
	}

	/**
	 * @param stored the migration as the store has it (as of the last report)
	 * @return it with this run's progress
	 */
	EmbeddingMigration withProgress(EmbeddingMigration stored) {
		return new EmbeddingMigration(stored.id(), stored.knowledgeBase(), stored.fromModel(), stored.fromDimensions(),
				stored.toModel(), stored.toDimensions(), stored.status(), this.documentsDone, this.documentsTotal,
				this.chunksDone, Math.max(this.chunksTotal, this.chunksDone), stored.error(), stored.createdAt(),
				stored.finishedAt());
	}

	/**
	 * Runs the migration from its start: whatever the new index holds of the knowledge
	 * base (an earlier try's, or an earlier migration's) goes first.
	 * @throws InterruptedException when the service stops meanwhile: the migration stays
	 * RUNNING, its job is run again
	 */
	void run() throws InterruptedException {
		String knowledgeBase = this.migration.knowledgeBase();
		try {
			ChunkIndex from = this.indexes.index(this.migration.fromModel());
			ChunkIndex to = this.indexes.index(this.migration.toModel());
			to.deleteKnowledgeBase(knowledgeBase);
			List<Document> documents = this.documents.findByKnowledgeBase(knowledgeBase);
			int chunks = 0;
			for (Document document : documents) {
				chunks += from.count(document.id());
			}
			this.documentsTotal = documents.size();
			this.chunksTotal = chunks;
			report();
			for (Document document : documents) {
				if (!stillRunning()) {
					return;
				}
				this.chunksDone += copy(document.id(), from, to);
				this.documentsDone++;
				report();
			}
			if (!stillRunning() || !this.store.transition(this.migration.id(), EmbeddingMigration.Status.RUNNING,
					EmbeddingMigration.Status.SWITCHING, null, this.clock.instant())) {
				return;
			}
			this.ends.switchOver(this.migration);
		}
		catch (RuntimeException ex) {
			if (this.stopping.getAsBoolean()) {
				throw stopped(ex);
			}
			log.warn("Moving knowledge base {} to {} failed", knowledgeBase, this.migration.toModel(), ex);
			this.ends.fail(this.migration, "Embedding with " + this.migration.toModel() + " failed: " + message(ex));
		}
	}

	private static InterruptedException stopped(Throwable cause) {
		InterruptedException stopped = new InterruptedException("The service stops");
		if (cause != null) {
			stopped.initCause(cause);
		}
		return stopped;
	}

	/**
	 * Copies one document's chunks, as the old index holds them, into the new index,
	 * embedded with its model; again if the document changed meanwhile (a write that
	 * began before the migration reaches the old index only).
	 * @return how many chunks the document has
	 */
	private int copy(String documentId, ChunkIndex from, ChunkIndex to) throws InterruptedException {
		int done = this.chunksDone;
		List<Chunk> chunks = from.chunks(documentId);
		for (int attempt = 0; attempt < COPY_ATTEMPTS; attempt++) {
			if (chunks.isEmpty()) {
				to.deleteDocument(documentId);
				return 0;
			}
			boolean written = to.replace(documentId, chunks, (embedded) -> this.chunksDone = done + embedded,
					() -> !this.stopping.getAsBoolean() && this.documents.findById(documentId).isPresent() && wanted());
			this.chunksDone = done;
			if (!written) {
				if (this.stopping.getAsBoolean()) {
					throw stopped(null);
				}
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
	 * @return whether the migration goes on: not cancelled, not ended elsewhere
	 * @throws InterruptedException when the service stops (the migration stays RUNNING)
	 */
	private boolean stillRunning() throws InterruptedException {
		if (this.stopping.getAsBoolean()) {
			throw stopped(null);
		}
		return wanted();
	}

	/**
	 * @return whether the store still has the migration RUNNING
	 */
	private boolean wanted() {
		return this.store.findById(this.migration.id())
			.map((m) -> m.status() == EmbeddingMigration.Status.RUNNING)
			.orElse(false);
	}

	/**
	 * Writes the progress to the store.
	 */
	void report() {
		this.store.progress(this.migration.id(), this.documentsDone, this.documentsTotal, this.chunksDone,
				Math.max(this.chunksTotal, this.chunksDone));
	}

	private static String message(Throwable ex) {
		String message = null;
		for (Throwable cause = ex; cause != null && message == null; cause = cause.getCause()) {
			message = cause.getMessage();
		}
		return Objects.requireNonNullElse(message, ex.getClass().getSimpleName());
	}

}
