package dev.ragchat.ingestion.migration;

import java.time.Instant;

/**
 * A knowledge base's move to another embedding model: its chunks embedded again into the
 * new model's index (the shadow) while its searches read the old one, then one switch.
 *
 * @param id its id
 * @param knowledgeBase the knowledge base
 * @param fromModel the model it was built with
 * @param fromDimensions the dimensions of that model's vectors
 * @param toModel the model it moves to
 * @param toDimensions the dimensions of that model's vectors
 * @param status where it stands
 * @param documentsDone documents embedded again so far
 * @param documentsTotal documents to embed again
 * @param chunksDone chunks embedded again so far
 * @param chunksTotal chunks to embed again
 * @param error why it failed, or {@code null}
 * @param createdAt when it was asked for
 * @param finishedAt when it ended, or {@code null}
 */
public record EmbeddingMigration(String id, String knowledgeBase, String fromModel, int fromDimensions, String toModel,
		int toDimensions, Status status, int documentsDone, int documentsTotal, int chunksDone, int chunksTotal,
		String error, Instant createdAt, Instant finishedAt) {

	/**
	 * Where a migration stands.
	 */
	public enum Status {

		/** Embedding the chunks again; searches read the old index. */
		RUNNING,

		/** Every chunk is in the new index; the knowledge base is being switched. */
		SWITCHING,

		/** Switched: searches read the new index; the old one's chunks are gone. */
		SUCCEEDED,

		/** Stopped by an error; the old index is untouched, the new one's chunks gone. */
		FAILED,

		/** Cancelled; the old index is untouched, the new one's chunks gone. */
		CANCELLED;

		/**
		 * @return whether the migration still holds its knowledge base's shadow
		 */
		public boolean live() {
			return this == RUNNING || this == SWITCHING;
		}

	}

}
