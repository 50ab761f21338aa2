package dev.ragchat.sources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.ragchat.ingestion.Documents;
import dev.ragchat.sources.files.ProtectedPaths;
import dev.ragchat.sources.files.SyncLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A folder sync copies what an upload may: no file beyond the upload limit, and nothing
 * once the free-space floor is reached.
 */
class SyncLimitsTests {

	@TempDir
	Path dir;

	Path root;

	Path folder;

	SyncFixture sync;

	@AfterEach
	void stop() throws Exception {
		if (this.sync != null) {
			this.sync.close();
		}
	}

	@Test
	void aFileLargerThanTheUploadLimitIsSkippedBeforeAByteOfItIsCopied() throws Exception {
		start(new SyncLimits(1024, 0, List.of()));
		Files.writeString(this.folder.resolve("small.md"), "# Small\n\nA small note.\n");
		Files.writeString(this.folder.resolve("big.md"), "# Big\n\n" + "A long line of a big note. ".repeat(200));
		long big = Files.size(this.folder.resolve("big.md"));

		SyncRun run = this.sync.sync(folderSource(false), null);

		assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
		SyncFixture.assertCounts(run, SyncFixture.counts(1, 0, 0, 0, 0, 0, 1));
		assertThat(run.report().items()).filteredOn((i) -> i.outcome().equals("skipped"))
			.extracting(SyncRun.Item::path, SyncRun.Item::reason)
			.containsExactly(tuple("big.md", "it has " + big + " bytes, more than the upload limit of 1024 bytes"
					+ " (SPRING_SERVLET_MULTIPART_MAX_FILE_SIZE); not copied"));
		assertThat(this.sync.documentsByPath()).containsOnlyKeys("small.md");
		// the originals hold no copy of it
		try (Stream<Path> blobs = Files.walk(this.dir.resolve("ingestion/blobs"))) {
			assertThat(blobs.filter(Files::isRegularFile)).allSatisfy((f) -> assertThat(Files.size(f)).isLessThan(big));
		}
	}

	@Test
	void aSyncStopsAtTheFreeSpaceFloorFailsAndDeletesNothing() throws Exception {
		// a floor no disk reaches
		start(new SyncLimits(-1, Long.MAX_VALUE / 4,
				List.of(new SyncLimits.Disk("the originals", this.dir.resolve("ingestion/blobs")))));
		Source source = folderSource(true);
		// a document from a file since removed: a complete run would delete it
		Path gone = Files.writeString(this.dir.resolve("gone.md"), "# Gone\n\nA removed note.\n");
		String goneId = this.sync.ingestion.documents()
			.submit(SyncFixture.KB, List.of(new Documents.Upload("gone.md", gone)),
					SourceComparison.metadata(source, "gone.md"), null)
			.get(0)
			.document()
			.id();
		Files.writeString(this.folder.resolve("a.md"), "# A\n\nThe first note.\n");
		Files.writeString(this.folder.resolve("b.md"), "# B\n\nThe second note.\n");

		SyncRun run = this.sync.sync(source, null);

		assertThat(run.status()).isEqualTo(SyncRun.Status.FAILED);
		assertThat(run.error())
			.startsWith("Stopped at a.md: copying its " + Files.size(this.folder.resolve("a.md"))
					+ " bytes would leave less than ")
			.contains("(RAGCHAT_SYNC_MIN_FREE_SPACE) on the disk of the originals")
			.endsWith("The files before it were synced, none after it, and nothing was deleted");
		SyncFixture.assertCounts(run, SyncFixture.counts(0, 0, 0, 0, 0, 0, 0));
		assertThat(this.sync.ingestion.documents().list(SyncFixture.KB)).singleElement()
			.satisfies((d) -> assertThat(d.id()).isEqualTo(goneId));
	}

	private void start(SyncLimits limits) throws Exception {
		this.root = Files.createDirectories(this.dir.resolve("root"));
		this.folder = Files.createDirectories(this.root.resolve("handbook"));
		this.sync = new SyncFixture(this.dir, List.of(this.root),
				new ProtectedPaths(this.dir.resolve("ingestion"), List.of()), limits, (source) -> {
					throw new IllegalStateException("no S3 here");
				});
	}

	private Source folderSource(boolean deleteMissing) {
		return this.sync.create(SyncFixture.KB,
				new Sources.NewSource("folder", this.folder.toString(), null, null, deleteMissing, null));
	}

}
