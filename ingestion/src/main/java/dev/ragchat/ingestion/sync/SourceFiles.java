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
	 * @throws IOException if it cannot be read
	 */
	Local fetch(Entry entry) throws IOException;

	/**
	 * A listed file.
	 *
	 * @param path its path relative to the source, {@code /}-separated
	 * @param location where it is read from (a file, or an object key)
	 * @param skipped why it is not read, or {@code null}
	 */
	record Entry(String path, String location, String skipped) {

		/**
		 * @return its name, the last part of its path
		 */
		String filename() {
			return this.path.substring(this.path.lastIndexOf('/') + 1);
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
