package dev.ragchat.ingestion.sync;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A folder source's files: every regular file under the folder, its sub-folders included.
 * Names starting with a dot (".git", ".DS_Store") are left out. Symbolic links are not
 * followed when walking; a link to a file inside the folder is read as that file, any
 * other link (leaving the folder, to a folder, broken) is skipped with the reason. Every
 * file is read from its real path, checked again to be inside the folder when it is
 * fetched.
 */
final class FolderFiles implements SourceFiles {

	private final Path folder;

	/**
	 * @param folder the folder's real path
	 */
	FolderFiles(Path folder) {
		this.folder = folder;
	}

	@Override
	public List<Entry> list() throws IOException {
		if (!Files.isDirectory(this.folder)) {
			throw new IOException("The folder " + this.folder + " is gone");
		}
		List<Entry> entries = new ArrayList<>();
		Files.walkFileTree(this.folder, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
				return (!dir.equals(FolderFiles.this.folder) && hidden(dir)) ? FileVisitResult.SKIP_SUBTREE
						: FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
				if (!hidden(file)) {
					entries.add(entry(file, attrs));
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException ex) {
				if (!hidden(file)) {
					entries.add(new Entry(relative(file), file.toString(), "cannot be read: " + ex.getMessage()));
				}
				return FileVisitResult.CONTINUE;
			}

		});
		entries.sort(Comparator.comparing(Entry::path));
		return entries;
	}

	private Entry entry(Path file, BasicFileAttributes attrs) {
		String path = relative(file);
		if (attrs.isSymbolicLink()) {
			Path target;
			try {
				target = file.toRealPath();
			}
			catch (IOException ex) {
				return new Entry(path, file.toString(), "a symbolic link to nothing (broken)");
			}
			if (!target.startsWith(this.folder)) {
				return new Entry(path, file.toString(), "a symbolic link that leads out of the source's folder");
			}
			if (!Files.isRegularFile(target)) {
				return new Entry(path, file.toString(), "a symbolic link to a folder; links are not followed");
			}
			return new Entry(path, target.toString(), null);
		}
		if (!attrs.isRegularFile()) {
			return new Entry(path, file.toString(), "not a regular file");
		}
		return new Entry(path, file.toString(), null);
	}

	@Override
	public Local fetch(Entry entry) throws IOException {
		Path file = Path.of(entry.location()).toRealPath();
		if (!file.startsWith(this.folder) || !Files.isRegularFile(file)) {
			throw new IOException("it is no longer a file inside the source's folder");
		}
		return new Local() {

			@Override
			public Path file() {
				return file;
			}

			@Override
			public void close() {
				// the folder's own file: nothing to remove
			}

		};
	}

	private String relative(Path file) {
		return this.folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
	}

	private static boolean hidden(Path path) {
		Path name = path.getFileName();
		return name != null && name.toString().startsWith(".");
	}

}
