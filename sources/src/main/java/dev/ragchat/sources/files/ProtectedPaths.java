package dev.ragchat.sources.files;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.autoconfigure.ssl.JksSslBundleProperties;
import org.springframework.boot.autoconfigure.ssl.PemSslBundleProperties;
import org.springframework.boot.autoconfigure.ssl.SslProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.Ssl;
import org.springframework.core.env.Environment;

/**
 * The service's own files, which no source ever reads, whatever the folder roots say: the
 * data directory (catalog, index, originals, generated master key and session signing
 * key, audit log), the folders of the originals, the index, the embedded catalog and
 * folder backups when they are elsewhere, and the TLS private keys and key stores. A
 * folder source may not be, lie inside, or contain one of them; a sync's walk skips them
 * and reports it. Paths are compared once every symbolic link is resolved, and a file
 * that has more than one hard link is compared by its file key (device and inode) with
 * every protected file, so that a hard link to the master key is not read either.
 */
public final class ProtectedPaths {

	private final Location dataDirectory;

	private final List<Location> locations;

	/**
	 * @param dataDirectory the data directory
	 * @param others the other protected folders and files
	 */
	public ProtectedPaths(Path dataDirectory, List<Location> others) {
		this.dataDirectory = new Location("the data directory (RAGCHAT_DATA_DIR)", absolute(dataDirectory));
		List<Location> all = new ArrayList<>();
		all.add(this.dataDirectory);
		others.stream().map((l) -> new Location(l.what(), absolute(l.path()))).forEach(all::add);
		this.locations = List.copyOf(all);
	}

	/**
	 * @param environment the service's settings
	 * @return the protected locations they name
	 */
	public static ProtectedPaths of(Environment environment) {
		Binder binder = Binder.get(environment);
		List<Location> others = new ArrayList<>();
		path(environment.getProperty("ragchat.ingestion.blob-dir"))
			.ifPresent((p) -> others.add(new Location("the originals' folder (ragchat.ingestion.blob-dir)", p)));
		path(environment.getProperty("ragchat.retrieval.index-dir"))
			.ifPresent((p) -> others.add(new Location("the index folder (ragchat.retrieval.index-dir)", p)));
		String backups = environment.getProperty("ragchat.backup.target", "./backups");
		if (!backups.startsWith("s3://")) {
			path(backups).ifPresent((p) -> others.add(new Location("the backup folder (RAGCHAT_BACKUP_TARGET)", p)));
		}
		String datasource = environment.getProperty("spring.datasource.url", "");
		if (datasource.startsWith("jdbc:h2:file:")) {
			String file = datasource.substring("jdbc:h2:file:".length()).split(";", 2)[0];
			path(file).map(Path::getParent)
				.ifPresent((p) -> others.add(new Location("the catalog's folder (spring.datasource.url)", p)));
		}
		String tls = "a TLS private key or key store (RAGCHAT_TLS_KEY, server.ssl, spring.ssl.bundle)";
		path(environment.getProperty("ragchat.tls.key", "certs/server.key"))
			.ifPresent((p) -> others.add(new Location(tls, p)));
		binder.bind("server.ssl", Ssl.class).ifBound((ssl) -> {
			location(ssl.getKeyStore()).ifPresent((p) -> others.add(new Location(tls, p)));
			location(ssl.getCertificatePrivateKey()).ifPresent((p) -> others.add(new Location(tls, p)));
		});
		binder.bind("spring.ssl.bundle", SslProperties.Bundles.class).ifBound((bundles) -> {
			for (PemSslBundleProperties pem : bundles.getPem().values()) {
				location(pem.getKeystore().getPrivateKey()).ifPresent((p) -> others.add(new Location(tls, p)));
			}
			for (JksSslBundleProperties jks : bundles.getJks().values()) {
				location(jks.getKeystore().getLocation()).ifPresent((p) -> others.add(new Location(tls, p)));
			}
		});
		return new ProtectedPaths(path(environment.getProperty("ragchat.data-dir", "./data")).orElseThrow(), others);
	}

	/**
	 * @return the data directory, as configured (absolute)
	 */
	public Path dataDirectory() {
		return this.dataDirectory.path();
	}

	/**
	 * @param folder a folder's real path
	 * @return the protected location it is, lies inside or contains, if any
	 */
	public Optional<Location> overlapping(Path folder) {
		for (Location location : this.locations) {
			for (Path form : forms(location.path())) {
				if (folder.startsWith(form) || form.startsWith(folder)) {
					return Optional.of(location);
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * @return a guard for one walk: the protected locations resolved now
	 */
	Guard guard() {
		return new Guard();
	}

	private static Optional<Path> path(String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(absolute(Path.of(value)));
		}
		catch (InvalidPathException ex) {
			return Optional.empty();
		}
	}

	/**
	 * @param location a Spring resource location of a key or key store
	 * @return its file, when it is one (not on the class path, not inline PEM)
	 */
	private static Optional<Path> location(String location) {
		if (location == null || location.startsWith("classpath:") || location.contains("-----BEGIN")) {
			return Optional.empty();
		}
		return path(location.startsWith("file:") ? location.substring("file:".length()) : location);
	}

	private static Path absolute(Path path) {
		return path.toAbsolutePath().normalize();
	}

	/**
	 * @param path a protected location
	 * @return it as configured and, when it exists, as its real path
	 */
	private static List<Path> forms(Path path) {
		try {
			Path real = path.toRealPath();
			return real.equals(path) ? List.of(path) : List.of(path, real);
		}
		catch (IOException ex) {
			return List.of(path);
		}
	}

	/**
	 * A folder or file of the service's own.
	 *
	 * @param what what it is, and the setting that names it
	 * @param path where it is
	 */
	public record Location(String what, Path path) {

	}

	/**
	 * The protected locations as one walk sees them: resolved once, and their file keys
	 * gathered only when a file with several hard links is met.
	 */
	final class Guard {

		private final List<Map.Entry<Location, Path>> resolved = new ArrayList<>();

		private final Set<Object> ownKeys = new HashSet<>();

		private Set<Object> allKeys;

		private Guard() {
			for (Location location : ProtectedPaths.this.locations) {
				for (Path form : forms(location.path())) {
					this.resolved.add(Map.entry(location, form));
				}
				key(location.path()).ifPresent(this.ownKeys::add);
			}
		}

		/**
		 * @param real a real path
		 * @return the protected location it is or lies inside, if any
		 */
		Optional<Location> enclosing(Path real) {
			return this.resolved.stream()
				.filter((e) -> real.startsWith(e.getValue()))
				.map(Map.Entry::getKey)
				.findFirst();
		}

		/**
		 * @param real the real path of a file or folder met in a walk
		 * @param attributes its attributes (symbolic links followed)
		 * @return why it may not be read, or {@code null}
		 */
		String refusal(Path real, BasicFileAttributes attributes) {
			Optional<Location> enclosing = enclosing(real);
			if (enclosing.isPresent()) {
				return "one of the service's own files (" + enclosing.get().what() + "); never read";
			}
			Object key = attributes.fileKey();
			if (key == null) {
				// no file keys on this file system (Windows): paths only
				return null;
			}
			if (this.ownKeys.contains(key)) {
				return "the same file as one of the service's own (a hard link or mount); never read";
			}
			if (attributes.isRegularFile() && mayHaveOtherLinks(real) && allKeys().contains(key)) {
				return "a hard link to one of the service's own files; never read";
			}
			return null;
		}

		private Set<Object> allKeys() {
			if (this.allKeys == null) {
				Set<Object> keys = new HashSet<>(this.ownKeys);
				for (Location location : ProtectedPaths.this.locations) {
					collectKeys(location.path(), keys);
				}
				this.allKeys = keys;
			}
			return this.allKeys;
		}

		private static boolean mayHaveOtherLinks(Path file) {
			try {
				return ((Number) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue() > 1;
			}
			catch (UnsupportedOperationException | IllegalArgumentException | IOException ex) {
				// the link count cannot be told: compare it all the same
				return true;
			}
		}

		private static Optional<Object> key(Path path) {
			try {
				return Optional.ofNullable(Files.readAttributes(path, BasicFileAttributes.class).fileKey());
			}
			catch (IOException ex) {
				return Optional.empty();
			}
		}

		private static void collectKeys(Path location, Set<Object> keys) {
			// from its real path: a link as the start would be visited as the link
			Path start = forms(location).getLast();
			if (!Files.exists(start)) {
				return;
			}
			try {
				Files.walkFileTree(start, new SimpleFileVisitor<>() {

					@Override
					public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
						if (attrs.fileKey() != null) {
							keys.add(attrs.fileKey());
						}
						return FileVisitResult.CONTINUE;
					}

					@Override
					public FileVisitResult visitFileFailed(Path file, IOException ex) {
						return FileVisitResult.CONTINUE;
					}

				});
			}
			catch (IOException ex) {
				// what could be visited is in
			}
		}

	}

}
