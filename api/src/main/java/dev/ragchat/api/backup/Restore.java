package dev.ragchat.api.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.api.PrivateFiles;

import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.FileSystemUtils;

/**
 * Restores a backup into an empty data directory:
 * {@code java -jar ragchat.jar --restore=<backup>}, where the backup is an archive's
 * path, an {@code s3://bucket/prefix/<name>} URI, or a name in
 * {@code RAGCHAT_BACKUP_TARGET}. The data directory is {@code RAGCHAT_DATA_DIR} (or
 * {@code --ragchat.data-dir=}), as for the service. The whole archive is checked against
 * its manifest before anything is written; a non-empty data directory or a failing
 * checksum refuses the restore and leaves the directory as it was.
 */
public final class Restore {

	static final String OPTION = "--restore=";

	private Restore() {
	}

	/**
	 * @param args the command line
	 * @return whether it asks for a restore rather than the service
	 */
	public static boolean requested(String[] args) {
		return Arrays.stream(args).anyMatch((arg) -> arg.startsWith(OPTION));
	}

	/**
	 * The command: restores, and says what it did or why it refused.
	 * @param args the command line
	 * @param out where it reports
	 * @param err where it reports a refusal
	 * @return the exit status: 0 restored, 1 refused or failed
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
		String backup = Arrays.stream(args)
			.filter((arg) -> arg.startsWith(OPTION))
			.map((arg) -> arg.substring(OPTION.length()))
			.findFirst()
			.orElseThrow();
		Path dataDir = Path.of(environment.getProperty("ragchat.data-dir", "./data")).toAbsolutePath().normalize();
		BackupProperties.S3 s3 = new BackupProperties.S3(environment.getProperty("ragchat.backup.s3.region"),
				Optional.ofNullable(environment.getProperty("ragchat.backup.s3.endpoint"))
					.map(java.net.URI::create)
					.orElse(null),
				environment.getProperty("ragchat.backup.s3.path-style", Boolean.class, false));
		try {
			Manifest manifest = restore(backup, dataDir, environment.getProperty("ragchat.backup.target", "./backups"),
					s3);
			out.println("Restored " + manifest.name() + " (taken " + manifest.createdAt() + " by ragchat "
					+ manifest.ragchatVersion() + ", embedding model " + manifest.embeddingModel() + ") into " + dataDir
					+ ": " + manifest.counts());
			out.println("Start ragchat with RAGCHAT_DATA_DIR=" + dataDir
					+ " and the same embedding model settings; documents still being read when the backup was taken"
					+ " are read again.");
			return 0;
		}
		catch (RestoreRefusedException ex) {
			err.println("Restore refused: " + ex.getMessage());
			return 1;
		}
		catch (IOException | RuntimeException ex) {
			err.println("Restore failed: " + ex);
			return 1;
		}
	}

	/**
	 * Restores a backup into an empty data directory.
	 * @param backup an archive's path, {@code s3://bucket/prefix/<name>}, or a name in
	 * the target
	 * @param dataDir the data directory: missing or empty
	 * @param target where backups are kept ({@code ragchat.backup.target})
	 * @param s3 the S3 client's settings
	 * @return the backup's manifest
	 * @throws RestoreRefusedException if the directory is not empty or the archive fails
	 * its manifest's checksums
	 * @throws IOException if the backup cannot be read or the directory written
	 */
	public static Manifest restore(String backup, Path dataDir, String target, BackupProperties.S3 s3)
			throws IOException {
		if (Files.exists(dataDir) && !isEmptyDirectory(dataDir)) {
			throw new RestoreRefusedException(dataDir + " is not empty: a backup is restored into an empty (or new)"
					+ " data directory only, never over a service's data");
		}
		Path temp = Files.createTempDirectory("ragchat-restore-");
		try {
			Path archive = fetch(backup, target, s3, temp);
			Manifest manifest = Archives.verify(archive, new ObjectMapper());
			PrivateFiles.createDirectories(dataDir);
			try {
				Archives.extract(archive, dataDir);
			}
			catch (IOException | RuntimeException ex) {
				// nothing half-restored stays behind
				clear(dataDir);
				throw ex;
			}
			return manifest;
		}
		finally {
			FileSystemUtils.deleteRecursively(temp);
		}
	}

	private static Path fetch(String backup, String target, BackupProperties.S3 s3, Path temp) throws IOException {
		Path local = Path.of(backup);
		if (!backup.startsWith("s3://") && Files.isRegularFile(local)) {
			return local;
		}
		String name = backup;
		String location = target;
		if (backup.startsWith("s3://")) {
			int slash = backup.lastIndexOf('/');
			name = backup.substring(slash + 1);
			location = backup.substring(0, slash + 1);
		}
		if (!Archives.isName(name)) {
			throw new RestoreRefusedException("No backup archive " + backup
					+ " (give a file, s3://bucket/prefix/ragchat-backup-<time>.zip, or a name in the backup target)");
		}
		Path archive = temp.resolve(name);
		BackupTarget.of(location, s3).fetch(name, archive);
		return archive;
	}

	private static boolean isEmptyDirectory(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			return false;
		}
		try (Stream<Path> entries = Files.list(dir)) {
			return entries.findAny().isEmpty();
		}
	}

	private static void clear(Path dir) throws IOException {
		try (Stream<Path> entries = Files.list(dir)) {
			for (Path entry : entries.toList()) {
				FileSystemUtils.deleteRecursively(entry);
			}
		}
	}

}
