package dev.ragchat.sources.files;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which of the service's settings name its own files: each one found from the settings as
 * the service reads them.
 */
class ProtectedPathsTests {

	@TempDir
	Path dir;

	@Test
	void findsTheServicesOwnFoldersAndKeysInItsSettings() {
		MockEnvironment environment = new MockEnvironment().withProperty("ragchat.data-dir", path("data"))
			.withProperty("ragchat.ingestion.blob-dir", path("blobs"))
			.withProperty("ragchat.retrieval.index-dir", path("index"))
			.withProperty("ragchat.backup.target", path("backups"))
			.withProperty("spring.datasource.url",
					"jdbc:h2:file:" + path("catalog/ragchat") + ";DB_CLOSE_ON_EXIT=FALSE")
			.withProperty("ragchat.tls.key", path("certs/server.key"))
			.withProperty("server.ssl.key-store", "file:" + path("keystores/server.p12"))
			.withProperty("spring.ssl.bundle.pem.other.keystore.private-key", path("pem/other.key"))
			.withProperty("spring.ssl.bundle.jks.store.keystore.location", "file:" + path("jks/store.jks"))
			.withProperty("spring.ssl.bundle.jks.bundled.keystore.location", "classpath:bundled.jks");
		ProtectedPaths protectedPaths = ProtectedPaths.of(environment);

		assertThat(protectedPaths.dataDirectory()).isEqualTo(this.dir.resolve("data"));
		assertThat(what(protectedPaths, "data/master.key")).isEqualTo("the data directory (RAGCHAT_DATA_DIR)");
		assertThat(what(protectedPaths, "blobs/kb")).isEqualTo("the originals' folder (ragchat.ingestion.blob-dir)");
		assertThat(what(protectedPaths, "index")).isEqualTo("the index folder (ragchat.retrieval.index-dir)");
		assertThat(what(protectedPaths, "backups")).isEqualTo("the backup folder (RAGCHAT_BACKUP_TARGET)");
		assertThat(what(protectedPaths, "catalog")).isEqualTo("the catalog's folder (spring.datasource.url)");
		for (String key : new String[] { "certs", "keystores", "pem", "jks" }) {
			assertThat(what(protectedPaths, key)).as(key).startsWith("a TLS private key or key store");
		}
		assertThat(protectedPaths.overlapping(this.dir.resolve("docs"))).isEmpty();
		// the folder around all of them
		assertThat(protectedPaths.overlapping(this.dir)).isPresent();
	}

	@Test
	void aBackupTargetInS3IsNoFolder() {
		ProtectedPaths protectedPaths = ProtectedPaths
			.of(new MockEnvironment().withProperty("ragchat.data-dir", path("data"))
				.withProperty("ragchat.backup.target", "s3://backups/ragchat"));
		assertThat(protectedPaths.overlapping(Path.of("s3:").toAbsolutePath())).isEmpty();
		assertThat(what(protectedPaths, "data")).isEqualTo("the data directory (RAGCHAT_DATA_DIR)");
	}

	private String path(String relative) {
		return this.dir.resolve(relative).toString();
	}

	private String what(ProtectedPaths protectedPaths, String relative) {
		return protectedPaths.overlapping(this.dir.resolve(relative)).orElseThrow().what();
	}

}
