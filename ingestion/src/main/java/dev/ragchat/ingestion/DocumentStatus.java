package dev.ragchat.ingestion;

/**
 * Where a document is on its way to the index.
 */
public enum DocumentStatus {

	/** Stored, waiting for a worker. */
	QUEUED,

	/** Being read and split into chunks. */
	PARSING,

	/** Its chunks are being embedded and indexed. */
	EMBEDDING,

	/** Searchable. */
	READY,

	/** Gave up; {@code error} says why. Nothing of it is in the index. */
	FAILED;

	boolean isWorking() {
		return this == PARSING || this == EMBEDDING;
	}

}
