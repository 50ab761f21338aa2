package dev.ragchat.api.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.ingestion.blobs.S3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backups kept in an S3 bucket, against a real S3 server (s3proxy over jclouds' in-memory
 * store) started inside the test and driven by the AWS SDK: stored, listed, restored from
 * an {@code s3://} URI, deleted.
 */
class S3BackupTargetTests {

	static S3Server server;

	static BackupProperties.S3 settings;

	@TempDir
	Path dir;

	@BeforeAll
	static void startS3() throws Exception {
		server = S3Server.start();
		server.createBucket("backups");
		settings = new BackupProperties.S3("us-east-1", server.endpoint(), true);
	}

	@AfterAll
	static void stopS3() throws Exception {
		server.close();
	}

	@Test
	void storesListsRestoresFromAnS3UriAndDeletesABackup() throws Exception {
		Path root = Files.createDirectories(this.dir.resolve("staged"));
		Files.writeString(Files.createDirectories(root.resolve("blobs/kb")).resolve("doc_1"), "original bytes");
		Files.writeString(root.resolve("master.key"), "rcm_test");
		String name = Archives.name(java.time.Instant.parse("2026-11-23T14:00:00Z"));
		Manifest manifest = new Manifest(Manifest.FORMAT, name, "2026-11-23T14:00:00Z", "test", "1", "H2",
				"bge-small-en-v1.5", 384, Map.of("documents", 1L), "included", Archives.entries(root));
		Path archive = this.dir.resolve(name);
		Archives.write(root, manifest, archive, new ObjectMapper());

		BackupTarget target = BackupTarget.of("s3://backups/ragchat/nightly", settings);
		target.store(name, archive);
		assertThat(server.blobs().blobExists("backups", "ragchat/nightly/" + name)).isTrue();
		assertThat(target.list()).containsExactly(new BackupTarget.Stored(name, Files.size(archive)));
		assertThat(target.location()).isEqualTo("s3://backups/ragchat/nightly/");

		Path restored = this.dir.resolve("restored");
		Manifest read = Restore.restore("s3://backups/ragchat/nightly/" + name, restored, "./unused", settings);
		assertThat(read.name()).isEqualTo(name);
		assertThat(Files.readString(restored.resolve("blobs/kb/doc_1"))).isEqualTo("original bytes");
		assertThat(Files.readString(restored.resolve("master.key"))).isEqualTo("rcm_test");

		target.delete(name);
		assertThat(target.list()).isEqualTo(List.of());
	}

}
