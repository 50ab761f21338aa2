package dev.ragchat.api.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.ragchat.api.PrivateFiles;
import dev.ragchat.errors.NotFoundException;

/**
 * Backups in a local folder (owner-only), each archive copied under a temporary name and
 * moved into place.
 */
final class FolderTarget implements BackupTarget {

	private final Path folder;

	FolderTarget(Path folder) {
		this.folder = folder;
	}

	@Override
	public void store(String name, Path archive) throws IOException {
		PrivateFiles.createDirectories(this.folder);
		Path temp = this.folder.resolve("." + name + ".tmp");
		Files.copy(archive, temp, StandardCopyOption.REPLACE_EXISTING);
		Files.move(temp, this.folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
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
