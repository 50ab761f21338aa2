package dev.ragchat.ingestion.reading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work directory (under the data directory): where a worker keeps its copy of an
 * original, rendered pages and PDFBox's scratch files while a document ingests, and where
 * a metadata change stages the original it queues again. It is owner-only (0700), its
 * files are created 0600, and whatever a crash left in it is removed at start.
 */
public final class WorkFiles {

	private static final Logger logger = LoggerFactory.getLogger(WorkFiles.class);

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private WorkFiles() {
	}

	/**
	 * Creates the work directory owner-only, or empties it of what an earlier run left.
	 * @param dir the work directory
	 * @return how many leftovers were removed
	 * @throws IOException if it cannot be created or cleaned
	 */
	public static int prepare(Path dir) throws IOException {
		Files.createDirectories(dir);
		if (POSIX) {
			Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
		}
		int removed = 0;
		try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir)) {
			for (Path leftover : leftovers) {
				remove(leftover);
				removed++;
			}
		}
		if (removed > 0) {
			logger.info("Removed {} work files left in {} by an earlier run", removed, dir);
		}
		return removed;
	}

	/**
	 * Removes a leftover and all under it. A file that goes while the tree is read (its
	 * writer removed it) is gone as it should be: not an error. A directory that gained a
	 * file while it was emptied (an earlier run's writer still finishing) is read again,
	 * a few times.
	 */
	private static void remove(Path leftover) throws IOException {
		for (int attempt = 1;; attempt++) {
			try {
				removeTree(leftover);
				return;
			}
			catch (DirectoryNotEmptyException ex) {
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	private static void removeTree(Path leftover) throws IOException {
		try (Stream<Path> tree = Files.walk(leftover)) {
			for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (NoSuchFileException ex) {
			// the leftover itself went
		}
		catch (UncheckedIOException ex) {
			if (!(ex.getCause() instanceof NoSuchFileException)) {
				throw ex;
			}
		}
	}

	/**
	 * @param dir the work directory
	 * @param prefix the file name's start
	 * @param suffix the file name's end
	 * @return a new, empty file readable and writable by the owner only
	 * @throws IOException if it cannot be created
	 */
	public static Path create(Path dir, String prefix, String suffix) throws IOException {
		if (!Files.isDirectory(dir)) {
			// not prepared yet (the workers prepare it when they start)
			Files.createDirectories(dir);
			if (POSIX) {
				Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
			}
		}
		return POSIX
				? Files.createTempFile(dir, prefix, suffix,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
				: Files.createTempFile(dir, prefix, suffix);
	}

}
