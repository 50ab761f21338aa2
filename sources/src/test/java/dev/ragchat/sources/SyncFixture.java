package dev.ragchat.sources;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.ingestion.Document;
import dev.ragchat.ingestion.DocumentStore;
import dev.ragchat.ingestion.TestIngestion;
import dev.ragchat.sources.crawl.Crawler;
import dev.ragchat.sources.crawl.HostPolicy;
import dev.ragchat.sources.files.FolderFiles;
import dev.ragchat.sources.files.ProtectedPaths;
import dev.ragchat.sources.files.SourceFiles;
import dev.ragchat.sources.files.SyncLimits;
import dev.ragchat.sources.store.TestSourceStores;
import org.jobrunr.jobs.filters.ApplyStateFilter;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.storage.InMemoryStorageProvider;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sync sources over {@link TestIngestion}: the real catalog, ingestion front, workers and
 * index, folder roots of the test's choosing, an S3 client when given.
 */
final class SyncFixture implements AutoCloseable {

	static final String KB = TestIngestion.KNOWLEDGE_BASE;

	private static final ObjectMapper json = new ObjectMapper();

	final TestIngestion ingestion;

	final SourceStore store;

	final SyncWorkers workers;

	final SyncSchedules schedules;

	final Sources sources;

	final ProtectedPaths protectedPaths;

	final Crawler crawler;

	final SyncRunner runner;

	/** JobRunr's store of the sync runs' jobs. */
	final StorageProvider jobStorage;

	final JobRequestScheduler jobs;

	/**
	 * The node JobRunr hands the runs to: {@link #workers} unless a test sets another.
	 */
	volatile SyncWorkers node;

	private final BackgroundJobServer jobServer;

	/**
	 * @param dir a folder of its own: the ingestion's files go to {@code ingestion} in
	 * it, the data directory
	 * @param roots the folder roots
	 * @param bucketFiles the files of an S3 source
	 */
	SyncFixture(Path dir, List<Path> roots, Function<Source, SourceFiles> bucketFiles) throws IOException {
		this(dir, roots, new ProtectedPaths(dir.resolve("ingestion"), List.of()), SyncLimits.NONE, bucketFiles);
	}

	/**
	 * Folder sources whose runs' jobs are kept in the JobRunr store given, polled every 5
	 * seconds (JobRunr's least for a database).
	 * @param dir a folder of its own: the ingestion's files go to {@code ingestion} in it
	 * @param roots the folder roots
	 * @param jobStorage JobRunr's store
	 * @param store the source store, or {@code null} for the embedded one on the catalog
	 * @return the fixture
	 */
	static SyncFixture onJobStorage(Path dir, List<Path> roots, StorageProvider jobStorage, SourceStore store)
			throws IOException {
		return new SyncFixture(dir, roots, new ProtectedPaths(dir.resolve("ingestion"), List.of()), SyncLimits.NONE,
				(source) -> {
					throw new IllegalStateException("no S3 here");
				}, SyncProperties.Web.NONE, null, UnaryOperator.identity(), new Jobs(jobStorage, Duration.ofSeconds(5)),
				store);
	}

	/**
	 * Folder sources over a catalog seen through a wrapper.
	 * @param dir a folder of its own: the ingestion's files go to {@code ingestion} in it
	 * @param roots the folder roots
	 * @param catalog wraps the catalog's document store (to see how it is used)
	 * @return the fixture
	 */
	static SyncFixture watched(Path dir, List<Path> roots, UnaryOperator<DocumentStore> catalog) throws IOException {
		return new SyncFixture(dir, roots, new ProtectedPaths(dir.resolve("ingestion"), List.of()), SyncLimits.NONE,
				(source) -> {
					throw new IllegalStateException("no S3 here");
				}, SyncProperties.Web.NONE, null, catalog, Jobs.inMemory(), null);
	}

	/**
	 * @param dir a folder of its own: the ingestion's files go to {@code ingestion} in it
	 * @param roots the folder roots
	 * @param protectedPaths the service's own files
	 * @param limits what a sync may copy
	 * @param bucketFiles the files of an S3 source
	 */
	SyncFixture(Path dir, List<Path> roots, ProtectedPaths protectedPaths, SyncLimits limits,
			Function<Source, SourceFiles> bucketFiles) throws IOException {
		this(dir, roots, protectedPaths, limits, bucketFiles, SyncProperties.Web.NONE, null, UnaryOperator.identity(),
				Jobs.inMemory(), null);
	}

	/**
	 * Web sources on the hosts and ceilings given.
	 * @param dir a folder of its own: the ingestion's files go to {@code ingestion} in it
	 * @param web the web settings
	 * @param secrets what seals sources' secrets, or {@code null}
	 */
	SyncFixture(Path dir, SyncProperties.Web web, Secrets secrets) throws IOException {
		this(dir, List.of(), new ProtectedPaths(dir.resolve("ingestion"), List.of()), SyncLimits.NONE, (source) -> {
			throw new IllegalStateException("no S3 here");
		}, web, secrets, UnaryOperator.identity(), Jobs.inMemory(), null);
	}

	private SyncFixture(Path dir, List<Path> roots, ProtectedPaths protectedPaths, SyncLimits limits,
			Function<Source, SourceFiles> bucketFiles, SyncProperties.Web web, Secrets secrets,
			UnaryOperator<DocumentStore> catalog, Jobs jobs, SourceStore store) throws IOException {
		this.ingestion = new TestIngestion(dir.resolve("ingestion"), catalog);
		this.store = (store != null) ? store : TestSourceStores.embedded(this.ingestion.catalog());
		this.protectedPaths = protectedPaths;
		FolderRoots folderRoots = new FolderRoots(roots);
		this.crawler = new Crawler(new HostPolicy(web.hosts()), web.requestsPerHost(), web.maxPageSize().toBytes(),
				web.fetchTimeout(), dir.resolve("ingestion").resolve("work").resolve("sync"));
		Function<Source, SourceFiles> files = (source) -> switch (source.type()) {
			case FOLDER -> new FolderFiles(folderRoots.check(source.path()), protectedPaths);
			case S3 -> bucketFiles.apply(source);
			case WEB -> new WebFiles(this.crawler, WebFiles.site(source, web, secrets), this.store, source.id());
		};
		this.runner = new SyncRunner(this.ingestion.documents(), this.store, files, limits, Clock.systemUTC());
		this.jobStorage = jobs.storage();
		this.jobs = new JobRequestScheduler(this.jobStorage);
		this.workers = node(this.runner, Clock.systemUTC());
		this.schedules = schedules(jobs.checkInterval());
		this.jobServer = jobs.server(this);
		this.sources = new Sources(this.store, this.ingestion.knowledgeBases(), this.workers, folderRoots,
				protectedPaths, Clock.systemUTC(), this.crawler, web, secrets);
	}

	/**
	 * A node of its own, to which JobRunr hands the runs from now on.
	 * @param runner how it runs a sync
	 * @param clock its clock
	 * @return the node
	 */
	SyncWorkers node(SyncRunner runner, Clock clock) {
		SyncWorkers node = new SyncWorkers(this.store, runner, this.jobs, clock);
		this.node = node;
		return node;
	}

	/**
	 * The schedules of a node of its own, over the fixture's sources and JobRunr (not
	 * started: its recurring job is written when it is).
	 * @param every how often JobRunr checks them
	 * @return the node's schedules
	 */
	SyncSchedules schedules(Duration every) {
		return new SyncSchedules(this.store, this.workers, this.jobStorage, this.jobs, every, Clock.systemUTC(),
				(kb) -> true);
	}

	/**
	 * @param runId a run
	 * @return the state of its job
	 */
	StateName jobState(String runId) {
		return this.jobStorage.getJobById(SyncWorkers.jobId(runId)).getState();
	}

	/**
	 * @param knowledgeBase its knowledge base
	 * @param request what it reads
	 * @return a new source, created by a caller who may use every knowledge base
	 */
	Source create(String knowledgeBase, Sources.NewSource request) {
		return this.sources.create(knowledgeBase, request, (kb) -> true);
	}

	/**
	 * @param run a started run
	 * @return it, once it ended
	 */
	SyncRun awaitEnd(SyncRun run) {
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.store.findRun(run.id()).orElseThrow().status() != SyncRun.Status.RUNNING);
		return this.store.findRun(run.id()).orElseThrow();
	}

	SyncRun sync(Source source, Boolean deleteMissing) {
		return awaitEnd(this.sources.sync(KB, source.id(), deleteMissing));
	}

	/**
	 * @return the knowledge base's documents by the path their metadata names
	 */
	Map<String, Document> documentsByPath() {
		return this.ingestion.documents().list(KB).stream().collect(Collectors.toMap(SyncFixture::path, (d) -> d));
	}

	static String path(Document document) {
		try {
			JsonNode metadata = json.readTree(document.metadata());
			return metadata.path("path").asText();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static SyncRun.Report counts(int added, int replaced, int deleted, int missingKept, int unchanged, int failed,
			int skipped) {
		return new SyncRun.Report(added, replaced, deleted, missingKept, unchanged, failed, skipped, List.of(), 0);
	}

	/**
	 * Checks a report's counts (its items aside).
	 */
	static void assertCounts(SyncRun run, SyncRun.Report expected) {
		SyncRun.Report r = run.report();
		assertThat(new SyncRun.Report(r.added(), r.replaced(), r.deleted(), r.missingKept(), r.unchanged(), r.failed(),
				r.skipped(), List.of(), 0))
			.as("report of %s: %s", run.id(), r)
			.isEqualTo(expected);
	}

	@Override
	public void close() throws IOException {
		this.workers.stop();
		this.node.stop();
		this.jobServer.stop();
		this.jobStorage.close();
		this.crawler.close();
		this.ingestion.close();
	}

	/**
	 * JobRunr for the fixture: its store, and how often its server looks for jobs.
	 */
	record Jobs(StorageProvider storage, Duration pollInterval) {

		/** In memory, looked at every 200 ms (JobRunr's least for its memory store). */
		static Jobs inMemory() {
			return new Jobs(new InMemoryStorageProvider(), Duration.ofMillis(200));
		}

		/**
		 * @return how often the schedules are checked once started: every second in
		 * memory (JobRunr's least there), every 5 seconds on a database
		 */
		Duration checkInterval() {
			return (this.storage instanceof InMemoryStorageProvider) ? Duration.ofSeconds(1) : Duration.ofSeconds(5);
		}

		/**
		 * A job server that hands sync runs to the fixture's node (and checks of the
		 * schedules to its schedules) and tells it the states of their jobs, as the
		 * application's JobsConfiguration does.
		 */
		BackgroundJobServer server(SyncFixture fixture) {
			JsonMapper json = new JacksonJsonMapper();
			this.storage.setJobMapper(new JobMapper(json));
			BackgroundJobServer server = new BackgroundJobServer(this.storage, json, new JobActivator() {

				@Override
				public <T> T activateJob(Class<T> type) {
					return type.cast((type == SyncSchedules.class) ? fixture.schedules : fixture.node);
				}

			}, BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
				.andWorkerCount(4)
				.andPollInterval(this.pollInterval));
			server.setJobFilters(List.of((ApplyStateFilter) (job, oldState, newState) -> fixture.node
				.onStateApplied(job, oldState, newState)));
			server.start();
			return server;
		}

	}

}
