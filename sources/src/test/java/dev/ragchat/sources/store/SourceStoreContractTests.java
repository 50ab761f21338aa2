package dev.ragchat.sources.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.ragchat.sources.Source;
import dev.ragchat.sources.SourceStore;
import dev.ragchat.sources.SyncRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link SourceStore} adapter passes.
 */
abstract class SourceStoreContractTests {

	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	SourceStore store;

	protected abstract SourceStore createStore();

	@BeforeEach
	void createFreshStore() {
		this.store = createStore();
	}

	@Test
	void keepsFolderAndBucketSourcesListedOldestFirstPerKnowledgeBase() {
		Source folder = folder("src_1", "kb", NOW.minusSeconds(5));
		Source bucket = new Source("src_2", "kb", Source.Type.S3, null, "docs", "manuals/", true, 60, NOW, null, null,
				null);
		this.store.insert(bucket);
		this.store.insert(folder);
		this.store.insert(folder("src_3", "other", NOW));
		assertThat(this.store.findById("src_2")).contains(bucket);
		assertThat(this.store.findByKnowledgeBase("kb")).containsExactly(folder, bucket);
		assertThat(this.store.findAll()).extracting(Source::id).containsExactly("src_1", "src_2", "src_3");
		assertThat(this.store.findById("src_9")).isEmpty();
	}

	@Test
	void keepsAWebSourceWithItsScopeScheduleAndSealedSecretAndItsCrawlState() {
		Source web = new Source("src_w", "kb", Source.Type.WEB, null, null, null, false, null, NOW, null, null, null,
				"0 0 3 * * *", new Source.Web("https://docs.example.com/guide/", List.of("/blog/**"),
						List.of("/guide/old/"), 3, 200, new Source.Auth("header", "X-Api-Key", "v1:sealed")));
		this.store.insert(web);
		assertThat(this.store.findById("src_w")).contains(web);
		assertThat(this.store.findById("src_w").orElseThrow().location()).isEqualTo("https://docs.example.com/guide/");
		assertThat(this.store.crawlState("src_w")).isNull();
		this.store.saveCrawlState("src_w", "{\"https://docs.example.com/guide/\":{\"etag\":\"\\\"1\\\"\"}}");
		assertThat(this.store.crawlState("src_w")).contains("etag");
		this.store.saveCrawlState("src_w", "{}");
		assertThat(this.store.crawlState("src_w")).isEqualTo("{}");
		assertThat(this.store.findById("src_w")).contains(web);
	}

	@Test
	void startsOneRunPerSourceAtATimeUntilItEnds() {
		this.store.insert(folder("src_1", "kb", NOW));
		assertThat(this.store.start(run("run_1", NOW), null)).isTrue();
		assertThat(this.store.start(run("run_2", NOW.plusSeconds(1)), null)).isFalse();
		assertThat(this.store.findById("src_1").orElseThrow().activeRunId()).isEqualTo("run_1");
		assertThat(this.store.findRun("run_2")).isEmpty();

		// however long it runs: a run cut off is JobRunr's to run again
		assertThat(this.store.start(run("run_3", NOW.plusSeconds(3600)), null)).isFalse();
		this.store.finish(run("run_1", NOW).finished(SyncRun.Status.FAILED, NOW.plusSeconds(3600), SyncRun.Report.EMPTY,
				"Cut off: given up"));
		assertThat(this.store.start(run("run_3", NOW.plusSeconds(3601)), null)).isTrue();
		assertThat(this.store.findById("src_1").orElseThrow())
			.satisfies((s) -> assertThat(s.activeRunId()).isEqualTo("run_3"))
			.satisfies((s) -> assertThat(s.lastRunId()).isEqualTo("run_3"))
			.satisfies((s) -> assertThat(s.lastRunAt()).isEqualTo(NOW.plusSeconds(3601)));
	}

	@Test
	void finishesARunOnceAndReleasesItsSource() {
		this.store.insert(folder("src_1", "kb", NOW));
		SyncRun run = run("run_1", NOW);
		this.store.start(run, null);
		SyncRun.Report report = new SyncRun.Report(2, 3, 0, 1, 94, 0, 0,
				List.of(new SyncRun.Item("a.md", "added", "doc_1", null),
						new SyncRun.Item("gone.md", "missing-kept", "doc_2", null)),
				0);
		this.store.progress(run.withProgress(new SyncRun.Progress(100, 40, 2, 1)));
		assertThat(this.store.findRun("run_1").orElseThrow().progress()).isEqualTo(new SyncRun.Progress(100, 40, 2, 1));

		SyncRun ended = run.withProgress(new SyncRun.Progress(100, 100, 5, 5))
			.finished(SyncRun.Status.SUCCEEDED, NOW.plusSeconds(9), report, null);
		assertThat(this.store.finish(ended)).isTrue();
		assertThat(this.store.findRun("run_1")).contains(ended);
		assertThat(this.store.findById("src_1").orElseThrow().activeRunId()).isNull();
		// a late writer changes nothing
		assertThat(this.store.finish(ended.finished(SyncRun.Status.FAILED, NOW.plusSeconds(20), report, "late")))
			.isFalse();
		this.store.progress(ended.withProgress(SyncRun.Progress.NONE));
		assertThat(this.store.findRun("run_1")).contains(ended);
		assertThat(this.store.start(run("run_2", NOW.plusSeconds(10)), null)).isTrue();
	}

	@Test
	void aScheduledStartWaitsForTheIntervalSinceTheLastRun() {
		this.store.insert(folder("src_1", "kb", NOW));
		assertThat(this.store.start(run("run_1", NOW), NOW.minusSeconds(600))).isTrue();
		this.store.finish(
				run("run_1", NOW).finished(SyncRun.Status.SUCCEEDED, NOW.plusSeconds(1), SyncRun.Report.EMPTY, null));
		assertThat(this.store.start(run("run_2", NOW.plusSeconds(5)), NOW.minusSeconds(1))).isFalse();
		assertThat(this.store.start(run("run_3", NOW.plusSeconds(5)), NOW.plusSeconds(1))).isTrue();
	}

	@Test
	void listsRunsNewestFirstAndDeletesThemWithTheirSource() {
		this.store.insert(folder("src_1", "kb", NOW));
		for (int i = 1; i <= 3; i++) {
			SyncRun run = run("run_" + i, NOW.plusSeconds(i));
			this.store.start(run, null);
			this.store.finish(run.finished(SyncRun.Status.SUCCEEDED, NOW.plusSeconds(i), SyncRun.Report.EMPTY, null));
		}
		assertThat(this.store.runs("src_1", 2)).extracting(SyncRun::id).containsExactly("run_3", "run_2");
		assertThat(this.store.delete("src_1")).isTrue();
		assertThat(this.store.findById("src_1")).isEmpty();
		assertThat(this.store.findRun("run_1")).isEmpty();
		assertThat(this.store.delete("src_1")).isFalse();
	}

	static Source folder(String id, String kb, Instant createdAt) {
		return new Source(id, kb, Source.Type.FOLDER, "/srv/docs/" + id, null, null, false, null, createdAt, null, null,
				null);
	}

	static SyncRun run(String id, Instant at) {
		return new SyncRun(id, "src_1", "kb", SyncRun.Status.RUNNING, "manual", false, at, null, SyncRun.Progress.NONE,
				SyncRun.Report.EMPTY, null);
	}

}
