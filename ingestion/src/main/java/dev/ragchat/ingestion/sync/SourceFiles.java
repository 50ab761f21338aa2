package dev.ragchat.ingestion.sync;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The files of a source, as a sync sees them: listed with paths relative to the folder or
 * prefix, each fetched to a local file when it is compared.
 */
interface SourceFiles {

	/**
	 * @return every file, sorted by path; a file that may not be read carries the reason
	 * @throws IOException if the source cannot be listed at all (then nothing is deleted)
	 */
	List<Entry> list() throws IOException;

	/**
	 * @param entry a listed file
	 * @return its bytes in a local file
	 * @throws Skipped if it turns out it may not be read after all
	 * @throws IOException if it cannot be read
	 */
	Local fetch(Entry entry) throws IOException;

	/**
	 * @return whether {@link #fetch} copies the file to local disk (a download), so that
	 * the free-space floor applies to it
	 */
	default boolean fetchCopies() {
		return false;
	}

	/**
	 * A listed file.
	 *
	 * @param path its path relative to the source, {@code /}-separated
	 * @param location where it is read from (a file, or an object key)
	 * @param size its size in bytes as listed (on disk, or the object's), or -1 if
	 * unknown
	 * @param skipped why it is not read, or {@code null}
	 */
	record Entry(String path, String location, long size, String skipped) {

		/**
		 * @param path its path relative to the source
		 * @param location where it would be read from
		 * @param skipped why it is not read
		 * @return a file that is listed but not read
		 */
		static Entry skipped(String path, String location, String skipped) {
			return new Entry(path, location, -1, skipped);
		}

		/**
		 * @return its name, the last part of its path
		 */
		String filename() {
			return this.path.substring(this.path.lastIndexOf('/') + 1);
		}

	}

	/**
	 * A listed file that may not be read after all (found out when it is fetched): it is
	 * reported skipped with the reason.
	 */
	final class Skipped extends IOException {

		Skipped(String reason) {
			super(reason);
		}

	}

	/**
	 * A file's bytes on local disk, removed when closed if they were a copy.
	 */
	interface Local extends AutoCloseable {

		Path file();

		@Override
		void close() throws IOException;

	}

}
