package dev.ragchat.sources.files;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A folder source's files: every regular file under the folder, its sub-folders included.
 * Names starting with a dot (".git", ".DS_Store") are left out. Symbolic links are not
 * followed when walking; a link to a file inside the folder is read as that file, any
 * other link (leaving the folder, to a folder, broken) is skipped with the reason. Every
 * file is read from its real path, checked again to be inside the folder when it is
 * fetched. The service's own files ({@link ProtectedPaths}) are never read: a folder of
 * them met in the walk is skipped whole, and a file that is one of them, or a hard link
 * to one, is skipped, each with the reason; both are checked again when a file is
 * fetched.
 */
public final class FolderFiles implements SourceFiles {

	private final Path folder;

	private final ProtectedPaths protectedPaths;

	private ProtectedPaths.Guard guard;

	/**
	 * @param folder the folder's real path
	 * @param protectedPaths the service's own files
	 */
	public FolderFiles(Path folder, ProtectedPaths protectedPaths) {
		this.folder = folder;
		this.protectedPaths = protectedPaths;
	}

	@Override
	public List<Entry> list() throws IOException {
		if (!Files.isDirectory(this.folder)) {
			throw new IOException("The folder " + this.folder + " is gone");
		}
		ProtectedPaths.Guard walk = guard();
		Optional<ProtectedPaths.Location> enclosing = walk.enclosing(this.folder);
		if (enclosing.isPresent()) {
			throw new IOException("The folder is " + enclosing.get().what()
					+ " or lies inside it: the service's own files are never read");
		}
		List<Entry> entries = new ArrayList<>();
		Files.walkFileTree(this.folder, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
				if (dir.equals(FolderFiles.this.folder)) {
					return FileVisitResult.CONTINUE;
				}
				if (hidden(dir)) {
					return FileVisitResult.SKIP_SUBTREE;
				}
				// the walk follows no links: the folder's real path, resolved, is its own
				String refusal = walk.refusal(dir, attrs);
				if (refusal != null) {
					entries.add(Entry.skipped(relative(dir) + "/", dir.toString(), refusal));
					return FileVisitResult.SKIP_SUBTREE;
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
				if (!hidden(file)) {
					entries.add(entry(file, attrs, walk));
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException ex) {
				if (!hidden(file)) {
					entries.add(Entry.skipped(relative(file), file.toString(), "cannot be read: " + ex.getMessage()));
				}
				return FileVisitResult.CONTINUE;
			}

		});
		entries.sort(Comparator.comparing(Entry::path));
		return entries;
	}

	private Entry entry(Path file, BasicFileAttributes attrs, ProtectedPaths.Guard walk) {
		String path = relative(file);
		Path target = file;
		BasicFileAttributes read = attrs;
		if (attrs.isSymbolicLink()) {
			try {
				target = file.toRealPath();
			}
			catch (IOException ex) {
				return Entry.skipped(path, file.toString(), "a symbolic link to nothing (broken)");
			}
			if (!target.startsWith(this.folder)) {
				return Entry.skipped(path, file.toString(), "a symbolic link that leads out of the source's folder");
			}
			if (!Files.isRegularFile(target)) {
				return Entry.skipped(path, file.toString(), "a symbolic link to a folder; links are not followed");
			}
			try {
				read = Files.readAttributes(target, BasicFileAttributes.class);
			}
			catch (IOException ex) {
				return Entry.skipped(path, file.toString(), "cannot be read: " + ex.getMessage());
			}
		}
		else if (!attrs.isRegularFile()) {
			return Entry.skipped(path, file.toString(), "not a regular file");
		}
		String refusal = walk.refusal(target, read);
		if (refusal != null) {
			return Entry.skipped(path, file.toString(), refusal);
		}
		return new Entry(path, target.toString(), read.size(), null);
	}

	@Override
	public Local fetch(Entry entry) throws IOException {
		Path file = Path.of(entry.location()).toRealPath();
		if (!file.startsWith(this.folder) || !Files.isRegularFile(file)) {
			throw new IOException("it is no longer a file inside the source's folder");
		}
		String refusal = guard().refusal(file, Files.readAttributes(file, BasicFileAttributes.class));
		if (refusal != null) {
			throw new Skipped(refusal);
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

	/**
	 * @return the guard of this walk (one per sync run, as is this object)
	 */
	private synchronized ProtectedPaths.Guard guard() {
		if (this.guard == null) {
			this.guard = this.protectedPaths.guard();
		}
		return this.guard;
	}

	private String relative(Path file) {
		return this.folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
	}

	private static boolean hidden(Path path) {
		Path name = path.getFileName();
		return name != null && name.toString().startsWith(".");
	}

}
