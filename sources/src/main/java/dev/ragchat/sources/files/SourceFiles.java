package dev.ragchat.sources.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;

import dev.ragchat.ingestion.Document;

/**
 * The files of a source, as a sync sees them: listed with paths relative to the folder or
 * prefix (a web page's path is its URL), each fetched to a local file when it is
 * compared. A sync walks them one at a time ({@link #walk}): a folder or a bucket is
 * listed first, a web site is crawled as it goes.
 */
public interface SourceFiles {

	/**
	 * @param stored the documents that came from the source
	 * @param stopped whether the run is to stop (a walk that waits on the network looks
	 * at it meanwhile; the run looks at it between files)
	 * @return its files, one at a time
	 * @throws IOException if the source cannot be read at all (then nothing is deleted)
	 */
	default Walk walk(Stored stored, BooleanSupplier stopped) throws IOException {
		List<Entry> entries = list();
		Iterator<Entry> each = entries.iterator();
		return new Walk() {

			@Override
			public int found() {
				return entries.size();
			}

			@Override
			public Entry next() {
				return each.hasNext() ? each.next() : null;
			}

		};
	}

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
	 * A source's files one at a time.
	 */
	interface Walk extends AutoCloseable {

		/**
		 * @return how many files it found so far (all of them, for a listing)
		 */
		int found();

		/**
		 * @return the next file, or {@code null} after the last
		 * @throws IOException if the source cannot be read any further
		 * @throws InterruptedException if interrupted while waiting
		 */
		Entry next() throws IOException, InterruptedException;

		/**
		 * Records that a file's document is current (added, replaced or unchanged).
		 * @param entry a file of this walk
		 */
		default void current(Entry entry) {
		}

		/**
		 * @return why the walk did not meet every file of the source (then no document is
		 * deleted for its file being gone), or {@code null}
		 */
		default String incomplete() {
			return null;
		}

		/**
		 * Ends the walk (a crawl keeps what it learnt for the next one).
		 */
		@Override
		default void close() throws IOException {
		}

	}

	/**
	 * The documents that came from a source.
	 */
	interface Stored {

		/**
		 * @param path a file's path
		 * @return its document, or {@code null}
		 */
		Document find(String path);

		/**
		 * @param document a document
		 * @return its original's bytes
		 * @throws IOException if they cannot be read
		 */
		InputStream open(Document document) throws IOException;

	}

	/**
	 * A listed file.
	 *
	 * @param path its path relative to the source, {@code /}-separated (a web page's: its
	 * URL)
	 * @param location where it is read from (a file, or an object key)
	 * @param size its size in bytes as listed (on disk, or the object's), or -1 if
	 * unknown
	 * @param skipped why it is not read, or {@code null}
	 * @param failed why it could not be read, or {@code null}
	 * @param notModified whether its server said it did not change since its document was
	 * read (a web page's conditional request)
	 * @param name the file name its document gets, or {@code null} for the last part of
	 * its path
	 */
	record Entry(String path, String location, long size, String skipped, String failed, boolean notModified,
			String name) {

		/**
		 * A file to read, or one listed but not read.
		 */
		public Entry(String path, String location, long size, String skipped) {
			this(path, location, size, skipped, null, false, null);
		}

		/**
		 * @param path its path relative to the source
		 * @param location where it would be read from
		 * @param skipped why it is not read
		 * @return a file that is listed but not read
		 */
		public static Entry skipped(String path, String location, String skipped) {
			return new Entry(path, location, -1, skipped);
		}

		/**
		 * @return its name, the last part of its path
		 */
		public String filename() {
			return (this.name != null) ? this.name : this.path.substring(this.path.lastIndexOf('/') + 1);
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

		/**
		 * @param file a download of this sync's own
		 * @return it, deleted once read
		 */
		static Local download(Path file) {
			return new Local() {

				@Override
				public Path file() {
					return file;
				}

				@Override
				public void close() throws IOException {
					java.nio.file.Files.deleteIfExists(file);
				}

			};
		}

	}

}
