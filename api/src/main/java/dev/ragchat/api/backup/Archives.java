package dev.ragchat.api.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.api.PrivateFiles;

/**
 * A backup's archive: one ZIP file (the JDK's own), the manifest first, then the files of
 * the data directory under the paths they are restored to.
 */
final class Archives {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final Pattern NAME = Pattern.compile("ragchat-backup-(\\d{8}T\\d{9}Z)\\.zip");

	private Archives() {
	}

	/**
	 * @param time when a backup begins
	 * @return its archive's name, which sorts by time
	 */
	static String name(Instant time) {
		return "ragchat-backup-" + STAMP.format(time) + ".zip";
	}

	static boolean isName(String name) {
		return NAME.matcher(name).matches();
	}

	/**
	 * @param name an archive's name
	 * @return when its backup began
	 */
	static Instant time(String name) {
		var matcher = NAME.matcher(name);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Not a backup's name: " + name);
		}
		return STAMP.parse(matcher.group(1), Instant::from);
	}

	/**
	 * @param root a staged data directory
	 * @return its files, each with its size and checksum, by path
	 * @throws IOException if one cannot be read
	 */
	static List<Manifest.FileEntry> entries(Path root) throws IOException {
		List<Path> files = new ArrayList<>();
		Files.walkFileTree(root, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
				files.add(file);
				return FileVisitResult.CONTINUE;
			}

		});
		List<Manifest.FileEntry> entries = new ArrayList<>();
		for (Path file : files) {
			try (InputStream in = Files.newInputStream(file)) {
				MessageDigest digest = sha256();
				long size = copy(in, OutputStream.nullOutputStream(), digest);
				entries.add(new Manifest.FileEntry(path(root, file), size, HexFormat.of().formatHex(digest.digest())));
			}
		}
		entries.sort(java.util.Comparator.comparing(Manifest.FileEntry::path));
		return entries;
	}

	/**
	 * Writes the archive, owner-only (0600): the manifest, then every file it lists.
	 * @param root the staged data directory
	 * @param manifest its manifest
	 * @param archive the ZIP file to write; it must not exist
	 * @param json writes the manifest
	 * @throws IOException if a file cannot be read or the archive written
	 */
	static void write(Path root, Manifest manifest, Path archive, ObjectMapper json) throws IOException {
		// it holds the secrets: owner-only from the start, whatever the umask
		PrivateFiles.writeNew(archive, new byte[0]);
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
			zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
			zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
			zip.closeEntry();
			for (Manifest.FileEntry entry : manifest.files()) {
				zip.putNextEntry(new ZipEntry(entry.path()));
				Files.copy(root.resolve(entry.path()), zip);
				zip.closeEntry();
			}
		}
	}

	/**
	 * Reads the whole archive and checks it against its manifest: every file it lists is
	 * there once with its size and checksum, and nothing else is.
	 * @param archive the archive
	 * @param json reads the manifest
	 * @return the manifest
	 * @throws RestoreRefusedException if the archive does not match its manifest
	 * @throws IOException if it cannot be read
	 */
	static Manifest verify(Path archive, ObjectMapper json) throws IOException {
		Manifest manifest = null;
		Map<String, Manifest.FileEntry> found = new HashMap<>();
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.isDirectory()) {
					continue;
				}
				if (entry.getName().equals(Manifest.ENTRY)) {
					manifest = json.readValue(zip.readAllBytes(), Manifest.class);
					continue;
				}
				MessageDigest digest = sha256();
				long size = copy(zip, OutputStream.nullOutputStream(), digest);
				if (found.put(entry.getName(), new Manifest.FileEntry(entry.getName(), size,
						HexFormat.of().formatHex(digest.digest()))) != null) {
					throw new RestoreRefusedException(archive + " holds " + entry.getName() + " twice");
				}
			}
		}
		catch (java.util.zip.ZipException ex) {
			throw new RestoreRefusedException(archive + " is not a readable backup archive: " + ex.getMessage());
		}
		if (manifest == null || manifest.files() == null) {
			throw new RestoreRefusedException(archive + " has no " + Manifest.ENTRY + "; it is not a ragchat backup");
		}
		if (manifest.format() != Manifest.FORMAT) {
			throw new RestoreRefusedException(archive + " is a backup of format " + manifest.format()
					+ "; this ragchat restores format " + Manifest.FORMAT);
		}
		Set<String> listed = new HashSet<>();
		for (Manifest.FileEntry expected : manifest.files()) {
			listed.add(expected.path());
			Manifest.FileEntry actual = found.get(expected.path());
			if (actual == null) {
				throw new RestoreRefusedException(archive + " lacks " + expected.path() + ", which its manifest lists");
			}
			if (actual.size() != expected.size() || !actual.sha256().equalsIgnoreCase(expected.sha256())) {
				throw new RestoreRefusedException(
						archive + ": " + expected.path() + " fails its checksum (the backup was changed or damaged)");
			}
		}
		for (String path : found.keySet()) {
			if (!listed.contains(path)) {
				throw new RestoreRefusedException(archive + " holds " + path + ", which its manifest does not list");
			}
		}
		return manifest;
	}

	/**
	 * Writes the archive's files (not its manifest) under a directory, each owner-only.
	 * @param archive a verified archive
	 * @param root where to write them
	 * @throws IOException if one cannot be written
	 */
	static void extract(Path archive, Path root) throws IOException {
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.isDirectory() || entry.getName().equals(Manifest.ENTRY)) {
					continue;
				}
				Path file = root.resolve(entry.getName()).normalize();
				if (!file.startsWith(root)) {
					throw new RestoreRefusedException("The backup's entry " + entry.getName() + " points outside "
							+ root + "; it is not a ragchat backup");
				}
				PrivateFiles.writeNew(file, new byte[0]);
				try (OutputStream out = Files.newOutputStream(file)) {
					zip.transferTo(out);
				}
			}
		}
	}

	private static String path(Path root, Path file) {
		return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
	}

	private static long copy(InputStream in, OutputStream out, MessageDigest digest) throws IOException {
		return new DigestInputStream(in, digest).transferTo(out);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("The JDK has no SHA-256", ex);
		}
	}

}
