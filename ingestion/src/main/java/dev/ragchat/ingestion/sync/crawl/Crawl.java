package dev.ragchat.ingestion.sync.crawl;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;

import crawlercommons.mimetypes.MimeTypeDetector;
import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import dev.ragchat.ingestion.reading.MediaTypes;

/**
 * One crawl of a web source, a page at a time ({@link #next}): breadth first from the
 * start page, or from the pages of a sitemap (and of the sitemaps a sitemap index lists),
 * following links within the source's {@link WebScope} up to its depth, until its page
 * limit. Before a page it reads its site's robots.txt (once per crawl, with
 * crawler-commons' {@link SimpleRobotRulesParser}, RFC 9309: a robots.txt that is not
 * there allows everything, one that cannot be read for a server error allows nothing) and
 * obeys it, its crawl delay too. A page the knowledge base holds is asked for with the
 * validators its last response had ({@code If-None-Match}, {@code If-Modified-Since}): a
 * 304 answer is a page not modified, whose links are read from the stored copy. A
 * redirect is followed (up to {@value #MAX_REDIRECTS} hops) only within the scope and the
 * hosts allowed, each hop checked again; the page is known by its final URL. Only the
 * media types ingestion reads are downloaded (no images), and no page larger than the
 * size limit, counted in inflated bytes for a compressed one: a gzipped sitemap is
 * inflated here, up to that limit and no further, before it is parsed. A sitemap index is
 * followed only to sitemaps on the source's own site; one elsewhere is reported, never
 * fetched. A robots.txt is read up to {@value #MAX_ROBOTS} bytes, the rest left out (RFC
 * 9309). Each request has an overall deadline ({@link Fetcher}); a crawl that is stopped
 * stops between pages, while it waits for a host, and during a request.
 */
public final class Crawl implements AutoCloseable {

	/** The most redirects followed for one page. */
	static final int MAX_REDIRECTS = 5;

	/** The most sitemaps one crawl reads (a sitemap index and those it lists). */
	static final int MAX_SITEMAPS = 50;

	/**
	 * The most bytes of a robots.txt read (RFC 9309 asks to parse at least 500 KiB): the
	 * rules of a longer one are read up to its last whole line within them.
	 */
	static final int MAX_ROBOTS = 500 * 1024;

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

	private final ArrayDeque<URI> sitemaps = new ArrayDeque<>();

	private final Set<String> seen = new HashSet<>();

	private final Map<String, Robots> robots = new HashMap<>();

	private final Map<String, Crawler.Validators> current = new LinkedHashMap<>();

	private final SimpleRobotRulesParser robotsParser = new SimpleRobotRulesParser(Politeness.MAX_DELAY.toMillis(), 5);

	private int sitemapsRead;

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
				Page problem = readSitemap(this.sitemaps.poll());
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
			Robots rules = robots(url);
			if (!rules.rules().isAllowed(url.toString())) {
				return Page.skipped(url, rules.refusal());
			}
			if (hop == 0) {
				this.requested++;
			}
			Map<String, String> headers = new HashMap<>(sameOrigin(url) ? this.site.headers() : Map.of());
			Crawler.Validators validators = this.stored.has(url.toString()) ? this.known.get(url.toString()) : null;
			if (validators != null) {
				if (validators.etag() != null) {
					headers.put("If-None-Match", validators.etag());
				}
				if (validators.lastModified() != null) {
					headers.put("If-Modified-Since", validators.lastModified());
				}
			}
			Fetcher.Response response;
			try (Politeness.Slot slot = this.politeness.take(hostKey(url), rules.delay(), this.stopped)) {
				response = this.fetcher.get(url, headers, Crawl::wanted, this.maxPageSize, false, this.downloads,
						this.stopped);
			}
			catch (HostPolicy.Refused ex) {
				return Page.failed(url, "refused: " + ex.getMessage());
			}
			catch (IOException ex) {
				return Page.failed(url, reason(stoppedOr(ex)));
			}
			int status = response.status();
			if (status == 304 && validators != null) {
				followStored(url, target.depth());
				return new Page(url, Kind.NOT_MODIFIED, null, -1, null, validators, null);
			}
			if (status >= 300 && status < 400 && status != 304) {
				URI next = (response.location() != null) ? resolve(url, response.location()) : null;
				if (next == null) {
					return Page.failed(url, "HTTP " + status + " without a usable Location");
				}
				url = next;
				continue;
			}
			if (status == 404 || status == 410) {
				return new Page(url, Kind.GONE, null, -1, null, null, "HTTP " + status + " (gone)");
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
				return Page.skipped(url,
						"its type " + (response.mediaType().isEmpty() ? "(none)" : response.mediaType())
								+ " is not one ingestion reads");
			}
			Crawler.Validators now = new Crawler.Validators(response.etag(), response.lastModified());
			if (isHtml(response.mediaType())) {
				try (InputStream in = Files.newInputStream(response.body())) {
					follow(Links.ofPage(in, url), target.depth());
				}
				catch (IOException ex) {
					// its links are lost, not the page
				}
			}
			return new Page(url, Kind.FETCHED, response.body(), response.size(), response.mediaType(), now, null);
		}
		return Page.failed(target.url(), "more than " + MAX_REDIRECTS + " redirects");
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

	/**
	 * Reads a sitemap (its pages join the crawl at depth 0; the sitemaps of an index join
	 * the sitemaps to read).
	 * @return a page that reports why it could not be read, or {@code null}
	 */
	private Page readSitemap(URI url) throws InterruptedException {
		if (++this.sitemapsRead > MAX_SITEMAPS) {
			this.incomplete = "the crawl read no more than " + MAX_SITEMAPS + " sitemaps";
			return Page.skipped(url, "more than " + MAX_SITEMAPS + " sitemaps; not read");
		}
		String refused = this.policy.refusal(url);
		if (refused != null) {
			this.incomplete = "a sitemap was refused";
			return Page.failed(url, "refused: " + refused);
		}
		Robots rules = robots(url);
		Fetcher.Response response;
		try (Politeness.Slot slot = this.politeness.take(hostKey(url), rules.delay(), this.stopped)) {
			response = this.fetcher.get(url, sameOrigin(url) ? this.site.headers() : Map.of(), (type) -> true,
					this.maxPageSize, false, this.downloads, this.stopped);
		}
		catch (IOException ex) {
			this.incomplete = "a sitemap could not be read";
			return Page.failed(url, "the sitemap " + reason(stoppedOr(ex)));
		}
		try {
			if (response.status() != 200 || response.body() == null) {
				this.incomplete = "a sitemap could not be read";
				return Page.failed(url, "the sitemap answered HTTP " + response.status()
						+ (response.tooLarge() ? " with more than " + this.maxPageSize + " bytes" : ""));
			}
			boolean gzipped = gzipped(response.body());
			byte[] body = gzipped ? inflated(response.body()) : Files.readAllBytes(response.body());
			if (body == null) {
				this.incomplete = "a sitemap could not be read";
				return Page.failed(url, "the sitemap inflates to more than the page size limit of " + this.maxPageSize
						+ " bytes (" + MAX_PAGE_SIZE_SETTING + "); not read");
			}
			if (gzipped && isGzip(body)) {
				// the parser would inflate it again, without a limit
				this.incomplete = "a sitemap could not be read";
				return Page.failed(url, "the sitemap is gzipped twice; not read");
			}
			Links.Sitemap sitemap = Links.ofSitemap(body, gzipped ? detected(body) : response.mediaType(), url);
			for (URI child : sitemap.sitemaps()) {
				if (!this.seen.add(child.toString())) {
					continue;
				}
				if (!sameOrigin(child)) {
					// a web source reads one site: not another's sitemaps, nor its
					// robots.txt
					this.incomplete = "a sitemap index lists a sitemap on another site, not read";
					this.frontier.add(new Target(child, 0,
							"a sitemap on another site than the source's (scheme, host and port); not read"));
				}
				else {
					this.sitemaps.add(child);
				}
			}
			for (URI page : sitemap.pages()) {
				if (!this.seen.add(page.toString())) {
					continue;
				}
				String policyRefusal = this.policy.refusal(page);
				if (policyRefusal != null) {
					this.frontier.add(new Target(page, 0, "listed in the sitemap, refused: " + policyRefusal));
				}
				else if (!this.scope.contains(page)) {
					this.frontier.add(new Target(page, 0, "listed in the sitemap, outside the source's scope"));
				}
				else {
					this.frontier.add(new Target(page, 0, null));
				}
			}
			return null;
		}
		catch (IOException ex) {
			this.incomplete = "a sitemap could not be read";
			return Page.failed(url, "the sitemap cannot be read: " + ex.getMessage());
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
	 * @return the robots.txt rules of a URL's site, read once per crawl
	 */
	private Robots robots(URI url) throws InterruptedException {
		String origin = url.getScheme() + "://" + url.getRawAuthority();
		Robots known = this.robots.get(origin);
		if (known != null) {
			return known;
		}
		URI robotsUrl = URI.create(origin + "/robots.txt");
		BaseRobotRules rules;
		String refusal = "robots.txt disallows it";
		try (Politeness.Slot slot = this.politeness.take(hostKey(url), null, this.stopped)) {
			Fetcher.Response response = this.fetcher.get(robotsUrl, sameOrigin(url) ? this.site.headers() : Map.of(),
					(type) -> true, MAX_ROBOTS, true, this.downloads, this.stopped);
			try {
				if (response.status() == 200 && response.body() != null) {
					byte[] content = Files.readAllBytes(response.body());
					if (response.tooLarge()) {
						// RFC 9309: the first 500 KiB are parsed, to their last line end
						int end = content.length;
						while (end > 0 && content[end - 1] != '\n') {
							end--;
						}
						content = Arrays.copyOf(content, end);
					}
					rules = this.robotsParser.parseContent(robotsUrl.toString(), content,
							response.mediaType().isEmpty() ? "text/plain" : response.mediaType(), Fetcher.ROBOT_NAME);
				}
				else {
					rules = this.robotsParser.failedFetch(response.status());
					if (response.status() >= 500 || response.status() == 429) {
						refusal = "robots.txt could not be read (HTTP " + response.status()
								+ "): the site is not crawled until it can be";
					}
				}
			}
			finally {
				if (response.body() != null) {
					Files.deleteIfExists(response.body());
				}
			}
		}
		catch (IOException ex) {
			rules = this.robotsParser.failedFetch(503);
			refusal = "robots.txt could not be read (" + reason(stoppedOr(ex))
					+ "): the site is not crawled until it can be";
		}
		if (rules.isAllowNone()) {
			this.incomplete = "robots.txt of " + origin + " allows no page, or could not be read";
		}
		long delay = rules.getCrawlDelay();
		Robots read = new Robots(rules, (delay > 0) ? Duration.ofMillis(delay) : null, refusal);
		this.robots.put(origin, read);
		return read;
	}

	private boolean sameOrigin(URI url) {
		URI start = this.site.url();
		return url.getScheme().equalsIgnoreCase(start.getScheme()) && url.getHost().equalsIgnoreCase(start.getHost())
				&& url.getPort() == start.getPort();
	}

	private static String hostKey(URI url) {
		return url.getHost().toLowerCase(Locale.ROOT) + ":" + url.getPort();
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

	/**
	 * @param ex why a request failed
	 * @return it, unless the crawl was stopped
	 * @throws InterruptedException if the crawl was stopped
	 */
	private static IOException stoppedOr(IOException ex) throws InterruptedException {
		if (ex instanceof Fetcher.Stopped) {
			throw new InterruptedException(ex.getMessage());
		}
		return ex;
	}

	private void checkStopped() throws InterruptedException {
		if (this.stopped.getAsBoolean()) {
			throw new InterruptedException("the sync run was stopped");
		}
	}

	private static String reason(IOException ex) {
		if (ex instanceof Fetcher.DeadlinePassed) {
			return ex.getMessage();
		}
		if (ex instanceof UnknownHostException) {
			return "its host name is not known";
		}
		if (ex instanceof ConnectException) {
			return "the connection was refused";
		}
		if (ex instanceof SocketTimeoutException || ex instanceof java.io.InterruptedIOException) {
			return "it did not answer in time";
		}
		if (ex instanceof javax.net.ssl.SSLException) {
			return "its TLS certificate or handshake was refused";
		}
		return "it cannot be read (" + ex.getClass().getSimpleName().replaceAll("Exception$", "") + ")";
	}

	/**
	 * A URL to read.
	 *
	 * @param url the URL
	 * @param depth how many links from the start
	 * @param skipped why it is reported and not read, or {@code null}
	 */
	private record Target(URI url, int depth, String skipped) {

	}

	/**
	 * A site's robots.txt.
	 *
	 * @param rules its rules
	 * @param delay its crawl delay, or {@code null}
	 * @param refusal what a page it disallows is reported with
	 */
	private record Robots(BaseRobotRules rules, Duration delay, String refusal) {

	}

	/**
	 * What became of a page.
	 */
	public enum Kind {

		/** Read: its body is in a file. */
		FETCHED,

		/** Not modified since the validators of the stored copy (HTTP 304). */
		NOT_MODIFIED,

		/** Not there (HTTP 404 or 410). */
		GONE,

		/** Not read: its site's robots.txt, the scope, its type or its size. */
		SKIPPED,

		/** Could not be read: a server error, a refused host, a network failure. */
		FAILED

	}

	/**
	 * A page of a crawl.
	 *
	 * @param url its URL (the final one, after redirects)
	 * @param kind what became of it
	 * @param body its bytes (a fetched page; removed when the crawl moves on)
	 * @param size their count, or -1
	 * @param mediaType its media type (a fetched page), or {@code null}
	 * @param validators what the server said about its version, or {@code null}
	 * @param reason why it was skipped, failed or is gone, or {@code null}
	 */
	public record Page(URI url, Kind kind, Path body, long size, String mediaType, Crawler.Validators validators,
			String reason) {

		static Page skipped(URI url, String reason) {
			return new Page(url, Kind.SKIPPED, null, -1, null, null, reason);
		}

		static Page failed(URI url, String reason) {
			return new Page(url, Kind.FAILED, null, -1, null, null, reason);
		}

		/**
		 * @return a file name for its document: the last part of its path, with the
		 * extension of its type when it has none ({@code install.html};
		 * {@code index.html} for a folder's page)
		 */
		public String filename() {
			String path = this.url.getPath();
			String part = path.substring(path.lastIndexOf('/') + 1);
			part = part.replaceAll("[^\\p{L}\\p{N}._-]+", "-");
			if (part.isEmpty() || part.equals(".") || part.equals("..")) {
				part = "index";
			}
			String extension = switch ((this.mediaType != null) ? this.mediaType : "") {
				case "text/html" -> part.matches("(?i).*\\.html?") ? "" : ".html";
				case "application/xhtml+xml" -> part.matches("(?i).*\\.x?html?") ? "" : ".xhtml";
				case "application/pdf" -> part.matches("(?i).*\\.pdf") ? "" : ".pdf";
				case "text/plain" -> part.contains(".") ? "" : ".txt";
				case "text/markdown", "text/x-web-markdown" -> part.matches("(?i).*\\.(md|markdown)") ? "" : ".md";
				case "text/csv" -> part.matches("(?i).*\\.csv") ? "" : ".csv";
				default -> "";
			};
			String name = part + extension;
			return (name.length() > 200) ? name.substring(name.length() - 200) : name;
		}

	}

}
