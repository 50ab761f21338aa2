package dev.ragchat.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.errors.UnprocessableException;

/**
 * The allow-list of folders that folder sources may read: a folder is accepted only when
 * its path, as written and once every symbolic link in it is resolved, lies under one of
 * the roots. A path outside every root is refused before the file system is asked
 * anything about it, so that the refusal tells nothing of what exists elsewhere.
 */
final class FolderRoots {

	private final List<Path> roots;

	FolderRoots(List<Path> roots) {
		this.roots = roots.stream().map((root) -> root.toAbsolutePath().normalize()).toList();
	}

	/**
	 * @param path the folder a source asks for
	 * @return its real path, under a root
	 * @throws UnprocessableException when no roots are configured
	 * @throws RejectedInputException when it is not an absolute path to a folder under a
	 * root
	 */
	Path check(String path) {
		if (this.roots.isEmpty()) {
			throw new UnprocessableException("Folder sources are off: set " + SyncProperties.FOLDER_ROOTS
					+ " (ragchat.sync.folder-roots) to the server folders they may read");
		}
		if (path == null || path.isBlank()) {
			throw new RejectedInputException("A folder source needs 'path', an absolute folder on the server");
		}
		Path asked;
		try {
			asked = Path.of(path);
		}
		catch (InvalidPathException ex) {
			throw new RejectedInputException("path '" + path + "' is not a valid path");
		}
		if (!asked.isAbsolute()) {
			throw new RejectedInputException("path '" + path + "' must be absolute");
		}
		Path normalized = asked.normalize();
		List<Path> real = realRoots();
		if (!under(normalized, this.roots) && !under(normalized, real)) {
			throw outside(path);
		}
		Path folder;
		try {
			folder = normalized.toRealPath();
		}
		catch (IOException ex) {
			throw new RejectedInputException("No folder '" + path + "' on the server");
		}
		if (!under(folder, real)) {
			// a symbolic link on the way leaves the roots
			throw outside(path);
		}
		if (!Files.isDirectory(folder)) {
			throw new RejectedInputException("'" + path + "' is not a folder");
		}
		return folder;
	}

	/**
	 * Checks the roots against the data directory, when the service starts: a root inside
	 * it admits nothing a source may read, and a root that contains it is refused unless
	 * the operator allows it (even then, the service's own files are never read, see
	 * {@link dev.ragchat.sources.files.ProtectedPaths}).
	 * @param dataDirectory the data directory
	 * @param allowContaining whether a root may contain it
	 * ({@code ragchat.sync.allow-root-containing-data-dir})
	 * @throws IllegalStateException if a root lies inside the data directory, or contains
	 * it and that is not allowed
	 */
	void checkAgainst(Path dataDirectory, boolean allowContaining) {
		List<Path> data = new ArrayList<>(List.of(dataDirectory.toAbsolutePath().normalize()));
		try {
			data.add(dataDirectory.toRealPath());
		}
		catch (IOException ex) {
			// not there yet: as configured
		}
		for (Path root : this.roots) {
			List<Path> forms = new ArrayList<>(List.of(root));
			try {
				forms.add(root.toRealPath());
			}
			catch (IOException ex) {
				// a root that does not exist (yet) admits nothing
			}
			for (Path form : forms) {
				for (Path dir : data) {
					if (form.startsWith(dir)) {
						throw new IllegalStateException(SyncProperties.FOLDER_ROOTS
								+ " (ragchat.sync.folder-roots): the root " + root + " lies inside the data directory "
								+ dataDirectory + ", whose files no source may read; choose a folder outside it");
					}
					if (dir.startsWith(form) && !allowContaining) {
						throw new IllegalStateException(SyncProperties.FOLDER_ROOTS
								+ " (ragchat.sync.folder-roots): the root " + root + " contains the data directory "
								+ dataDirectory + "; list folders that hold only documents, or set "
								+ SyncProperties.ALLOW_ROOT_CONTAINING_DATA_DIR
								+ "=true (the data directory, the secrets and the TLS key are never read all the same)");
					}
				}
			}
		}
	}

	private RejectedInputException outside(String path) {
		// the roots themselves are the operator's business, not an API key's
		return new RejectedInputException("Folder '" + path + "' is outside the roots of " + SyncProperties.FOLDER_ROOTS
				+ "; symbolic links may not lead out of them");
	}

	private List<Path> realRoots() {
		List<Path> real = new ArrayList<>();
		for (Path root : this.roots) {
			try {
				real.add(root.toRealPath());
			}
			catch (IOException ex) {
				// a root that does not exist (yet) admits nothing
			}
		}
		return real;
	}

	private static boolean under(Path path, List<Path> roots) {
		return roots.stream().anyMatch(path::startsWith);
	}

}
