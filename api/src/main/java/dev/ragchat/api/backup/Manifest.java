package dev.ragchat.api.backup;

import java.util.List;
import java.util.Map;

/**
 * What a backup holds, written first into its archive as {@code manifest.json}: the
 * versions it was taken with, counts, the embedding model its vectors come from, and
 * every file's size and SHA-256 checksum, which a restore checks before it writes
 * anything.
 *
 * @param format the archive's layout version ({@link #FORMAT})
 * @param name the archive's name
 * @param createdAt when the backup began (ISO-8601)
 * @param ragchatVersion the version of ragchat that took it
 * @param catalogSchema the catalog's last Flyway migration
 * @param database the catalog database and its version
 * @param embeddingModel the model the index's vectors come from
 * @param dimensions their dimensions
 * @param counts knowledge bases, documents, chunks, API keys, sessions, messages and
 * originals in the backup
 * @param originals {@code included}, or where they are kept when not in the backup
 * @param files every file of the archive but the manifest
 */
public record Manifest(int format, String name, String createdAt, String ragchatVersion, String catalogSchema,
		String database, String embeddingModel, int dimensions, Map<String, Long> counts, String originals,
		List<FileEntry> files) {

	static final int FORMAT = 1;

	static final String ENTRY = "manifest.json";

	/**
	 * A file of the backup.
	 *
	 * @param path its path in the archive and in the restored data directory
	 * @param size its size in bytes
	 * @param sha256 its SHA-256 checksum, lowercase hex
	 */
	public record FileEntry(String path, long size, String sha256) {

	}

}
