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
import dev.ragchat.sources.crawl.Secrets;
import dev.ragchat.sources.files.FolderFiles;
import dev.ragchat.sources.files.ProtectedPaths;
import dev.ragchat.sources.files.SourceFiles;
import dev.ragchat.sources.files.SyncLimits;
import dev.ragchat.sources.store.TestSourceStores;

import org.springframework.util.unit.DataSize;

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

	final Sources sources;

	final ProtectedPaths protectedPaths;

	final Crawler crawler;

	final SyncRunner runner;

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
				}, SyncProperties.Web.NONE, null, catalog);
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
		this(dir, roots, protectedPaths, limits, bucketFiles, SyncProperties.Web.NONE, null, UnaryOperator.identity());
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
		}, web, secrets, UnaryOperator.identity());
	}

	private SyncFixture(Path dir, List<Path> roots, ProtectedPaths protectedPaths, SyncLimits limits,
			Function<Source, SourceFiles> bucketFiles, SyncProperties.Web web, Secrets secrets,
			UnaryOperator<DocumentStore> catalog) throws IOException {
		this.ingestion = new TestIngestion(dir.resolve("ingestion"), catalog);
		this.store = TestSourceStores.embedded(this.ingestion.catalog());
		this.protectedPaths = protectedPaths;
		SyncProperties properties = properties(roots);
		FolderRoots folderRoots = new FolderRoots(roots);
		this.crawler = new Crawler(new HostPolicy(web.hosts()), web.requestsPerHost(), web.maxPageSize().toBytes(),
				web.fetchTimeout(), dir.resolve("ingestion").resolve("work").resolve("sync"));
		Function<Source, SourceFiles> files = (source) -> switch (source.type()) {
			case FOLDER -> new FolderFiles(folderRoots.check(source.path()), protectedPaths);
			case S3 -> bucketFiles.apply(source);
			case WEB -> new WebFiles(this.crawler, WebFiles.site(source, web, secrets), this.store, source.id());
		};
		this.runner = new SyncRunner(this.ingestion.documents(), this.store, files, limits, Clock.systemUTC());
		this.workers = new SyncWorkers(this.store, this.runner, properties, Clock.systemUTC(), (kb) -> true);
		this.sources = new Sources(this.store, this.ingestion.knowledgeBases(), this.workers, folderRoots,
				protectedPaths, Clock.systemUTC(), this.crawler, web, secrets);
	}

	/**
	 * @param roots the folder roots
	 * @return the tests' sync settings: a short lease, a long tick
	 */
	static SyncProperties properties(List<Path> roots) {
		return new SyncProperties(roots, false, Duration.ofSeconds(3), Duration.ofHours(1), DataSize.ofBytes(0),
				new SyncProperties.S3(null, null, null), SyncProperties.Web.NONE);
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
		this.crawler.close();
		this.ingestion.close();
	}

}
