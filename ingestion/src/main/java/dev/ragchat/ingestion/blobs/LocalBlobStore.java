package dev.ragchat.ingestion.blobs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.ragchat.ingestion.BlobStore;

/**
 * Originals in a local directory, one file per key. Writes go to a temporary file first
 * and are moved into place, so a crash never leaves half a file under a key.
 */
public final class LocalBlobStore implements BlobStore {

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}(/[A-Za-z0-9_-]{1,64})*");

	private final Path root;

	public LocalBlobStore(Path root) throws IOException {
		this.root = Files.createDirectories(root).toRealPath();
	}

	@Override
	public void put(String key, Path file, String mediaType) throws IOException {
		Path target = resolve(key);
		Files.createDirectories(target.getParent());
		Path temp = Files.createTempFile(target.getParent(), ".upload", ".tmp");
		try {
			Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	@Override
	public InputStream open(String key) throws IOException {
		return Files.newInputStream(resolve(key));
	}

	@Override
	public Optional<URI> presignedUrl(String key, Duration ttl) {
		return Optional.empty();
	}

	@Override
	public boolean exists(String key) {
		return Files.isRegularFile(resolve(key));
	}

	@Override
	public void delete(String key) throws IOException {
		Files.deleteIfExists(resolve(key));
	}

	private Path resolve(String key) {
		if (!KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("Invalid blob key '" + key + "'");
		}
		Path path = this.root.resolve(key).normalize();
		if (!path.startsWith(this.root)) {
			throw new IllegalArgumentException("Invalid blob key '" + key + "'");
		}
		return path;
	}

}
