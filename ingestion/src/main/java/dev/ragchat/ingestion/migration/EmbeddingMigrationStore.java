package dev.ragchat.ingestion.migration;

import java.time.Instant;
import java.util.Optional;

/**
 * The catalog port for embedding-model migrations: at most one live (running or
 * switching) per knowledge base. Every adapter passes
 * {@code EmbeddingMigrationStoreContractTests}.
 */
public interface EmbeddingMigrationStore {

	/**
	 * Stores a new running migration unless one of its knowledge base is live.
	 * @param migration the migration
	 * @return whether it was stored
	 */
	boolean start(EmbeddingMigration migration);

	Optional<EmbeddingMigration> findById(String id);

	/**
	 * @param knowledgeBase a knowledge base
	 * @return its live migration, if any
	 */
	Optional<EmbeddingMigration> live(String knowledgeBase);

	/**
	 * @param knowledgeBase a knowledge base
	 * @return its newest migration, live or ended
	 */
	Optional<EmbeddingMigration> latest(String knowledgeBase);

	/**
	 * Records a running migration's progress.
	 * @param id the migration
	 * @param documentsDone documents done
	 * @param documentsTotal documents in all
	 * @param chunksDone chunks done
	 * @param chunksTotal chunks in all
	 * @return whether it is still running
	 */
	boolean progress(String id, int documentsDone, int documentsTotal, int chunksDone, int chunksTotal);

	/**
	 * Moves a migration from one status to another, if it is still in the first: an ended
	 * one frees its knowledge base for the next.
	 * @param id the migration
	 * @param from the status it must be in
	 * @param to the new status
	 * @param error why it failed or was cancelled, or {@code null}
	 * @param at now
	 * @return whether it moved
	 */
	boolean transition(String id, EmbeddingMigration.Status from, EmbeddingMigration.Status to, String error,
			Instant at);

}
