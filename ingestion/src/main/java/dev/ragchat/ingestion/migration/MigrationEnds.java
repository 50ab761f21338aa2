package dev.ragchat.ingestion.migration;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import dev.ragchat.ingestion.KnowledgeBase;
import dev.ragchat.ingestion.KnowledgeBaseStore;
import dev.ragchat.retrieval.ChunkIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a migration ends, whichever node ends it: switched over to the new model once its
 * chunks are all in the new index, or FAILED with the new index's chunks (the shadow)
 * dropped and the old index as it was.
 */
final class MigrationEnds {

	private static final Logger log = LoggerFactory.getLogger(MigrationEnds.class);

	private static final int MAX_ERROR = 2000;

	private final KnowledgeBaseStore knowledgeBases;

	private final EmbeddingMigrationStore store;

	private final ChunkIndexes indexes;

	private final Clock clock;

	MigrationEnds(KnowledgeBaseStore knowledgeBases, EmbeddingMigrationStore store, ChunkIndexes indexes, Clock clock) {
		this.knowledgeBases = knowledgeBases;
		this.store = store;
		this.indexes = indexes;
		this.clock = clock;
	}

	/**
	 * The switch of a migration whose chunks are all in the new index: the knowledge
	 * base's record names the new model (one conditional write: from then on every search
	 * reads the new index), then the old index's chunks go.
	 */
	void switchOver(EmbeddingMigration migration) {
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
	void fail(EmbeddingMigration migration, String reason) {
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

	void dropShadow(EmbeddingMigration migration) {
		try {
			this.indexes.index(migration.toModel()).deleteKnowledgeBase(migration.knowledgeBase());
		}
		catch (RuntimeException ex) {
			log.warn("Cannot drop the chunks of knowledge base {} from the index of {}", migration.knowledgeBase(),
					migration.toModel(), ex);
		}
	}

}
