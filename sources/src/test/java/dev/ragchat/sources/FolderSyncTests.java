package dev.ragchat.sources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.ragchat.errors.ConflictException;
import dev.ragchat.ingestion.Document;
import dev.ragchat.ingestion.DocumentStatus;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.sources.files.FolderFiles;
import dev.ragchat.sources.files.SourceFiles;
import dev.ragchat.sources.files.SyncLimits;
import org.jobrunr.jobs.states.StateName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Folder sources synced through the real ingestion path (catalog, workers, index) from a
 * temporary folder under an allow-listed root.
 */
class FolderSyncTests {

	@TempDir
	Path dir;

	Path root;

	Path folder;

	SyncFixture sync;

	@BeforeEach
	void start() throws Exception {
		this.root = Files.createDirectories(this.dir.resolve("root"));
		this.folder = Files.createDirectories(this.root.resolve("handbook"));
		this.sync = new SyncFixture(this.dir, List.of(this.root), (source) -> {
			throw new IllegalStateException("no S3 here");
		});
	}

	@AfterEach
	void stop() throws Exception {
		this.sync.close();
	}

	@Test
	void aSecondSyncReportsExactlyTheChangedAddedAndRemovedFilesAndKeepsTheRemovedOne() throws Exception {
		for (int n = 0; n < 100; n++) {
			note(n, "first");
		}
		Source source = folderSource(null);
		SyncRun first = this.sync.sync(source, null);
		assertThat(first.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
		SyncFixture.assertCounts(first, SyncFixture.counts(100, 0, 0, 0, 0, 0, 0));
		assertThat(first.progress()).isEqualTo(new SyncRun.Progress(100, 100, 100, 100));
		assertThat(first.trigger()).isEqualTo("manual");
		Map<String, Document> before = this.sync.documentsByPath();
		assertThat(before).hasSize(100).containsKeys("note-000.md", "archive/note-099.md");
		assertThat(before.values()).allSatisfy((d) -> assertThat(d.status()).isEqualTo(DocumentStatus.READY))
			.allSatisfy((d) -> assertThat(d.metadata()).contains("\"source\":\"" + source.id() + "\""));

		note(3, "changed");
		note(50, "changed");
		note(99, "changed");
		Files.writeString(this.folder.resolve("added-1.md"), "# Added one\n\nThe first added note.\n");
		Files.writeString(this.folder.resolve("archive/added-2.md"), "# Added two\n\nThe second added note.\n");
		Files.delete(this.folder.resolve("note-010.md"));

		SyncRun second = this.sync.sync(source, null);
		// 100 files: 3 changed, 1 removed, 96 as they were; 2 new ones
		assertThat(second.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
		SyncFixture.assertCounts(second, SyncFixture.counts(2, 3, 0, 1, 96, 0, 0));
		assertThat(second.deleteMissing()).isFalse();
		assertThat(second.report().items()).extracting(SyncRun.Item::path, SyncRun.Item::outcome)
			.containsExactlyInAnyOrder(tuple("added-1.md", "added"), tuple("archive/added-2.md", "added"),
					tuple("note-003.md", "replaced"), tuple("archive/note-050.md", "replaced"),
					tuple("archive/note-099.md", "replaced"), tuple("note-010.md", "missing-kept"));
		Map<String, Document> after = this.sync.documentsByPath();
		assertThat(after).hasSize(102).containsKey("note-010.md");
		Document replaced = after.get("note-003.md");
		assertThat(replaced.id()).isEqualTo(before.get("note-003.md").id());
		assertThat(replaced.version()).isEqualTo(2);
		assertThat(this.sync.ingestion.index().chunks(replaced.id())).extracting(Chunk::text)
			.anySatisfy((text) -> assertThat(text).contains("changed"))
			.noneSatisfy((text) -> assertThat(text).contains("first"));
		assertThat(after.get("note-004.md").version()).isEqualTo(1);

		SyncRun third = this.sync.sync(source, true);
		SyncFixture.assertCounts(third, SyncFixture.counts(0, 0, 1, 0, 101, 0, 0));
		assertThat(third.report().items()).singleElement()
			.isEqualTo(new SyncRun.Item("note-010.md", "deleted", before.get("note-010.md").id(), null));
		assertThat(this.sync.documentsByPath()).hasSize(101).doesNotContainKey("note-010.md");
		assertThat(this.sync.sources.runs(SyncFixture.KB, source.id(), 10)).extracting(SyncRun::id)
			.containsExactly(third.id(), second.id(), first.id());
	}

	@Test
	void aSourceThatDeletesMissingFilesDeletesTheirDocuments() throws Exception {
		for (int n = 0; n < 3; n++) {
			note(n, "first");
		}
		Source source = folderSource(true);
		SyncFixture.assertCounts(this.sync.sync(source, null), SyncFixture.counts(3, 0, 0, 0, 0, 0, 0));
		Files.delete(this.folder.resolve("note-001.md"));
		SyncRun second = this.sync.sync(source, null);
		assertThat(second.deleteMissing()).isTrue();
		SyncFixture.assertCounts(second, SyncFixture.counts(0, 0, 1, 0, 2, 0, 0));
		assertThat(this.sync.documentsByPath()).containsOnlyKeys("note-000.md", "note-002.md");
		// and a run may keep them after all
		Files.delete(this.folder.resolve("note-002.md"));
		SyncFixture.assertCounts(this.sync.sync(source, false), SyncFixture.counts(0, 0, 0, 1, 1, 0, 0));
	}

	@Test
	void skipsSymbolicLinksThatLeaveTheFolderAndReadsThoseThatStayInside() throws Exception {
		Path outside = Files.createDirectories(this.dir.resolve("secrets"));
		Path secret = Files.writeString(outside.resolve("password.txt"), "The secret password is swordfish.\n");
		Files.writeString(this.folder.resolve("a.md"), "# A\n\nA plain note.\n");
		Files.createDirectories(this.folder.resolve(".drafts"));
		Files.writeString(this.folder.resolve(".drafts/c.md"), "# C\n\nA draft, read through a link.\n");
		Files.createSymbolicLink(this.folder.resolve("inside.md"), this.folder.resolve(".drafts/c.md"));
		Files.createSymbolicLink(this.folder.resolve("escape.txt"), secret);
		Files.createSymbolicLink(this.folder.resolve("escape-relative.txt"), Path.of("../../secrets/password.txt"));
		Files.createSymbolicLink(this.folder.resolve("folder-link"), outside);
		Files.createSymbolicLink(this.folder.resolve("broken.md"), this.folder.resolve("nothing-here.md"));

		SyncRun run = this.sync.sync(folderSource(null), null);

		assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
		SyncFixture.assertCounts(run, SyncFixture.counts(2, 0, 0, 0, 0, 0, 4));
		assertThat(run.report().items()).filteredOn((i) -> i.outcome().equals("skipped"))
			.extracting(SyncRun.Item::path, SyncRun.Item::reason)
			.containsExactlyInAnyOrder(tuple("escape.txt", "a symbolic link that leads out of the source's folder"),
					tuple("escape-relative.txt", "a symbolic link that leads out of the source's folder"),
					tuple("folder-link", "a symbolic link that leads out of the source's folder"),
					tuple("broken.md", "a symbolic link to nothing (broken)"));
		assertThat(this.sync.documentsByPath()).containsOnlyKeys("a.md", "inside.md");
		assertThat(this.sync.ingestion.documents().list(SyncFixture.KB)).extracting(Document::sha256)
			.doesNotContain(SourceComparison.sha256(secret));
	}

	@Test
	void reportsFilesItCannotIngestAndGoesOn() throws Exception {
		Files.writeString(this.folder.resolve("good.md"), "# Good\n\nA readable note.\n");
		Files.write(this.folder.resolve("random.bin"), new byte[] { 0, 1, 2, 3, (byte) 0xff, (byte) 0xfe, 7, 0 });
		Files.createFile(this.folder.resolve("empty.txt"));
		Files.writeString(this.folder.resolve("copy-of-good.md"), "# Good\n\nA readable note.\n");

		SyncRun run = this.sync.sync(folderSource(null), null);

		assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
		SyncFixture.assertCounts(run, SyncFixture.counts(1, 0, 0, 0, 0, 2, 1));
		assertThat(run.report().items()).filteredOn((i) -> !i.outcome().equals("added"))
			.extracting(SyncRun.Item::path, SyncRun.Item::outcome)
			.containsExactlyInAnyOrder(tuple("random.bin", "failed"), tuple("empty.txt", "failed"),
					tuple("good.md", "skipped"));
		assertThat(run.report().items()).filteredOn((i) -> i.path().equals("empty.txt"))
			.singleElement()
			.satisfies((i) -> assertThat(i.reason()).contains("is empty"));
		assertThat(run.report().items()).filteredOn((i) -> i.path().equals("good.md"))
			.singleElement()
			.satisfies((i) -> assertThat(i.reason()).startsWith("the same bytes as document"));
	}

	@Test
	void refusesASecondSyncOfTheSameSourceWhileOneRuns() throws Exception {
		note(1, "first");
		note(2, "first");
		Source source = folderSource(null);
		this.sync.ingestion.pause();
		SyncRun running = this.sync.sources.sync(SyncFixture.KB, source.id(), null);
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.sync.sources.sync(SyncFixture.KB, source.id(), null))
			.withMessageContaining("one sync per source at a time")
			.withMessageContaining(running.id());
		assertThat(this.sync.store.findRun(running.id()).orElseThrow().status()).isEqualTo(SyncRun.Status.RUNNING);

		this.sync.ingestion.resume();
		SyncRun ended = this.sync.awaitEnd(running);
		SyncFixture.assertCounts(ended, SyncFixture.counts(2, 0, 0, 0, 0, 0, 0));
		SyncFixture.assertCounts(this.sync.sync(source, null), SyncFixture.counts(0, 0, 0, 0, 2, 0, 0));
	}

	@Test
	void aStoppedRunWritesNothingMoreAndIsNotInterrupted() throws Exception {
		for (int n = 0; n < 3; n++) {
			note(n, "first");
		}
		Source source = folderSource(null);
		SyncRun run = new SyncRun("run_stopped", source.id(), SyncFixture.KB, SyncRun.Status.RUNNING, "manual", false,
				Instant.now(), null, SyncRun.Progress.NONE, SyncRun.Report.EMPTY, null);
		assertThat(this.sync.store.start(run, null)).isTrue();
		SyncRunner runner = new SyncRunner(this.sync.ingestion.documents(), this.sync.store,
				(s) -> new FolderFiles(new FolderRoots(List.of(this.root)).check(s.path()), this.sync.protectedPaths),
				SyncLimits.NONE, Clock.systemUTC());
		// its claim was taken after the first file
		AtomicInteger asked = new AtomicInteger();
		assertThatExceptionOfType(InterruptedException.class)
			.isThrownBy(() -> runner.run(source, run, () -> asked.incrementAndGet() > 1));
		assertThat(Thread.currentThread().isInterrupted()).isFalse();
		assertThat(this.sync.ingestion.documents().list(SyncFixture.KB)).hasSize(1);
		SyncRun left = this.sync.store.findRun(run.id()).orElseThrow();
		assertThat(left.status()).isEqualTo(SyncRun.Status.RUNNING);
		assertThat(left.progress().filesDone()).isLessThanOrEqualTo(1);
	}

	@Test
	void aRunWhoseSourceIsDeletedOnAnotherNodeStopsAtItsNextLookWithoutAnInterrupt() throws Exception {
		for (int n = 0; n < 3; n++) {
			note(n, "first");
		}
		Source source = folderSource(null);
		// the run's first file is held until the test lets it go
		CountDownLatch fetching = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicBoolean interrupted = new AtomicBoolean();
		SyncRunner runner = runner((files) -> new SourceFiles() {

			@Override
			public List<Entry> list() throws java.io.IOException {
				return files.list();
			}

			@Override
			public Local fetch(Entry entry) throws java.io.IOException {
				fetching.countDown();
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					interrupted.set(true);
					Thread.currentThread().interrupt();
				}
				return files.fetch(entry);
			}

		});
		Instant now = Instant.now();
		AtomicReference<Instant> time = new AtomicReference<>(now);
		SyncWorkers node = this.sync.node(runner, new Clock() {

			@Override
			public Instant instant() {
				return time.get();
			}

			@Override
			public java.time.ZoneId getZone() {
				return java.time.ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

		});
		try {
			SyncRun run = node.begin(source, "manual", false, null).orElseThrow();
			assertThat(fetching.await(30, TimeUnit.SECONDS)).isTrue();
			// another node deleted the source (which stops only its own runs at once);
			// this one looks again once a look's interval has passed
			this.sync.store.delete(source.id());
			time.set(now.plus(SyncWorkers.LOOK_EVERY));
			release.countDown();
			await().atMost(Duration.ofSeconds(30)).until(() -> this.sync.jobState(run.id()) == StateName.SUCCEEDED);
			assertThat(this.sync.ingestion.documents().list(SyncFixture.KB)).hasSizeLessThanOrEqualTo(1);
			assertThat(interrupted).isFalse();
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void aRunJobRunrGivesUpOnEndsCutOffAndItsScheduleWaitsForASyncByHand() throws Exception {
		note(1, "first");
		Source source = this.sync.create(SyncFixture.KB,
				new Sources.NewSource("folder", this.folder.toString(), null, null, null, 1));
		SyncRun run = this.sync.workers.begin(source, "manual", false, null).orElseThrow();
		assertThat(this.sync.jobStorage.getJobById(SyncWorkers.jobId(run.id())).getAmountOfRetries())
			.as("JobRunr's retries are the cut-offs a run may have")
			.isEqualTo(SyncWorkers.MAX_CUT_OFFS - 1);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.sync.jobState(run.id()) == StateName.SUCCEEDED);

		// a run whose node died on its last try: JobRunr finds its job orphaned and fails
		// it for good
		Instant died = Instant.now().minusSeconds(120);
		SyncRun last = new SyncRun("run_last", source.id(), SyncFixture.KB, SyncRun.Status.RUNNING, "schedule", false,
				died, null, SyncRun.Progress.NONE, SyncRun.Report.EMPTY, null);
		assertThat(this.sync.store.start(last, null)).isTrue();
		this.sync.jobStorage.save(DeadNode.job(source.id(), last.id(), died, 0));
		SyncRun cutOff = this.sync.awaitEnd(last);
		assertThat(cutOff.status()).isEqualTo(SyncRun.Status.FAILED);
		assertThat(cutOff.error()).startsWith(SyncWorkers.CUT_OFF)
			.contains("tried 3 times")
			.contains("not restarted, nor started by its schedule, until a sync is started by hand");
		assertThat(this.sync.store.findById(source.id()).orElseThrow().activeRunId()).isNull();

		// its interval is long past: no run all the same
		this.sync.schedules.check();
		assertThat(this.sync.sources.runs(SyncFixture.KB, source.id(), 10)).hasSize(2);
		SyncRun byHand = this.sync.awaitEnd(this.sync.sources.sync(SyncFixture.KB, source.id(), null));
		assertThat(byHand.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
	}

	@Test
	void aRunLeftWithoutAJobIsEndedCutOffAndFreesItsSource() {
		Source source = folderSource(null);
		// its node stopped between starting the run and queuing its job
		SyncRun lost = new SyncRun("run_lost", source.id(), SyncFixture.KB, SyncRun.Status.RUNNING, "manual", false,
				Instant.now().minus(SyncSchedules.LOST_AFTER).minusSeconds(1), null, SyncRun.Progress.NONE,
				SyncRun.Report.EMPTY, null);
		assertThat(this.sync.store.start(lost, null)).isTrue();
		SyncRun young = new SyncRun("run_young", source.id(), SyncFixture.KB, SyncRun.Status.RUNNING, "manual", false,
				Instant.now(), null, SyncRun.Progress.NONE, SyncRun.Report.EMPTY, null);

		this.sync.schedules.check();

		SyncRun ended = this.sync.store.findRun(lost.id()).orElseThrow();
		assertThat(ended.status()).isEqualTo(SyncRun.Status.FAILED);
		assertThat(ended.error()).startsWith(SyncWorkers.CUT_OFF).contains("its job was lost");
		assertThat(this.sync.store.start(young, null)).isTrue();
		// a run just started, its job not queued yet, is left alone
		this.sync.schedules.check();
		assertThat(this.sync.store.findRun(young.id()).orElseThrow().status()).isEqualTo(SyncRun.Status.RUNNING);
	}

	private SyncRunner runner(java.util.function.UnaryOperator<SourceFiles> files) {
		FolderRoots roots = new FolderRoots(List.of(this.root));
		return new SyncRunner(this.sync.ingestion.documents(), this.sync.store,
				(s) -> files.apply(new FolderFiles(roots.check(s.path()), this.sync.protectedPaths)), SyncLimits.NONE,
				Clock.systemUTC());
	}

	@Test
	void aSourceWithAnIntervalSyncsByItselfWhenItIsDue() throws Exception {
		note(1, "first");
		Source source = this.sync.create(SyncFixture.KB,
				new Sources.NewSource("folder", this.folder.toString(), null, null, null, 1));
		this.sync.schedules.check();
		SyncRun scheduled = this.sync.sources.runs(SyncFixture.KB, source.id(), 10).get(0);
		assertThat(scheduled.trigger()).isEqualTo("schedule");
		SyncFixture.assertCounts(this.sync.awaitEnd(scheduled), SyncFixture.counts(1, 0, 0, 0, 0, 0, 0));
		// not due again before its interval
		this.sync.schedules.check();
		assertThat(this.sync.sources.runs(SyncFixture.KB, source.id(), 10)).hasSize(1);
	}

	@Test
	void aDueScheduleIsStartedByTheOneJobRunrRecurringJobOfEveryNode() throws Exception {
		note(1, "first");
		// this node and another one, on the same JobRunr store
		SyncSchedules other = this.sync.schedules(Duration.ofSeconds(1));
		this.sync.schedules.start();
		other.start();
		try {
			Source source = this.sync.create(SyncFixture.KB,
					new Sources.NewSource("folder", this.folder.toString(), null, null, null, 1));
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> !this.sync.sources.runs(SyncFixture.KB, source.id(), 10).isEmpty());
			SyncRun scheduled = this.sync.sources.runs(SyncFixture.KB, source.id(), 10).get(0);
			assertThat(scheduled.trigger()).isEqualTo("schedule");
			SyncFixture.assertCounts(this.sync.awaitEnd(scheduled), SyncFixture.counts(1, 0, 0, 0, 0, 0, 0));
			assertThat(this.sync.jobStorage.getRecurringJobs()).as("one recurring job, whichever nodes wrote it")
				.singleElement()
				.satisfies((job) -> assertThat(job.getId()).isEqualTo("sync-schedules"));
			// the run was started by a check JobRunr ran
			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.sync.jobStorage.getRecurringJobLatestScheduledInstant("sync-schedules",
						StateName.SUCCEEDED) != null);
		}
		finally {
			other.stop();
			this.sync.schedules.stop();
		}
	}

	private Source folderSource(Boolean deleteMissing) {
		return this.sync.create(SyncFixture.KB,
				new Sources.NewSource("folder", this.folder.toString(), null, null, deleteMissing, null));
	}

	/** Note n: the first 50 in the folder, the others in its archive sub-folder. */
	private void note(int n, String edition) throws Exception {
		Path file = this.folder.resolve(((n < 50) ? "" : "archive/") + String.format("note-%03d.md", n));
		Files.createDirectories(file.getParent());
		Files.writeString(file, "# Note " + n + "\n\nThe " + edition + " edition of note " + n
				+ " says the harbour code is " + (n * 7919) + ".\n");
	}

}
