package dev.ragchat.sources;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

import dev.ragchat.errors.RejectedInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * What one web source may cost the service, whatever its site sends: a gzip bomb is
 * inflated no further than the page size limit, a page sent a byte at a time is abandoned
 * at the fetch deadline, a robots.txt longer than 500 KiB is obeyed up to there, a
 * sitemap index leads to no other site, no include or exclude pattern can pin a crawl,
 * and a source can be deleted while it syncs. Each against a site generated on loopback.
 */
class WebSourceLimitsTests {

	/** The page size limit here: far below what the bombs below inflate to. */
	static final DataSize MAX_PAGE_SIZE = DataSize.ofMegabytes(4);

	@TempDir
	Path dir;

	TestSite site;

	@BeforeEach
	void start() throws Exception {
		this.site = new TestSite("127.0.0.1");
	}

	@AfterEach
	void stop() {
		this.site.close();
	}

	@Test
	void aGzippedSitemapIsInflatedNoFurtherThanThePageSizeLimit() throws Exception {
		// about 3 MB gzipped, within the page size limit as sent; 3 GiB of text inflated,
		// a
		// single line longer than any Java array: a parser that inflates it all runs out
		// of memory, whatever the heap
		this.site.stream("/docs/sitemap.xml.gz", "application/gzip", null,
				TestSite.gzipBomb(this.site.url("/docs/page-"), 3072));
		this.site.put("/docs/small.xml.gz", 200, "application/x-gzip", TestSite.gzip("""
				<?xml version="1.0" encoding="UTF-8"?>
				<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
				<url><loc>%s</loc></url>
				</urlset>
				""".formatted(this.site.url("/docs/one")).getBytes(StandardCharsets.UTF_8)), null);
		this.site.page("/docs/one", TestSite.docPage("One", "The one page the small sitemap lists."), "\"one\"");
		try (SyncFixture sync = new SyncFixture(this.dir, settings(Duration.ofSeconds(60)), null)) {
			SyncRun bomb = sync.sync(webSource(sync, this.site.url("/docs/sitemap.xml.gz")), null);

			assertThat(bomb.report().items()).extracting(SyncRun.Item::path, SyncRun.Item::outcome)
				.containsExactly(tuple(this.site.url("/docs/sitemap.xml.gz"), "failed"));
			assertThat(bomb.report().items().get(0).reason())
				.isEqualTo("the sitemap inflates to more than the page size limit of 4194304 bytes"
						+ " (RAGCHAT_SYNC_WEB_MAX_PAGE_SIZE); not read");
			assertThat(this.site.started).containsExactly("/docs/sitemap.xml.gz");

			// one within the limit is read
			SyncRun small = sync.sync(webSource(sync, this.site.url("/docs/small.xml.gz")), null);
			assertThat(small.report().items()).extracting(SyncRun.Item::path, SyncRun.Item::outcome)
				.contains(tuple(this.site.url("/docs/one"), "added"));
		}
	}

	@Test
	void aCompressedPageIsLimitedByItsInflatedSize() throws Exception {
		this.site.page("/docs/", TestSite.docPage("Home", "The home page.", "bomb", "small"), "\"home\"");
		this.site.stream("/docs/bomb", "text/html", "gzip", TestSite.gzipBomb("<html><body><p>", 3072));
		byte[] small = TestSite
			.gzip(TestSite.docPage("Small", "A small page sent gzipped.").getBytes(StandardCharsets.UTF_8));
		this.site.stream("/docs/small", "text/html", "gzip", (out) -> out.write(small));
		try (SyncFixture sync = new SyncFixture(this.dir, settings(Duration.ofSeconds(60)), null)) {
			SyncRun run = sync.sync(webSource(sync, this.site.url("/docs/")), null);

			// (each page's menu links /docs/install too, which is not there)
			assertThat(run.report().items()).extracting(SyncRun.Item::path, SyncRun.Item::outcome)
				.contains(tuple(this.site.url("/docs/"), "added"), tuple(this.site.url("/docs/small"), "added"),
						tuple(this.site.url("/docs/bomb"), "skipped"));
			assertThat(reason(run, "/docs/bomb")).contains("larger than the page size limit of 4194304 bytes");
		}
	}

	@Test
	void aPageSentAByteAtATimeIsAbandonedAtTheFetchDeadline() throws Exception {
		this.site.page("/docs/", TestSite.docPage("Home", "The home page.", "slow"), "\"home\"");
		this.site.stream("/docs/slow", "text/html", null, this.site.trickle());
		try (SyncFixture sync = new SyncFixture(this.dir, settings(Duration.ofSeconds(1)), null)) {
			SyncRun run = sync.sync(webSource(sync, this.site.url("/docs/")), null);

			assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
			assertThat(run.report().items()).extracting(SyncRun.Item::path, SyncRun.Item::outcome)
				.contains(tuple(this.site.url("/docs/"), "added"), tuple(this.site.url("/docs/slow"), "failed"));
			assertThat(reason(run, "/docs/slow"))
				.isEqualTo("it did not answer in full within 1 s (RAGCHAT_SYNC_WEB_FETCH_TIMEOUT)");
		}
	}

	@Test
	void aSourceIsDeletedWhileItSyncsAndItsRequestUnderWayIsCancelled() throws Exception {
		this.site.stream("/docs/", "text/html", null, this.site.trickle());
		// a deadline far away: only the deletion ends the request
		try (SyncFixture sync = new SyncFixture(this.dir, settings(Duration.ofHours(1)), null)) {
			Source source = webSource(sync, this.site.url("/docs/"));
			SyncRun run = sync.sources.sync(SyncFixture.KB, source.id(), null);
			await().atMost(Duration.ofSeconds(60)).until(() -> this.site.started.contains("/docs/"));

			sync.sources.delete(SyncFixture.KB, source.id());

			assertThat(sync.store.findById(source.id())).isEmpty();
			assertThat(sync.store.findRun(run.id())).isEmpty();
			await().atMost(Duration.ofSeconds(60)).until(() -> this.site.aborted.contains("/docs/"));
		}
	}

	@Test
	void aRobotsTxtLongerThan500KiBIsObeyedUpToThere() throws Exception {
		String rules = "User-agent: *\nDisallow: /docs/private/\n"
				+ String.join("", Collections.nCopies(12_000, "# a comment line, fifty bytes long, of padding.\n"));
		assertThat(rules.length()).isGreaterThan(512 * 1024);
		this.site.put("/robots.txt", 200, "text/plain", rules.getBytes(StandardCharsets.US_ASCII), null);
		this.site.page("/docs/", TestSite.docPage("Home", "The home page.", "private/keys", "install"), "\"home\"");
		this.site.page("/docs/install", TestSite.docPage("Install", "Install it."), "\"install\"");
		this.site.page("/docs/private/keys", TestSite.docPage("Keys", "Never to be read."), "\"keys\"");
		try (SyncFixture sync = new SyncFixture(this.dir, settings(Duration.ofSeconds(60)), null)) {
			SyncRun run = sync.sync(webSource(sync, this.site.url("/docs/")), null);

			assertThat(run.report().items()).extracting(SyncRun.Item::path, SyncRun.Item::outcome)
				.contains(tuple(this.site.url("/docs/"), "added"), tuple(this.site.url("/docs/install"), "added"),
						tuple(this.site.url("/docs/private/keys"), "skipped"));
			assertThat(reason(run, "/docs/private/keys")).isEqualTo("robots.txt disallows it");
			assertThat(this.site.requests("/docs/private/keys")).isEmpty();
		}
	}

	@Test
	void aSitemapIndexLeadsToNoOtherSite() throws Exception {
		try (TestSite other = new TestSite("127.0.0.1")) {
			this.site.put("/docs/sitemap.xml", 200, "application/xml", """
					<?xml version="1.0" encoding="UTF-8"?>
					<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
					<sitemap><loc>%s</loc></sitemap>
					<sitemap><loc>%s</loc></sitemap>
					</sitemapindex>
					""".formatted(this.site.url("/docs/pages.xml"), other.url("/docs/pages.xml"))
				.getBytes(StandardCharsets.UTF_8), null);
			String pages = """
					<?xml version="1.0" encoding="UTF-8"?>
					<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
					<url><loc>%s</loc></url>
					</urlset>
					""";
			this.site.put("/docs/pages.xml", 200, "application/xml",
					pages.formatted(this.site.url("/docs/one")).getBytes(StandardCharsets.UTF_8), null);
			this.site.page("/docs/one", TestSite.docPage("One", "The one page."), "\"one\"");
			other.put("/docs/pages.xml", 200, "application/xml",
					pages.formatted(other.url("/docs/two")).getBytes(StandardCharsets.UTF_8), null);
			try (SyncFixture sync = new SyncFixture(this.dir, settings(Duration.ofSeconds(60)), null)) {
				SyncRun run = sync.sync(webSource(sync, this.site.url("/docs/sitemap.xml")), null);

				assertThat(run.report().items()).extracting(SyncRun.Item::path, SyncRun.Item::outcome)
					.contains(tuple(this.site.url("/docs/one"), "added"),
							tuple(other.url("/docs/pages.xml"), "skipped"));
				assertThat(run.report().items()).filteredOn((i) -> i.path().equals(other.url("/docs/pages.xml")))
					.singleElement()
					.satisfies((i) -> assertThat(i.reason()).contains("a sitemap on another site"));
				// neither its robots.txt nor its sitemap was asked for
				assertThat(other.log).isEmpty();
			}
		}
	}

	@Test
	void noPatternCanPinACrawlAndOneWithTooManyWildcardsIsRefused() throws Exception {
		// as a regular expression (.*a.*a…b), this pattern backtracks through every way
		// of placing its a's in a long path of a's, without end
		String almost = "/" + "**a".repeat(18) + "**b";
		String longPath = "/docs/" + "a".repeat(400);
		this.site.page("/docs/", TestSite.docPage("Home", "The home page.", longPath), "\"home\"");
		this.site.page(longPath, TestSite.docPage("Long", "A page with a long path."), "\"long\"");
		try (SyncFixture sync = new SyncFixture(this.dir, settings(Duration.ofSeconds(60)), null)) {
			Source source = sync.create(SyncFixture.KB, new Sources.NewSource("web", null, null, null, null, null, null,
					this.site.url("/docs/"), null, List.of(almost), null, null, null));
			SyncRun run = sync.sync(source, null);

			assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
			assertThat(run.report().items()).extracting(SyncRun.Item::path, SyncRun.Item::outcome)
				.contains(tuple(this.site.url("/docs/"), "added"), tuple(this.site.url(longPath), "added"));

			String tooMany = "/" + "**a".repeat(40) + "**b";
			assertThatExceptionOfType(RejectedInputException.class)
				.isThrownBy(() -> sync.create(SyncFixture.KB,
						new Sources.NewSource("web", null, null, null, null, null, null, this.site.url("/blog/"), null,
								List.of(tooMany), null, null, null)))
				.withMessageContaining("exclude patterns may have at most 20 wildcards");
		}
	}

	private static SyncProperties.Web settings(Duration fetchTimeout) {
		return new SyncProperties.Web(List.of("127.0.0.1"), 3, 50, MAX_PAGE_SIZE, 2, fetchTimeout);
	}

	private static Source webSource(SyncFixture sync, String url) {
		return sync.create(SyncFixture.KB,
				new Sources.NewSource("web", null, null, null, null, null, null, url, null, null, null, null, null));
	}

	private String reason(SyncRun run, String path) {
		return run.report()
			.items()
			.stream()
			.filter((i) -> i.path().equals(this.site.url(path)))
			.findFirst()
			.orElseThrow()
			.reason();
	}

}
