package dev.ragchat.sources.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Crawls web sources: the service's one HTTP client for them ({@link Fetcher}), the hosts
 * they may reach ({@link HostPolicy}), and how hard each host is pressed
 * ({@link Politeness}), shared by every run. Each run is a {@link Crawl}, which reads one
 * page at a time when asked for the next.
 */
public final class Crawler implements AutoCloseable {

	private final HostPolicy policy;

	private final Fetcher fetcher;

	private final Politeness politeness;

	private final long maxPageSize;

	private final Path downloads;

	/** The longest a request takes by default, its body read. */
	public static final Duration DEFAULT_FETCH_TIMEOUT = Duration.ofSeconds(60);

	/**
	 * @param policy the hosts and addresses web sources may reach
	 * @param requestsPerHost the most requests in flight to one host
	 * @param maxPageSize the most bytes a page may have
	 * @param downloads where pages are downloaded to (the service's own work folder)
	 */
	public Crawler(HostPolicy policy, int requestsPerHost, long maxPageSize, Path downloads) {
		this(policy, requestsPerHost, maxPageSize, DEFAULT_FETCH_TIMEOUT, downloads);
	}

	/**
	 * @param policy the hosts and addresses web sources may reach
	 * @param requestsPerHost the most requests in flight to one host
	 * @param maxPageSize the most bytes a page may have (inflated, for a compressed one;
	 * a gzipped sitemap too)
	 * @param fetchTimeout the longest one request may take, its body read
	 * @param downloads where pages are downloaded to (the service's own work folder)
	 */
	public Crawler(HostPolicy policy, int requestsPerHost, long maxPageSize, Duration fetchTimeout, Path downloads) {
		this.policy = policy;
		this.fetcher = new Fetcher(policy, requestsPerHost, fetchTimeout);
		this.politeness = new Politeness(requestsPerHost);
		this.maxPageSize = maxPageSize;
		this.downloads = downloads;
	}

	/**
	 * @return the hosts and addresses web sources may reach
	 */
	public HostPolicy policy() {
		return this.policy;
	}

	/**
	 * Starts a crawl; it fetches nothing until asked for its first page.
	 * @param site what it reads
	 * @param known the validators of the pages a previous crawl read, by URL
	 * @param stored the pages already in the knowledge base
	 * @param stopped whether the crawl is to stop (looked at between pages, while waiting
	 * for a host and while a request runs)
	 * @return the crawl
	 */
	public Crawl start(Site site, Map<String, Validators> known, Stored stored, BooleanSupplier stopped) {
		return new Crawl(site, known, stored, this.policy, this.fetcher, this.politeness, this.maxPageSize,
				this.downloads, stopped);
	}

	@Override
	public void close() throws IOException {
		this.fetcher.close();
	}

	/**
	 * What a web source reads.
	 *
	 * @param url its start page or sitemap (normalized)
	 * @param include paths read beyond the start URL's prefix
	 * @param exclude paths left out
	 * @param maxDepth how many links away from the start (or a sitemap's pages) a page
	 * may be
	 * @param maxPages the most pages one crawl requests
	 * @param headers headers sent to the start URL's own origin only (the source's
	 * secret), never to another host, nor after a redirect to one
	 * @param more more start pages on the same site
	 */
	public record Site(URI url, List<String> include, List<String> exclude, int maxDepth, int maxPages,
			Map<String, String> headers, List<URI> more) {

		/**
		 * A site read from one start page or sitemap.
		 */
		public Site(URI url, List<String> include, List<String> exclude, int maxDepth, int maxPages,
				Map<String, String> headers) {
			this(url, include, exclude, maxDepth, maxPages, headers, List.of());
		}

		public Site {
			more = (more != null) ? List.copyOf(more) : List.of();
			include = (include != null) ? List.copyOf(include) : List.of();
			exclude = (exclude != null) ? List.copyOf(exclude) : List.of();
			headers = (headers != null) ? Map.copyOf(headers) : Map.of();
		}

		/**
		 * @param other a URL
		 * @return whether it is on the site's own origin (scheme, host and port)
		 */
		boolean sameOrigin(URI other) {
			return other.getScheme().equalsIgnoreCase(this.url.getScheme())
					&& other.getHost().equalsIgnoreCase(this.url.getHost()) && other.getPort() == this.url.getPort();
		}

		/**
		 * @param other a URL
		 * @return the headers a request to it sends: the site's (its secret) on its own
		 * origin only
		 */
		Map<String, String> headersFor(URI other) {
			return sameOrigin(other) ? this.headers : Map.of();
		}

		@Override
		public String toString() {
			// the headers are a secret
			return "Site[" + this.url + "]";
		}

	}

	/**
	 * What a server said about a page's version, for the next crawl's conditional
	 * request.
	 *
	 * @param etag its {@code ETag}, or {@code null}
	 * @param lastModified its {@code Last-Modified}, or {@code null}
	 */
	public record Validators(String etag, String lastModified) {

		boolean any() {
			return this.etag != null || this.lastModified != null;
		}

	}

	/**
	 * The pages a knowledge base already holds from the source.
	 */
	public interface Stored {

		/**
		 * @param url a page's URL
		 * @return whether the knowledge base holds it (only then is it asked for
		 * conditionally)
		 */
		boolean has(String url);

		/**
		 * @param url a page's URL
		 * @return its stored copy if it is a web page (to follow its links when it did
		 * not change), or {@code null}
		 * @throws IOException if it cannot be read
		 */
		InputStream openHtml(String url) throws IOException;

	}

}
