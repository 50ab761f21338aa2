package dev.ragchat.sources;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.Document;
import dev.ragchat.ingestion.DocumentStatus;
import dev.ragchat.retrieval.Chunk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Web sources crawled from a small generated site on loopback (allowed explicitly, as an
 * operator would list it) through the real ingestion path: its robots.txt with a
 * disallowed path and a crawl delay, a sitemap, a redirect, a page gone, a loop of links,
 * a page too large, a PDF, and pages whose {@code ETag} changes.
 */
class WebSyncTests {

	static final SyncProperties.Web WEB = new SyncProperties.Web(List.of("127.0.0.1"), 5, 50, DataSize.ofKilobytes(64),
			2, Duration.ofSeconds(60));

	@TempDir
	Path dir;

	TestSite site;

	SyncFixture sync;

	@BeforeEach
	void start() throws Exception {
		this.site = new TestSite("127.0.0.1");
		this.sync = new SyncFixture(this.dir, WEB, null);
		this.site.put("/robots.txt", 200, "text/plain",
				"User-agent: *\nDisallow: /docs/private/\nCrawl-delay: 0.2\n".getBytes(StandardCharsets.US_ASCII),
				null);
		this.site.page("/docs/",
				TestSite.docPage("Harbour guide", "The harbour opens at dawn every day.", "install", "configure",
						"private/keys", "old-page", "missing", "big", "manual.pdf", "loop-a", "style.css", "/blog/news",
						"http://example.org/elsewhere"),
				"\"home-1\"");
		this.site.page("/docs/install", TestSite.docPage("Installing the harbour app",
				"Install the harbour app with one command.", "/docs/", "configure"), "\"install-1\"");
		this.site.page("/docs/configure",
				TestSite.docPage("Configuring berths", "Berths are configured by the harbour master.", "loop-a"),
				"\"configure-1\"");
		this.site.page("/docs/loop-a", TestSite.docPage("Loop A", "Loop page A leads to loop page B.", "loop-b"),
				"\"a-1\"");
		this.site.page("/docs/loop-b", TestSite.docPage("Loop B", "Loop page B leads back to loop page A.", "loop-a"),
				"\"b-1\"");
		this.site.redirect("/docs/old-page", 301, "/docs/new-page");
		this.site.page("/docs/new-page", TestSite.docPage("Tide tables", "Tide tables moved to this new page."),
				"\"new-1\"");
		this.site.page("/docs/private/keys", TestSite.docPage("Keys", "Never to be read."), "\"keys-1\"");
		this.site.page("/docs/big", TestSite.docPage("Big", "word ".repeat(20_000)), "\"big-1\"");
		this.site.put("/docs/manual.pdf", 200, "application/pdf",
				TestSite.pdf("The harbour manual says ferries leave at noon."), "\"pdf-1\"");
	}

	@AfterEach
	void stop() throws Exception {
		this.sync.close();
		this.site.close();
	}

	@Test
	void aCrawlReadsTheSiteWithinItsScopeAndRobotsTxtAndASecondOneFetchesOnlyWhatChanged() throws Exception {
		Source source = webSource(this.site.url("/docs/"));
		SyncRun first = this.sync.sync(source, null);

		assertThat(first.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
		SyncFixture.assertCounts(first, SyncFixture.counts(7, 0, 0, 0, 0, 0, 3));
		assertThat(first.report().items()).extracting(SyncRun.Item::path, SyncRun.Item::outcome)
			.containsExactlyInAnyOrder(tuple(url("/docs/"), "added"), tuple(url("/docs/install"), "added"),
					tuple(url("/docs/configure"), "added"), tuple(url("/docs/loop-a"), "added"),
					tuple(url("/docs/loop-b"), "added"), tuple(url("/docs/new-page"), "added"),
					tuple(url("/docs/manual.pdf"), "added"), tuple(url("/docs/private/keys"), "skipped"),
					tuple(url("/docs/big"), "skipped"), tuple(url("/docs/missing"), "skipped"));
		assertThat(reason(first, "/docs/private/keys")).isEqualTo("robots.txt disallows it");
		assertThat(reason(first, "/docs/big")).contains("larger than the page size limit of 65536 bytes")
			.contains("RAGCHAT_SYNC_WEB_MAX_PAGE_SIZE");
		assertThat(reason(first, "/docs/missing")).contains("404");
		// robots.txt is obeyed: the disallowed page is never asked for; nothing outside
		// the scope is either, and each page in a loop once
		assertThat(this.site.requests("/docs/private/keys")).isEmpty();
		assertThat(this.site.requests("/blog/news")).isEmpty();
		assertThat(this.site.requests("/docs/style.css")).isEmpty();
		assertThat(this.site.requests("/docs/loop-a")).hasSize(1);
		assertThat(this.site.requests("/robots.txt")).hasSize(1);
		assertCrawlDelayKept(0);

		Map<String, Document> documents = this.sync.documentsByPath();
		assertThat(documents).containsKeys(url("/docs/"), url("/docs/new-page"), url("/docs/manual.pdf"))
			.doesNotContainKey(url("/docs/old-page"));
		assertThat(documents.values()).allSatisfy((d) -> assertThat(d.status()).isEqualTo(DocumentStatus.READY));
		Document home = documents.get(url("/docs/"));
		assertThat(home.filename()).isEqualTo("index.html");
		assertThat(documents.get(url("/docs/install")).filename()).isEqualTo("install.html");
		assertThat(documents.get(url("/docs/manual.pdf")).mediaType()).isEqualTo("application/pdf");
		// the page as a page: its own text and title, not its site's menu, sidebar and
		// footer
		List<Chunk> chunks = this.sync.ingestion.index().chunks(home.id());
		assertThat(chunks).extracting(Chunk::title).containsOnly("Harbour guide");
		String text = chunks.stream().map(Chunk::text).collect(Collectors.joining("\n"));
		assertThat(text).contains("The harbour opens at dawn every day.")
			.doesNotContain("Site menu")
			.doesNotContain("Sidebar of every page")
			.doesNotContain("Copyright footer");
		assertThat(this.sync.ingestion.index().chunks(documents.get(url("/docs/manual.pdf")).id()))
			.extracting(Chunk::text)
			.anySatisfy((t) -> assertThat(t).contains("ferries leave at noon"));

		// the second run: one page changed (a new ETag), one gone, the rest as they were
		this.site.page("/docs/configure",
				TestSite.docPage("Configuring berths", "Berths are now configured by the port authority.", "loop-a"),
				"\"configure-2\"");
		this.site.put("/docs/install", 410, "text/plain", new byte[0], null);
		int before = this.site.log.size();
		SyncRun second = this.sync.sync(source, null);

		assertThat(second.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
		SyncFixture.assertCounts(second, SyncFixture.counts(0, 1, 0, 1, 5, 0, 3));
		assertThat(second.report().items()).extracting(SyncRun.Item::path, SyncRun.Item::outcome)
			.contains(tuple(url("/docs/configure"), "replaced"), tuple(url("/docs/install"), "missing-kept"));
		List<TestSite.Request> requests = this.site.log.subList(before, this.site.log.size());
		// every page with a document was asked for conditionally; only the changed one
		// came in full
		for (String unchanged : List.of("/docs/", "/docs/loop-a", "/docs/loop-b", "/docs/new-page",
				"/docs/manual.pdf")) {
			assertThat(requests).filteredOn((r) -> r.path().equals(unchanged))
				.singleElement()
				.satisfies((r) -> assertThat(r.ifNoneMatch()).isNotNull())
				.extracting(TestSite.Request::status)
				.isEqualTo(304);
		}
		assertThat(requests).filteredOn((r) -> r.path().equals("/docs/configure"))
			.singleElement()
			.satisfies((r) -> assertThat(r.ifNoneMatch()).isEqualTo("\"configure-1\""))
			.extracting(TestSite.Request::status)
			.isEqualTo(200);
		assertThat(requests).filteredOn((r) -> r.status() == 200)
			.extracting(TestSite.Request::path)
			.containsExactlyInAnyOrder("/robots.txt", "/docs/configure", "/docs/big");
		Map<String, Document> after = this.sync.documentsByPath();
		Document configure = after.get(url("/docs/configure"));
		assertThat(configure.id()).isEqualTo(documents.get(url("/docs/configure")).id());
		assertThat(configure.version()).isEqualTo(2);
		assertThat(this.sync.ingestion.index().chunks(configure.id())).extracting(Chunk::text)
			.anySatisfy((t) -> assertThat(t).contains("port authority"))
			.noneSatisfy((t) -> assertThat(t).contains("harbour master"));
		assertThat(after.get(url("/docs/")).version()).isEqualTo(1);
		// the page gone is kept (no deleteMissing), as it was
		assertThat(after.get(url("/docs/install")).version()).isEqualTo(1);

		SyncRun third = this.sync.sync(source, true);
		assertThat(third.report().items()).extracting(SyncRun.Item::path, SyncRun.Item::outcome)
			.contains(tuple(url("/docs/install"), "deleted"));
		assertThat(this.sync.documentsByPath()).doesNotContainKey(url("/docs/install"));
	}

	@Test
	void aSitemapListsThePagesAndThoseOutsideTheScopeOrDisallowedAreReportedNotRead() throws Exception {
		this.site.put("/docs/sitemap.xml", 200, "application/xml", ("""
				<?xml version="1.0" encoding="UTF-8"?>
				<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
				<url><loc>%1$s/docs/install</loc></url>
				<url><loc>%1$s/docs/new-page</loc></url>
				<url><loc>%1$s/docs/private/keys</loc></url>
				<url><loc>%1$s/blog/news</loc></url>
				</urlset>
				""").formatted(this.site.origin()).getBytes(StandardCharsets.UTF_8), null);
		Source source = this.sync.create(SyncFixture.KB, new Sources.NewSource("web", null, null, null, null, null,
				null, this.site.url("/docs/sitemap.xml"), null, List.of("/docs/loop-*"), 0, null, null));
		SyncRun run = this.sync.sync(source, null);

		assertThat(run.report().items()).extracting(SyncRun.Item::path, SyncRun.Item::outcome)
			.containsExactlyInAnyOrder(tuple(url("/docs/install"), "added"), tuple(url("/docs/new-page"), "added"),
					tuple(url("/docs/private/keys"), "skipped"), tuple(url("/blog/news"), "skipped"));
		assertThat(reason(run, "/blog/news")).isEqualTo("listed in the sitemap, outside the source's scope");
		// depth 0: the sitemap's pages, not the pages they link to
		assertThat(this.site.requests("/docs/configure")).isEmpty();
		assertThat(this.site.requests("/blog/news")).isEmpty();
	}

	@Test
	void includeAndExcludePatternsWidenAndNarrowTheScope() throws Exception {
		this.site.page("/docs/", TestSite.docPage("Harbour guide", "Home.", "install", "configure", "/blog/news"),
				"\"home-2\"");
		this.site.page("/blog/news", TestSite.docPage("News", "The harbour has news."), "\"news-1\"");
		Source source = this.sync.create(SyncFixture.KB, new Sources.NewSource("web", null, null, null, null, null,
				null, this.site.url("/docs/"), List.of("/blog/**"), List.of("/docs/configure"), 1, null, null));
		SyncRun run = this.sync.sync(source, null);

		assertThat(run.report().items()).extracting(SyncRun.Item::path)
			.containsExactlyInAnyOrder(url("/docs/"), url("/docs/install"), url("/blog/news"));
		assertThat(this.site.requests("/docs/configure")).isEmpty();
	}

	@Test
	void moreStartPagesOfTheSiteEachBringTheirFolder() throws Exception {
		this.site.page("/docs/", TestSite.docPage("Harbour guide", "Home.", "install"), "\"home-3\"");
		this.site.page("/blog/", TestSite.docPage("Blog", "The harbour's blog.", "news"), "\"blog-1\"");
		this.site.page("/blog/news", TestSite.docPage("News", "The harbour has news."), "\"news-2\"");
		Source source = this.sync.create(SyncFixture.KB, new Sources.NewSource("web", null, null, null, null, null,
				null, this.site.url("/docs/"), null, null, 1, null, null, List.of(this.site.url("/blog/"))));
		assertThat(source.web().urls()).containsExactly(this.site.url("/blog/"));
		SyncRun run = this.sync.sync(source, null);
		// the blog's folder is read from its start page; the docs' from theirs
		assertThat(run.report().items()).extracting(SyncRun.Item::path)
			.contains(url("/docs/"), url("/docs/install"), url("/blog/"), url("/blog/news"));

		assertThatExceptionOfType(RejectedInputException.class)
			.isThrownBy(() -> this.sync.create(SyncFixture.KB,
					new Sources.NewSource("web", null, null, null, null, null, null, this.site.url("/docs/"), null,
							null, 1, null, null, List.of("https://elsewhere.example/page"))))
			.withMessageContaining("is not on the site of url");
	}

	@Test
	void aCrawlCutAtItsPageLimitDeletesNothingItDidNotMeet() throws Exception {
		Source source = this.sync.create(SyncFixture.KB, new Sources.NewSource("web", null, null, null, true, null,
				null, this.site.url("/docs/"), null, null, null, 3, null));
		SyncRun first = this.sync.sync(source, null);
		assertThat(first.report().added()).isEqualTo(3);
		// the next crawl meets other pages first: the home page now links elsewhere
		this.site.page("/docs/", TestSite.docPage("Harbour guide", "Home again.", "loop-a", "loop-b", "configure"),
				"\"home-3\"");
		SyncRun second = this.sync.sync(source, null);
		assertThat(second.report().deleted()).isZero();
		assertThat(second.report().items()).filteredOn((i) -> i.outcome().equals("missing-kept"))
			.isNotEmpty()
			.allSatisfy((i) -> assertThat(i.reason()).contains("page limit of 3 pages"));
	}

	private void assertCrawlDelayKept(int from) {
		List<TestSite.Request> requests = this.site.log.subList(from, this.site.log.size())
			.stream()
			.sorted(java.util.Comparator.comparingLong(TestSite.Request::at))
			.toList();
		// robots.txt asks for 0.2 s between requests: the requests start at least 0.2 s
		// apart, so the first and the last are at least that many times 0.2 s apart. Each
		// request's arrival is measured at the server, where one may come late (a busy
		// machine): the span, not each gap, is what the crawl's spacing bounds from below
		// (a slower machine only makes it longer)
		long span = requests.get(requests.size() - 1).at() - requests.get(0).at();
		assertThat(span).as("%d requests over %d ms", requests.size(), span / 1_000_000)
			.isGreaterThanOrEqualTo((requests.size() - 1) * 200_000_000L - 100_000_000L);
	}

	private Source webSource(String url) {
		return this.sync.create(SyncFixture.KB,
				new Sources.NewSource("web", null, null, null, null, null, null, url, null, null, null, null, null));
	}

	private String url(String path) {
		return this.site.url(path);
	}

	private String reason(SyncRun run, String path) {
		return run.report()
			.items()
			.stream()
			.filter((i) -> i.path().equals(url(path)))
			.findFirst()
			.orElseThrow()
			.reason();
	}

}
