package dev.ragchat.ingestion.sync;

import java.time.Instant;

/**
 * Where a knowledge base's files come from: a server folder or an S3 bucket and prefix.
 *
 * @param id its id ({@code src_…})
 * @param knowledgeBase the knowledge base it fills
 * @param type folder or S3
 * @param path the folder's real path on the server (folder sources)
 * @param bucket the bucket (S3 sources)
 * @param prefix the key prefix inside the bucket, possibly empty (S3 sources)
 * @param deleteMissing whether a sync deletes the documents whose file is gone (default
 * {@code false}: they are kept and reported)
 * @param intervalMinutes how often it syncs by itself, or {@code null} for only when
 * asked
 * @param createdAt when it was created
 * @param lastRunId its latest run, or {@code null}
 * @param lastRunAt when its latest run started, or {@code null}
 * @param activeRunId the run that holds it now, or {@code null}
 */
public record Source(String id, String knowledgeBase, Type type, String path, String bucket, String prefix,
		boolean deleteMissing, Integer intervalMinutes, Instant createdAt, String lastRunId, Instant lastRunAt,
		String activeRunId) {

	/**
	 * @return where it reads, for messages: the folder, or {@code s3://bucket/prefix}
	 */
	public String location() {
		return (this.type == Type.FOLDER) ? this.path : "s3://" + this.bucket + "/" + this.prefix;
	}

	/**
	 * The kinds of source.
	 */
	public enum Type {

		/** A folder on the server, under one of {@code ragchat.sync.folder-roots}. */
		FOLDER,

		/** An S3 bucket and key prefix. */
		S3

	}

}
