package dev.ragchat.api.backup;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
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

	static BlobStoreContext context;

	static S3Proxy proxy;

	static BackupProperties.S3 settings;

	@TempDir
	Path dir;

	@BeforeAll
	static void startS3() throws Exception {
		context = ContextBuilder.newBuilder("transient").credentials("x", "x").build(BlobStoreContext.class);
		proxy = S3Proxy.builder()
			.blobStore(context.getBlobStore())
			.awsAuthentication(AuthenticationType.NONE, null, null)
			.endpoint(URI.create("http://127.0.0.1:0"))
			.build();
		proxy.start();
		while (!"STARTED".equals(proxy.getState())) {
			Thread.sleep(10);
		}
		context.getBlobStore().createContainerInLocation(null, "backups");
		System.setProperty("aws.accessKeyId", "test");
		System.setProperty("aws.secretAccessKey", "test");
		settings = new BackupProperties.S3("us-east-1", URI.create("http://127.0.0.1:" + proxy.getPort()), true);
	}

	@AfterAll
	static void stopS3() throws Exception {
		proxy.stop();
		context.close();
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
		assertThat(context.getBlobStore().blobExists("backups", "ragchat/nightly/" + name)).isTrue();
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
