package dev.ragchat.sources.crawl;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import crawlercommons.mimetypes.MimeTypeDetector;

/**
 * The sitemaps one crawl reads: the start URL when it is a sitemap, and the sitemaps a
 * sitemap index lists, at most {@value #MAX_SITEMAPS}. A sitemap's pages join the crawl
 * at depth 0 (those refused or outside the scope reported, not read); an index is
 * followed only to sitemaps on the source's own site, one elsewhere is reported, never
 * fetched. A sitemap is no larger than the page size limit, counted in inflated bytes for
 * a gzipped one: it is inflated here, up to that limit and no further, before it is
 * parsed.
 */
final class Sitemaps {

	/** The most sitemaps one crawl reads (a sitemap index and those it lists). */
	static final int MAX_SITEMAPS = 50;

	private static final String NOT_READ = "a sitemap could not be read";

	private final Crawler.Site site;

	private final HostPolicy policy;

	private final WebScope scope;

	private final Fetcher fetcher;

	private final Politeness politeness;

	private final RobotsTxt robots;

	private final long maxPageSize;

	private final Path downloads;

	private final BooleanSupplier stopped;

	private final Consumer<String> incomplete;

	private final ArrayDeque<URI> queue = new ArrayDeque<>();

	private int read;

	/**
	 * @param site the crawl's site
	 * @param policy the hosts allowed
	 * @param scope the crawl's scope
	 * @param fetcher the HTTP client
	 * @param politeness the hosts' slots
	 * @param robots the sites' robots.txt
	 * @param maxPageSize the most bytes of a sitemap, inflated
	 * @param downloads where responses are written
	 * @param stopped whether the crawl was stopped
	 * @param incomplete told why the crawl cannot meet every page, when a sitemap cannot
	 * be read
	 */
	Sitemaps(Crawler.Site site, HostPolicy policy, WebScope scope, Fetcher fetcher, Politeness politeness,
			RobotsTxt robots, long maxPageSize, Path downloads, BooleanSupplier stopped, Consumer<String> incomplete) {
		this.site = site;
		this.policy = policy;
		this.scope = scope;
		this.fetcher = fetcher;
		this.politeness = politeness;
		this.robots = robots;
		this.maxPageSize = maxPageSize;
		this.downloads = downloads;
		this.stopped = stopped;
		this.incomplete = incomplete;
	}

	void add(URI sitemap) {
		this.queue.add(sitemap);
	}

	boolean isEmpty() {
		return this.queue.isEmpty();
	}

	/**
	 * Reads the next sitemap: its pages join the crawl, the sitemaps of an index the
	 * sitemaps to read.
	 * @param seen the URLs the crawl found so far (those it adds join them)
	 * @param pages where the pages to read go
	 * @return a page that reports why it could not be read, or {@code null}
	 * @throws InterruptedException if the crawl was stopped
	 */
	Page readNext(Set<String> seen, Consumer<Crawl.Target> pages) throws InterruptedException {
		URI url = this.queue.poll();
		if (++this.read > MAX_SITEMAPS) {
			this.incomplete.accept("the crawl read no more than " + MAX_SITEMAPS + " sitemaps");
			return Page.skipped(url, "more than " + MAX_SITEMAPS + " sitemaps; not read");
		}
		String refused = this.policy.refusal(url);
		if (refused != null) {
			this.incomplete.accept("a sitemap was refused");
			return Page.failed(url, "refused: " + refused);
		}
		RobotsTxt.Rules rules = this.robots.of(url);
		Fetcher.Response response;
		try (Politeness.Slot slot = this.politeness.take(Politeness.hostKey(url), rules.delay(), this.stopped)) {
			response = this.fetcher.get(url, this.site.headersFor(url), (type) -> true, this.maxPageSize, false,
					this.downloads, this.stopped);
		}
		catch (IOException ex) {
			this.incomplete.accept(NOT_READ);
			return Page.failed(url, "the sitemap " + Fetcher.reason(Fetcher.stoppedOr(ex)));
		}
		try {
			return read(url, response, seen, pages);
		}
		finally {
			if (response.body() != null) {
				try {
					Files.deleteIfExists(response.body());
				}
				catch (IOException ex) {
					// a file of the work folder
				}
			}
		}
	}

	/**
	 * Reads a sitemap's response.
	 * @return a page that reports why it could not be read, or {@code null}
	 */
	private Page read(URI url, Fetcher.Response response, Set<String> seen, Consumer<Crawl.Target> pages) {
		try {
			if (response.status() != 200 || response.body() == null) {
				this.incomplete.accept(NOT_READ);
				return Page.failed(url, "the sitemap answered HTTP " + response.status()
						+ (response.tooLarge() ? " with more than " + this.maxPageSize + " bytes" : ""));
			}
			boolean gzipped = gzipped(response.body());
			byte[] body = gzipped ? inflated(response.body()) : Files.readAllBytes(response.body());
			if (body == null) {
				this.incomplete.accept(NOT_READ);
				return Page.failed(url, "the sitemap inflates to more than the page size limit of " + this.maxPageSize
						+ " bytes (" + Crawl.MAX_PAGE_SIZE_SETTING + "); not read");
			}
			if (gzipped && isGzip(body)) {
				// the parser would inflate it again, without a limit
				this.incomplete.accept(NOT_READ);
				return Page.failed(url, "the sitemap is gzipped twice; not read");
			}
			follow(Links.ofSitemap(body, gzipped ? detected(body) : response.mediaType(), url), seen, pages);
			return null;
		}
		catch (IOException ex) {
			this.incomplete.accept(NOT_READ);
			return Page.failed(url, "the sitemap cannot be read: " + ex.getMessage());
		}
	}

	/**
	 * Adds what a sitemap lists: its sitemaps to those to read, its pages to the crawl.
	 */
	private void follow(Links.Sitemap sitemap, Set<String> seen, Consumer<Crawl.Target> pages) {
		for (URI child : sitemap.sitemaps()) {
			if (!seen.add(child.toString())) {
				continue;
			}
			if (!this.site.sameOrigin(child)) {
				// a web source reads one site: not another's sitemaps, nor its robots.txt
				this.incomplete.accept("a sitemap index lists a sitemap on another site, not read");
				pages.accept(new Crawl.Target(child, 0,
						"a sitemap on another site than the source's (scheme, host and port); not read"));
			}
			else {
				this.queue.add(child);
			}
		}
		for (URI page : sitemap.pages()) {
			if (!seen.add(page.toString())) {
				continue;
			}
			String policyRefusal = this.policy.refusal(page);
			if (policyRefusal != null) {
				pages.accept(new Crawl.Target(page, 0, "listed in the sitemap, refused: " + policyRefusal));
			}
			else if (!this.scope.contains(page)) {
				pages.accept(new Crawl.Target(page, 0, "listed in the sitemap, outside the source's scope"));
			}
			else {
				pages.accept(new Crawl.Target(page, 0, null));
			}
		}
	}

	private static boolean gzipped(Path body) throws IOException {
		try (InputStream in = Files.newInputStream(body)) {
			return isGzip(in.readNBytes(2));
		}
	}

	/**
	 * @param body a gzipped sitemap's file
	 * @return its bytes, inflated up to the page size limit (the inflating stops there),
	 * or {@code null} if it inflates to more
	 */
	private byte[] inflated(Path body) throws IOException {
		try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(body)))) {
			int max = (int) Math.min(this.maxPageSize, Integer.MAX_VALUE - 16);
			// readNBytes inflates no more than it returns: one byte past the limit tells
			// it is over
			byte[] inflated = in.readNBytes(max + 1);
			return (inflated.length > max) ? null : inflated;
		}
	}

	private static boolean isGzip(byte[] bytes) {
		return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
	}

	/**
	 * @param sitemap an inflated sitemap
	 * @return its media type by its first bytes (XML, or a text sitemap's URLs)
	 */
	private static String detected(byte[] sitemap) {
		String type = new MimeTypeDetector().detect(sitemap);
		return (type != null) ? type : "text/xml";
	}

}
