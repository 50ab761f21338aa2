package dev.ragchat.api.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.api.PrivateFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A backup holds {@code master.key} and {@code jwt-signing.key}: its archive is
 * owner-only (0600) from the moment it is created, and the folder that keeps the backups
 * is made owner-only (0700) even when the operator created it readable by every local
 * user, whatever the umask (here the test JVM's, usually 022, and files made 0644 and
 * 0755 by hand, as a umask of 022 makes them). POSIX file systems only.
 */
class BackupPermissionsTests {

	@TempDir
	Path dir;

	@BeforeEach
	void posixOnly() {
		assumeTrue(PrivateFiles.posix(), "the file system has no POSIX permissions");
	}

	@Test
	void anArchiveIsWrittenOwnerOnly() throws Exception {
		Path archive = archive();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive))).isEqualTo("rw-------");
	}

	@Test
	void aStoredArchiveIsOwnerOnlyInAFolderMadeOwnerOnly() throws Exception {
		Path archive = archive();
		// as a umask of 022 leaves them: what Files.copy would carry over
		Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-r--r--"));
		Path folder = Files.createDirectories(this.dir.resolve("backups"));
		Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));

		BackupTarget.of(folder.toString(), new BackupProperties.S3(null, null, false))
			.store(archive.getFileName().toString(), archive);

		Path stored = folder.resolve(archive.getFileName());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
		assertThat(Files.readAllBytes(stored)).isEqualTo(Files.readAllBytes(archive));
		try (var files = Files.list(folder)) {
			assertThat(files).as("no temporary file is left").containsExactly(stored);
		}
	}

	@Test
	void aNewBackupFolderIsOwnerOnly() throws Exception {
		Path archive = archive();
		Path folder = this.dir.resolve("new/backups");
		BackupTarget.of(folder.toString(), new BackupProperties.S3(null, null, false))
			.store(archive.getFileName().toString(), archive);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(archive.getFileName()))))
			.isEqualTo("rw-------");
	}

	private Path archive() throws Exception {
		Path root = Files.createDirectories(this.dir.resolve("staged"));
		Files.writeString(root.resolve("master.key"), "rcm_test");
		String name = Archives.name(Instant.parse("2026-11-23T14:00:00Z"));
		Manifest manifest = new Manifest(Manifest.FORMAT, name, "2026-11-23T14:00:00Z", "test", "1", "H2",
				"bge-small-en-v1.5", 384, Map.of("documents", 0L), "included", Archives.entries(root));
		Path archive = this.dir.resolve("staging").resolve(name);
		Files.createDirectories(archive.getParent());
		Archives.write(root, manifest, archive, new ObjectMapper());
		return archive;
	}

}
