package dev.ragchat.api.backup;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import dev.ragchat.errors.RejectedInputException;

/**
 * Where finished backups are kept: archives by name, listed, fetched and deleted.
 */
interface BackupTarget {

	/**
	 * Stores an archive under a name; it appears whole or not at all.
	 * @param name the archive's name
	 * @param archive the file
	 * @throws IOException if it cannot be stored
	 */
	void store(String name, Path archive) throws IOException;

	/**
	 * @return the archives kept, oldest first (names sort by time)
	 * @throws IOException if the target cannot be listed
	 */
	List<Stored> list() throws IOException;

	/**
	 * Copies an archive to a local file.
	 * @param name the archive's name
	 * @param file where to put it
	 * @throws IOException if there is no such archive or it cannot be read
	 */
	void fetch(String name, Path file) throws IOException;

	/**
	 * @param name an archive's name
	 * @throws IOException if it cannot be deleted
	 */
	void delete(String name) throws IOException;

	/**
	 * @return where the archives are, for people: a folder or an {@code s3://} URI
	 */
	String location();

	/**
	 * @param target a folder or {@code s3://bucket/prefix}
	 * @param s3 the S3 client's settings
	 * @return the target
	 */
	static BackupTarget of(String target, BackupProperties.S3 s3) {
		if (target.startsWith("s3://")) {
			URI uri = URI.create(target);
			if (uri.getHost() == null || uri.getHost().isBlank()) {
				throw new RejectedInputException("An S3 backup target is s3://bucket/prefix; got '" + target + "'");
			}
			String prefix = (uri.getPath() == null) ? "" : uri.getPath().replaceFirst("^/+", "");
			if (!prefix.isEmpty() && !prefix.endsWith("/")) {
				prefix = prefix + "/";
			}
			return new S3Target(S3Target.client(s3), uri.getHost(), prefix);
		}
		return new FolderTarget(Path.of(target).toAbsolutePath().normalize());
	}

	/**
	 * An archive kept by a target.
	 *
	 * @param name its name
	 * @param size its size in bytes
	 */
	record Stored(String name, long size) {

	}

}
