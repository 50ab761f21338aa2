package dev.ragchat.sources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.ragchat.ingestion.blobs.BlobProperties;
import dev.ragchat.ingestion.blobs.S3Server;
import dev.ragchat.sources.files.BucketFiles;
import dev.ragchat.sources.files.ProtectedPaths;
import dev.ragchat.sources.files.SourceFiles;
import dev.ragchat.sources.files.SyncLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * S3 sources against an S3 server started in the test (s3proxy over jclouds' in-memory
 * store), read with the AWS SDK client the service builds.
 */
class BucketSyncTests {

	static S3Server server;

	static S3Client s3;

	@TempDir
	Path dir;

	SyncFixture sync;

	@BeforeAll
	static void startS3() throws Exception {
		server = S3Server.start();
		// the sync's own settings win; what it leaves out comes from the originals' S3
		s3 = SyncConfiguration.s3(new SyncProperties.S3(null, server.endpoint(), null),
				new BlobProperties.S3(null, "us-east-1", null, true, "", true));
		server.createBucket("handbooks");
	}

	@AfterAll
	static void stopS3() throws Exception {
		s3.close();
		server.close();
	}

	@BeforeEach
	void start() throws Exception {
		this.sync = new SyncFixture(this.dir, List.of(),
				(source) -> new BucketFiles(s3, source.bucket(), source.prefix(), this.dir.resolve("downloads"), -1));
	}

	@AfterEach
	void stop() throws Exception {
		this.sync.close();
	}

	@Test
	void syncsTheObjectsUnderAPrefixThenTheirChangesAdditionsAndRemovals() {
		for (int n = 1; n <= 5; n++) {
			put("team/guide-" + n + ".md", "# Guide " + n + "\n\nGuide " + n + " explains berth " + (n * 11) + ".\n");
		}
		put("team/old/", "");
		put("team/.hidden.md", "# Hidden\n\nNot synced.\n");
		put("other/elsewhere.md", "# Elsewhere\n\nOutside the prefix.\n");
		Source source = this.sync.create(SyncFixture.KB,
				new Sources.NewSource("s3", null, "handbooks", "team/", null, null));
		assertThat(source.location()).isEqualTo("s3://handbooks/team/");

		SyncRun first = this.sync.sync(source, null);
		assertThat(first.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
		SyncFixture.assertCounts(first, SyncFixture.counts(5, 0, 0, 0, 0, 0, 0));
		assertThat(this.sync.documentsByPath()).containsOnlyKeys("guide-1.md", "guide-2.md", "guide-3.md", "guide-4.md",
				"guide-5.md");

		put("team/guide-2.md", "# Guide 2\n\nGuide 2, revised, explains berth 23.\n");
		put("team/guide-6.md", "# Guide 6\n\nGuide 6 explains berth 66.\n");
		s3.deleteObject((r) -> r.bucket("handbooks").key("team/guide-4.md"));
		SyncRun second = this.sync.sync(source, null);
		SyncFixture.assertCounts(second, SyncFixture.counts(1, 1, 0, 1, 3, 0, 0));
		assertThat(second.report().items()).extracting(SyncRun.Item::path, SyncRun.Item::outcome)
			.containsExactlyInAnyOrder(tuple("guide-6.md", "added"), tuple("guide-2.md", "replaced"),
					tuple("guide-4.md", "missing-kept"));
		assertThat(this.sync.documentsByPath().get("guide-2.md").version()).isEqualTo(2);

		SyncRun third = this.sync.sync(source, true);
		SyncFixture.assertCounts(third, SyncFixture.counts(0, 0, 1, 0, 5, 0, 0));
		assertThat(this.sync.documentsByPath()).doesNotContainKey("guide-4.md").hasSize(5);
	}

	@Test
	void aBucketThatCannotBeListedFailsTheRunAndDeletesNothing() {
		put("team/guide-1.md", "# Guide 1\n\nGuide 1.\n");
		Source source = this.sync.create(SyncFixture.KB,
				new Sources.NewSource("s3", null, "no-such-bucket", "team/", true, null));
		SyncRun run = this.sync.sync(source, null);
		assertThat(run.status()).isEqualTo(SyncRun.Status.FAILED);
		assertThat(run.error()).isEqualTo(
				"Cannot list s3://no-such-bucket/team/: bucket 'no-such-bucket' not found at " + server.endpoint());
		SyncFixture.assertCounts(run, SyncFixture.counts(0, 0, 0, 0, 0, 0, 0));
	}

	@Test
	void anObjectListedLargerThanTheUploadLimitIsSkippedWithoutADownload() throws Exception {
		this.sync.close();
		Path downloads = this.dir.resolve("downloads");
		List<String> fetched = new java.util.concurrent.CopyOnWriteArrayList<>();
		this.sync = new SyncFixture(this.dir.resolve("limited"), List.of(),
				new ProtectedPaths(this.dir.resolve("limited/ingestion"), List.of()),
				new SyncLimits(1024, 0, List.of()),
				(source) -> fetchesNoted(new BucketFiles(s3, source.bucket(), source.prefix(), downloads, 1024),
						fetched));
		put("limits/small.md", "# Small\n\nA small note.\n");
		put("limits/big.md", "# Big\n\n" + "A long line of a big note. ".repeat(200));
		Source source = this.sync.create(SyncFixture.KB,
				new Sources.NewSource("s3", null, "handbooks", "limits/", null, null));

		SyncRun run = this.sync.sync(source, null);

		assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
		SyncFixture.assertCounts(run, SyncFixture.counts(1, 0, 0, 0, 0, 0, 1));
		assertThat(run.report().items()).filteredOn((i) -> i.outcome().equals("skipped"))
			.extracting(SyncRun.Item::path, SyncRun.Item::reason)
			.containsExactly(tuple("big.md", "it has 5407 bytes, more than the upload limit of 1024 bytes"
					+ " (SPRING_SERVLET_MULTIPART_MAX_FILE_SIZE); not copied"));
		assertThat(fetched).containsExactly("limits/small.md");
		try (java.util.stream.Stream<Path> left = Files.list(downloads)) {
			assertThat(left).isEmpty();
		}
	}

	@Test
	void aDownloadBeyondTheUploadLimitStopsAtItsLengthAndLeavesNoFile() throws Exception {
		put("grown/big.md", "# Big\n\n" + "A long line of a big note. ".repeat(200));
		Path downloads = this.dir.resolve("downloads");
		BucketFiles files = new BucketFiles(s3, "handbooks", "grown/", downloads, 1024);
		// listed small, grown since
		assertThatExceptionOfType(SourceFiles.Skipped.class)
			.isThrownBy(() -> files.fetch(new SourceFiles.Entry("big.md", "grown/big.md", 10, null)))
			.withMessageStartingWith("it has 5407 bytes, more than the upload limit of 1024 bytes");
		try (java.util.stream.Stream<Path> left = Files.list(downloads)) {
			assertThat(left).isEmpty();
		}
	}

	private static SourceFiles fetchesNoted(SourceFiles files, List<String> fetched) {
		return new SourceFiles() {

			@Override
			public List<Entry> list() throws java.io.IOException {
				return files.list();
			}

			@Override
			public Local fetch(Entry entry) throws java.io.IOException {
				fetched.add(entry.location());
				return files.fetch(entry);
			}

			@Override
			public boolean fetchCopies() {
				return files.fetchCopies();
			}

		};
	}

	private static void put(String key, String text) {
		s3.putObject((r) -> r.bucket("handbooks").key(key), RequestBody.fromString(text));
	}

}
