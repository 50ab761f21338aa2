package dev.ragchat.api;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes secrets and generated key material readable by the owner only (0600 files, 0700
 * directories) where the file system has POSIX permissions.
 */
public final class PrivateFiles {

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private PrivateFiles() {
	}

	/**
	 * @return whether the default file system has POSIX permissions (not on Windows)
	 */
	public static boolean posix() {
		return POSIX;
	}

	public static void createDirectories(Path dir) throws IOException {
		if (Files.isDirectory(dir)) {
			return;
		}
		Files.createDirectories(dir);
		if (POSIX) {
			Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
		}
	}

	/**
	 * Creates the directory owner-only, or makes an existing one owner-only (0700), for a
	 * directory that holds secrets whatever its creator gave it.
	 * @param dir the directory
	 * @throws IOException if it cannot be created, or its permissions changed (a
	 * directory of another owner)
	 */
	public static void restrictDirectory(Path dir) throws IOException {
		createDirectories(dir);
		if (POSIX) {
			Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
		}
	}

	/**
	 * Writes the file so that it is never readable by others, not even for a moment.
	 * @param file the file to create; it must not exist
	 * @param content its content
	 * @throws IOException if the file exists or cannot be written
	 */
	public static void writeNew(Path file, byte[] content) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			createDirectories(parent);
		}
		if (POSIX) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		else {
			Files.createFile(file);
		}
		Files.write(file, content, StandardOpenOption.TRUNCATE_EXISTING);
	}

}
