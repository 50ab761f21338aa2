package dev.ragchat.api.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.ragchat.api.PrivateFiles;
import dev.ragchat.errors.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups in a local folder, each archive copied under a temporary name and moved into
 * place. An archive holds the generated secrets ({@code master.key},
 * {@code jwt-signing.key}): it is created owner-only (0600) before a byte is written,
 * whatever the umask, and the folder is made owner-only (0700) even when its creator gave
 * it more (on POSIX file systems).
 */
final class FolderTarget implements BackupTarget {

	private static final Logger logger = LoggerFactory.getLogger(FolderTarget.class);

	private final Path folder;

	FolderTarget(Path folder) {
		this.folder = folder;
	}

	@Override
	public void store(String name, Path archive) throws IOException {
		try {
			PrivateFiles.restrictDirectory(this.folder);
		}
		catch (FileSystemException ex) {
			// a folder of another owner: its archives are owner-only all the same
			logger.warn("Cannot make the backup folder {} owner-only (0700): {}", this.folder, ex.toString());
		}
		Path temp = this.folder.resolve("." + name + ".tmp");
		Files.deleteIfExists(temp);
		// created 0600, then filled (Files.copy would give it the source's mode, less the
		// umask)
		PrivateFiles.writeNew(temp, new byte[0]);
		try {
			try (OutputStream out = Files.newOutputStream(temp)) {
				Files.copy(archive, out);
			}
			Files.move(temp, this.folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	@Override
	public List<Stored> list() throws IOException {
		if (!Files.isDirectory(this.folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.folder)) {
			return files.filter((file) -> Archives.isName(file.getFileName().toString()))
				.map((file) -> new Stored(file.getFileName().toString(), file.toFile().length()))
				.sorted(Comparator.comparing(Stored::name))
				.toList();
		}
	}

	@Override
	public void fetch(String name, Path file) throws IOException {
		Path archive = this.folder.resolve(name);
		if (!Archives.isName(name) || !Files.isRegularFile(archive)) {
			throw new NotFoundException("No backup " + name + " in " + this.folder);
		}
		Files.copy(archive, file, StandardCopyOption.REPLACE_EXISTING);
	}

	@Override
	public void delete(String name) throws IOException {
		Files.deleteIfExists(this.folder.resolve(name));
	}

	@Override
	public String location() {
		return this.folder.toString();
	}

}
