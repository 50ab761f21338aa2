package dev.ragchat.sources.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import dev.ragchat.ingestion.reading.MediaTypes;

/**
 * One crawl of a web source, a page at a time ({@link #next}): breadth first from the
 * start page, or from the pages of a sitemap ({@link Sitemaps}), following links within
 * the source's {@link WebScope} up to its depth, until its page limit. Before a page it
 * reads its site's robots.txt ({@link RobotsTxt}) and obeys it, its crawl delay too. A
 * page the knowledge base holds is asked for with the validators its last response had
 * ({@code If-None-Match}, {@code If-Modified-Since}): a 304 answer is a page not
 * modified, whose links are read from the stored copy. A redirect is followed (up to
 * {@value #MAX_REDIRECTS} hops) only within the scope and the hosts allowed, each hop
 * checked again; the page is known by its final URL. Only the media types ingestion reads
 * are downloaded (no images), and no page larger than the size limit. Each request has an
 * overall deadline ({@link Fetcher}); a crawl that is stopped stops between pages, while
 * it waits for a host, and during a request.
 */
public final class Crawl implements AutoCloseable {

	/** The most redirects followed for one page. */
	static final int MAX_REDIRECTS = 5;

	/** The setting that limits a page's size, as an environment variable. */
	public static final String MAX_PAGE_SIZE_SETTING = "RAGCHAT_SYNC_WEB_MAX_PAGE_SIZE";

	private final Crawler.Site site;

	private final Map<String, Crawler.Validators> known;

	private final Crawler.Stored stored;

	private final HostPolicy policy;

	private final Fetcher fetcher;

	private final Politeness politeness;

	private final long maxPageSize;

	private final Path downloads;

	private final WebScope scope;

	private final ArrayDeque<Target> frontier = new ArrayDeque<>();

	private final Set<String> seen = new HashSet<>();

	private final RobotsTxt robots;

	private final Sitemaps sitemaps;

	private final Map<String, Crawler.Validators> current = new LinkedHashMap<>();

	private int requested;

	private String incomplete;

	private Page last;

	private final BooleanSupplier stopped;

	Crawl(Crawler.Site site, Map<String, Crawler.Validators> known, Crawler.Stored stored, HostPolicy policy,
			Fetcher fetcher, Politeness politeness, long maxPageSize, Path downloads, BooleanSupplier stopped) {
		this.stopped = stopped;
		this.site = site;
		this.known = (known != null) ? known : Map.of();
		this.stored = stored;
		this.policy = policy;
		this.fetcher = fetcher;
		this.politeness = politeness;
		this.maxPageSize = maxPageSize;
		this.downloads = downloads;
		this.scope = new WebScope(site.url(), site.more(), site.include(), site.exclude());
		this.robots = new RobotsTxt(site, fetcher, politeness, downloads, stopped, this::incomplete);
		this.sitemaps = new Sitemaps(site, policy, this.scope, fetcher, politeness, this.robots, maxPageSize, downloads,
				stopped, this::incomplete);
		this.seen.add(site.url().toString());
		if (Links.isSitemap(site.url())) {
			this.sitemaps.add(site.url());
		}
		else {
			this.frontier.add(new Target(site.url(), 0, null));
		}
		// more start pages, each at depth 0
		for (URI start : site.more()) {
			if (this.seen.add(start.toString())) {
				this.frontier.add(new Target(start, 0, null));
			}
		}
	}

	/**
	 * Reads the next page.
	 * @return the page, or {@code null} when the crawl is done
	 * @throws InterruptedException if stopped, or interrupted while waiting for a host
	 */
	public Page next() throws InterruptedException {
		discardLast();
		while (true) {
			checkStopped();
			if (!this.sitemaps.isEmpty()) {
				Page problem = this.sitemaps.readNext(this.seen, this.frontier::add);
				if (problem != null) {
					return remember(problem);
				}
				continue;
			}
			Target target = this.frontier.poll();
			if (target == null) {
				return null;
			}
			if (target.skipped() != null) {
				return remember(Page.skipped(target.url(), target.skipped()));
			}
			if (this.requested >= this.site.maxPages()) {
				this.frontier.addFirst(target);
				this.incomplete = "the crawl stopped at its page limit of " + this.site.maxPages() + " pages ("
						+ (this.frontier.size()) + " more found, not read)";
				this.frontier.clear();
				return null;
			}
			Page page = page(target);
			if (page != null) {
				return remember(page);
			}
		}
	}

	/**
	 * @return how many URLs it found so far (read, skipped or still to read)
	 */
	public int found() {
		return this.seen.size();
	}

	/**
	 * @return why the crawl did not see every page of its scope (a page limit reached, a
	 * robots.txt or sitemap that could not be read), or {@code null} if it did: only then
	 * are the pages it did not meet gone
	 */
	public String incomplete() {
		return this.incomplete;
	}

	private void incomplete(String reason) {
		this.incomplete = reason;
	}

	/**
	 * Records that a page's document is current (added, replaced or unchanged), so that
	 * the next crawl may ask for it conditionally; a page not recorded is asked for in
	 * full next time.
	 * @param page a page this crawl read
	 */
	public void current(Page page) {
		if (page.validators() != null && page.validators().any()) {
			this.current.put(page.url().toString(), page.validators());
		}
	}

	/**
	 * @return the validators of the pages recorded current, by URL
	 */
	public Map<String, Crawler.Validators> validators() {
		return Map.copyOf(this.current);
	}

	/**
	 * Removes the last page's file, if the crawl still has it.
	 */
	@Override
	public void close() {
		discardLast();
	}

	private Page remember(Page page) {
		this.last = page;
		return page;
	}

	private void discardLast() {
		if (this.last != null && this.last.body() != null) {
			try {
				Files.deleteIfExists(this.last.body());
			}
			catch (IOException ex) {
				// a file of the work folder: the next start clears it
			}
		}
		this.last = null;
	}

	/**
	 * Reads a page, following its redirects.
	 * @return the page, or {@code null} if it is one already read under another URL
	 */
	private Page page(Target target) throws InterruptedException {
		URI url = target.url();
		for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
			String refused = this.policy.refusal(url);
			if (refused != null) {
				return (hop == 0) ? Page.failed(url, "refused: " + refused)
						: Page.failed(target.url(), "redirected to " + url + ", which is refused: " + refused);
			}
			if (!this.scope.contains(url)) {
				return Page.skipped(target.url(), "redirected to " + url + ", outside the source's scope");
			}
			if (hop > 0 && !this.seen.add(url.toString())) {
				// the page it redirects to is read under its own URL
				return null;
			}
			RobotsTxt.Rules rules = this.robots.of(url);
			if (!rules.rules().isAllowed(url.toString())) {
				return Page.skipped(url, rules.refusal());
			}
			if (hop == 0) {
				this.requested++;
			}
			Crawler.Validators validators = this.stored.has(url.toString()) ? this.known.get(url.toString()) : null;
			Fetcher.Response response;
			try (Politeness.Slot slot = this.politeness.take(Politeness.hostKey(url), rules.delay(), this.stopped)) {
				response = this.fetcher.get(url, headers(url, validators), Crawl::wanted, this.maxPageSize, false,
						this.downloads, this.stopped);
			}
			catch (HostPolicy.Refused ex) {
				return Page.failed(url, "refused: " + ex.getMessage());
			}
			catch (IOException ex) {
				return Page.failed(url, Fetcher.reason(Fetcher.stoppedOr(ex)));
			}
			int status = response.status();
			if (status < 300 || status >= 400 || status == 304) {
				return answered(url, target.depth(), response, validators);
			}
			URI next = (response.location() != null) ? resolve(url, response.location()) : null;
			if (next == null) {
				return Page.failed(url, "HTTP " + status + " without a usable Location");
			}
			url = next;
		}
		return Page.failed(target.url(), "more than " + MAX_REDIRECTS + " redirects");
	}

	/**
	 * @param url a URL
	 * @param validators the validators of its stored copy, or {@code null}
	 * @return the headers a request for it sends: the site's on its own origin, a
	 * conditional request's when the knowledge base holds it
	 */
	private Map<String, String> headers(URI url, Crawler.Validators validators) {
		Map<String, String> headers = new HashMap<>(this.site.headersFor(url));
		if (validators != null) {
			if (validators.etag() != null) {
				headers.put("If-None-Match", validators.etag());
			}
			if (validators.lastModified() != null) {
				headers.put("If-Modified-Since", validators.lastModified());
			}
		}
		return headers;
	}

	/**
	 * @param url the page's final URL
	 * @param depth how many links from the start it is
	 * @param response its response (no redirect)
	 * @param validators the validators of its stored copy, or {@code null}
	 * @return what became of the page; a fetched HTML page's links join the crawl
	 */
	private Page answered(URI url, int depth, Fetcher.Response response, Crawler.Validators validators) {
		int status = response.status();
		if (status == 304 && validators != null) {
			followStored(url, depth);
			return new Page(url, Page.Kind.NOT_MODIFIED, null, -1, null, validators, null);
		}
		if (status == 404 || status == 410) {
			return new Page(url, Page.Kind.GONE, null, -1, null, null, "HTTP " + status + " (gone)");
		}
		if (status < 200 || status >= 300) {
			return Page.failed(url, "HTTP " + status + ((status == 401 || status == 403)
					? " (refused: the source's secret, if it has one, was not accepted)" : ""));
		}
		if (response.tooLarge()) {
			return Page.skipped(url, "it is larger than the page size limit of " + this.maxPageSize + " bytes ("
					+ MAX_PAGE_SIZE_SETTING + ")");
		}
		if (response.body() == null) {
			return Page.skipped(url, "its type " + (response.mediaType().isEmpty() ? "(none)" : response.mediaType())
					+ " is not one ingestion reads");
		}
		if (isHtml(response.mediaType())) {
			try (InputStream in = Files.newInputStream(response.body())) {
				follow(Links.ofPage(in, url), depth);
			}
			catch (IOException ex) {
				// its links are lost, not the page
			}
		}
		return new Page(url, Page.Kind.FETCHED, response.body(), response.size(), response.mediaType(),
				new Crawler.Validators(response.etag(), response.lastModified()), null);
	}

	private void followStored(URI url, int depth) {
		try (InputStream in = this.stored.openHtml(url.toString())) {
			if (in != null) {
				follow(Links.ofPage(in, url), depth);
			}
		}
		catch (IOException ex) {
			// its links are lost for this crawl, not the page
		}
	}

	private void follow(List<URI> links, int depth) {
		if (depth >= this.site.maxDepth()) {
			return;
		}
		for (URI link : links) {
			if (this.scope.contains(link) && this.seen.add(link.toString())) {
				this.frontier.add(new Target(link, depth + 1, null));
			}
		}
	}

	private static URI resolve(URI base, String location) {
		try {
			return WebScope.normalize(base.resolve(location.strip()));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * @param mediaType a response's media type
	 * @return whether ingestion reads it (images, which only OCR reads, are not fetched)
	 */
	static boolean wanted(String mediaType) {
		return !mediaType.startsWith("image/") && MediaTypes.isAllowed(mediaType);
	}

	static boolean isHtml(String mediaType) {
		return mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml");
	}

	private void checkStopped() throws InterruptedException {
		if (this.stopped.getAsBoolean()) {
			throw new InterruptedException("the sync run was stopped");
		}
	}

	/**
	 * A URL to read.
	 *
	 * @param url the URL
	 * @param depth how many links from the start
	 * @param skipped why it is reported and not read, or {@code null}
	 */
	record Target(URI url, int depth, String skipped) {

	}

}
