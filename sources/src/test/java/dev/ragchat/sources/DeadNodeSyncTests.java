package dev.ragchat.sources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import dev.ragchat.ingestion.Documents;
import dev.ragchat.ingestion.jobs.JobRunrMemoryBackend;
import dev.ragchat.sources.store.TestSourceStores;
import org.bson.UuidRepresentation;
import org.h2.jdbcx.JdbcDataSource;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.nosql.mongo.MongoDBStorageProvider;
import org.jobrunr.storage.sql.common.SqlStorageProviderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A sync run cut off by a node that died is found by JobRunr (its job orphaned) and run
 * again on a live node, to its end, without duplicates: with JobRunr's SQL store (H2, as
 * the embedded catalog's) and its MongoDB store (on mongo-java-server, the source store
 * there too). JobRunr looks every 5 seconds, its least on a database: each test takes
 * some 10 to 20 seconds.
 */
class DeadNodeSyncTests {

	static final MongoServer mongo = new MongoServer(new JobRunrMemoryBackend());

	/** A client as Spring Boot makes the catalog's: UUIDs in the Java legacy form. */
	static final MongoClient client = MongoClients.create(MongoClientSettings.builder()
		.applyConnectionString(new ConnectionString(mongo.bindAndGetConnectionString()))
		.uuidRepresentation(UuidRepresentation.JAVA_LEGACY)
		.build());

	@TempDir
	Path dir;

	@AfterAll
	static void shutDown() {
		client.close();
		mongo.shutdownNow();
	}

	@Test
	void aRunCutOffByADeadNodeIsRunAgainToItsEndWithJobRunrOnSql() throws Exception {
		JdbcDataSource jobs = new JdbcDataSource();
		jobs.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		Path root = Files.createDirectories(this.dir.resolve("root"));
		try (SyncFixture sync = SyncFixture.onJobStorage(this.dir, List.of(root),
				SqlStorageProviderFactory.using(jobs, null, DatabaseOptions.CREATE), null)) {
			runAgainWithoutDuplicates(sync, root);
		}
	}

	@Test
	void aRunCutOffByADeadNodeIsRunAgainToItsEndWithJobRunrOnMongoDb() throws Exception {
		String database = "t" + UUID.randomUUID().toString().replace("-", "");
		Path root = Files.createDirectories(this.dir.resolve("root"));
		try (SyncFixture sync = SyncFixture.onJobStorage(this.dir, List.of(root),
				new MongoDBStorageProvider(client, database, "jobrunr_", DatabaseOptions.CREATE),
				TestSourceStores.mongo(client.getDatabase(database)))) {
			runAgainWithoutDuplicates(sync, root);
		}
	}

	private static void runAgainWithoutDuplicates(SyncFixture sync, Path root) throws Exception {
		Path folder = Files.createDirectories(root.resolve("handbook"));
		for (int n = 0; n < 5; n++) {
			note(folder, n);
		}
		Source source = sync.create(SyncFixture.KB,
				new Sources.NewSource("folder", folder.toString(), null, null, null, null));
		SyncFixture.assertCounts(sync.sync(source, null), SyncFixture.counts(5, 0, 0, 0, 0, 0, 0));
		for (int n = 5; n < 8; n++) {
			note(folder, n);
		}
		// a node started a run, uploaded one of the new files, and died
		Instant died = Instant.now().minusSeconds(60);
		SyncRun dead = new SyncRun("run_dead", source.id(), SyncFixture.KB, SyncRun.Status.RUNNING, "manual", false,
				died, null, new SyncRun.Progress(8, 6, 1, 0), SyncRun.Report.EMPTY, null);
		assertThat(sync.store.start(dead, null)).isTrue();
		// paused first, so that the document it queued is not ingested yet
		sync.ingestion.pause();
		sync.ingestion.documents()
			.submit(SyncFixture.KB, List.of(new Documents.Upload("note-005.md", folder.resolve("note-005.md"))),
					SourceComparison.metadata(source, "note-005.md"), null);
		sync.jobStorage.save(DeadNode.job(source.id(), dead.id(), died, SyncWorkers.MAX_CUT_OFFS - 1));

		// JobRunr fails the orphaned job, schedules its retry, and runs it here
		await().atMost(Duration.ofSeconds(60))
			.until(() -> sync.jobState(dead.id()) == StateName.PROCESSING
					&& sync.jobStorage.getJobById(SyncWorkers.jobId(dead.id()))
						.getJobStates()
						.stream()
						.anyMatch((state) -> state.getName() == StateName.FAILED));
		// the run again has compared every file and waits for the document the cut-off
		// try queued, too (resumed only then: a document ingested before the comparison
		// reads it is merely unchanged)
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			SyncRun again = sync.store.findRun(dead.id()).orElseThrow();
			return again.status() == SyncRun.Status.RUNNING && again.progress().filesDone() == 8
					&& again.progress().documentsIndexing() == 3;
		});
		sync.ingestion.resume();
		SyncRun ended = sync.awaitEnd(dead);
		assertThat(ended.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
		SyncFixture.assertCounts(ended, SyncFixture.counts(2, 0, 0, 0, 6, 0, 0));
		// two added, and the one the cut-off try queued, waited for until READY
		assertThat(ended.progress()).isEqualTo(new SyncRun.Progress(8, 8, 3, 3));
		assertThat(sync.ingestion.documents().list(SyncFixture.KB)).hasSize(8);
		assertThat(sync.documentsByPath()).hasSize(8);
		assertThat(sync.store.findById(source.id()).orElseThrow().activeRunId()).isNull();
	}

	private static void note(Path folder, int n) throws Exception {
		Files.writeString(folder.resolve(String.format("note-%03d.md", n)), "# Note " + n
				+ "\n\nThe first edition of note " + n + " says the harbour code is " + (n * 7919) + ".\n");
	}

}
