package dev.ragchat.sources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.Document;
import dev.ragchat.sources.files.ProtectedPaths;
import dev.ragchat.sources.files.SyncLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The service's own files (data directory, secrets, audit log, TLS key) are never read by
 * a folder source, whatever the roots allow: a source on, inside or around them is
 * refused, a sync's walk skips them, and a hard link to one of them is not read either.
 */
class ProtectedFilesSyncTests {

	private static final String MASTER_KEY = "rcm_ThisIsTheMasterKeyOfTheServiceAndNoDocument01";

	@TempDir
	Path dir;

	SyncFixture sync;

	@AfterEach
	void stop() throws Exception {
		if (this.sync != null) {
			this.sync.close();
		}
	}

	@Test
	void refusesAFolderThatIsLiesInsideOrContainsTheServicesOwnFiles() throws Exception {
		Path root = Files.createDirectories(this.dir.resolve("srv"));
		Path data = dataDirectory(root.resolve("ragchat/data"));
		Path key = Files.createDirectories(root.resolve("certs")).resolve("server.key");
		Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n");
		Files.createDirectories(root.resolve("docs"));
		Files.createSymbolicLink(root.resolve("shortcut"), root.resolve("ragchat"));
		start(root, new ProtectedPaths(data,
				List.of(new ProtectedPaths.Location("a TLS private key or key store (RAGCHAT_TLS_KEY)", key))));

		for (Path refused : List.of(data, data.resolve("audit"), root.resolve("ragchat"), root,
				root.resolve("shortcut"))) {
			assertThatExceptionOfType(RejectedInputException.class).isThrownBy(() -> folderSource(refused))
				.withMessage("Folder '" + refused + "' is, lies inside or contains the data directory"
						+ " (RAGCHAT_DATA_DIR): no source reads the service's own files");
		}
		assertThatExceptionOfType(RejectedInputException.class).isThrownBy(() -> folderSource(root.resolve("certs")))
			.withMessageContaining("contains a TLS private key or key store");
		assertThat(folderSource(root.resolve("docs")).path()).isEqualTo(root.resolve("docs").toRealPath().toString());
	}

	@Test
	void aSyncSkipsTheDataDirectoryWhenItTurnsUpInsideTheSourcesFolder() throws Exception {
		Path root = Files.createDirectories(this.dir.resolve("srv"));
		Path folder = Files.createDirectories(root.resolve("handbook"));
		Files.writeString(folder.resolve("guide.md"), "# Guide\n\nThe pier opens at seven.\n");
		Path data = dataDirectory(folder.resolve("ragchat/data"));
		start(root, new ProtectedPaths(data, List.of()));
		// a source made before the data directory was moved into its folder
		Source source = new Source("src_before", SyncFixture.KB, Source.Type.FOLDER, folder.toRealPath().toString(),
				null, null, false, null, Instant.now(), null, null, null);
		this.sync.store.insert(source);

		SyncRun run = this.sync.sync(source, null);

		assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
		SyncFixture.assertCounts(run, SyncFixture.counts(1, 0, 0, 0, 0, 0, 1));
		assertThat(run.report().items()).filteredOn((i) -> i.outcome().equals("skipped"))
			.extracting(SyncRun.Item::path, SyncRun.Item::reason)
			.containsExactly(tuple("ragchat/data/",
					"one of the service's own files (the data directory (RAGCHAT_DATA_DIR)); never read"));
		assertThat(this.sync.documentsByPath()).containsOnlyKeys("guide.md");
		assertNoDocumentHoldsTheSecrets(data);
	}

	@Test
	void aSyncOfAFolderThatIsNowTheDataDirectoryFailsAndReadsNothing() throws Exception {
		Path root = Files.createDirectories(this.dir.resolve("srv"));
		Path data = dataDirectory(root.resolve("data"));
		start(root, new ProtectedPaths(data, List.of()));
		Source source = new Source("src_before", SyncFixture.KB, Source.Type.FOLDER, data.toRealPath().toString(), null,
				null, true, null, Instant.now(), null, null, null);
		this.sync.store.insert(source);

		SyncRun run = this.sync.sync(source, null);

		assertThat(run.status()).isEqualTo(SyncRun.Status.FAILED);
		assertThat(run.error()).isEqualTo("The folder is the data directory (RAGCHAT_DATA_DIR) or lies inside it:"
				+ " the service's own files are never read");
		assertThat(this.sync.ingestion.documents().list(SyncFixture.KB)).isEmpty();
	}

	@Test
	void neverReadsAHardLinkToTheMasterKeyTheAuditLogOrTheTlsKey() throws Exception {
		Path root = Files.createDirectories(this.dir.resolve("srv"));
		Path folder = Files.createDirectories(root.resolve("handbook"));
		Path data = dataDirectory(this.dir.resolve("data"));
		Path key = Files.writeString(Files.createDirectories(this.dir.resolve("certs")).resolve("server.key"),
				"-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n");
		Files.writeString(folder.resolve("good.md"), "# Good\n\nA plain note.\n");
		Files.createLink(folder.resolve("notes.txt"), data.resolve("master.key"));
		Files.createLink(folder.resolve("log.txt"), data.resolve("audit/audit.jsonl"));
		Files.createLink(folder.resolve("tls.txt"), key);
		start(root, new ProtectedPaths(data,
				List.of(new ProtectedPaths.Location("a TLS private key or key store (RAGCHAT_TLS_KEY)", key))));

		SyncRun run = this.sync.sync(folderSource(folder), null);

		assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
		SyncFixture.assertCounts(run, SyncFixture.counts(1, 0, 0, 0, 0, 0, 3));
		assertThat(run.report().items()).filteredOn((i) -> i.outcome().equals("skipped"))
			.extracting(SyncRun.Item::path, SyncRun.Item::reason)
			.containsExactlyInAnyOrder(tuple("notes.txt", "a hard link to one of the service's own files; never read"),
					tuple("log.txt", "a hard link to one of the service's own files; never read"),
					tuple("tls.txt", "the same file as one of the service's own (a hard link or mount); never read"));
		assertThat(this.sync.documentsByPath()).containsOnlyKeys("good.md");
		assertNoDocumentHoldsTheSecrets(data);
	}

	/**
	 * @return a data directory with what the service keeps there: the generated master
	 * key, the session signing key and the audit log
	 */
	private static Path dataDirectory(Path data) throws Exception {
		Files.createDirectories(data.resolve("audit"));
		Files.writeString(data.resolve("master.key"), MASTER_KEY);
		Files.writeString(data.resolve("jwt-signing.key"), "c2lnbmluZy1rZXktb2YtdGhlLXNlcnZpY2U=");
		Files.writeString(data.resolve("audit/audit.jsonl"), "{\"action\":\"key.issued\"}\n");
		return data;
	}

	private void assertNoDocumentHoldsTheSecrets(Path data) throws Exception {
		assertThat(this.sync.ingestion.documents().list(SyncFixture.KB)).extracting(Document::sha256)
			.doesNotContain(SourceComparison.sha256(data.resolve("master.key")),
					SourceComparison.sha256(data.resolve("jwt-signing.key")),
					SourceComparison.sha256(data.resolve("audit/audit.jsonl")));
	}

	private void start(Path root, ProtectedPaths protectedPaths) throws Exception {
		this.sync = new SyncFixture(this.dir, List.of(root), protectedPaths, SyncLimits.NONE, (source) -> {
			throw new IllegalStateException("no S3 here");
		});
	}

	private Source folderSource(Path folder) {
		return this.sync.create(SyncFixture.KB,
				new Sources.NewSource("folder", folder.toString(), null, null, null, null));
	}

}
