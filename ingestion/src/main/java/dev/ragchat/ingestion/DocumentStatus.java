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

	/**
	 * @return whether the document will not change any more
	 */
	public boolean isFinal() {
		return this == READY || this == FAILED;
	}

}
