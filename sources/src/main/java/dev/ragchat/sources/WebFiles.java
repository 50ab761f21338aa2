package dev.ragchat.sources;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.ingestion.Document;
import dev.ragchat.sources.crawl.Crawl;
import dev.ragchat.sources.crawl.Crawler;
import dev.ragchat.sources.crawl.Page;
import dev.ragchat.sources.files.SourceFiles;

/**
 * A web source's pages: a {@link Crawl} walked a page at a time, each page a file whose
 * path is its URL. A page not modified since its document was read (a 304 to a
 * conditional request) is reported unchanged without a download; a page gone (404, 410)
 * is not listed, so that its document is missing (kept unless {@code deleteMissing}); a
 * page gone that never had a document is reported skipped. The validators of the pages
 * whose documents are current are kept with the source for the next crawl.
 */
final class WebFiles implements SourceFiles {

	private static final ObjectMapper json = new ObjectMapper();

	private static final TypeReference<Map<String, Crawler.Validators>> STATE = new TypeReference<>() {
	};

	private final Crawler crawler;

	private final Crawler.Site site;

	private final SourceStore store;

	private final String sourceId;

	/**
	 * @param crawler the crawler
	 * @param site what the source reads
	 * @param store where the source's crawl state is kept
	 * @param sourceId the source
	 */
	WebFiles(Crawler crawler, Crawler.Site site, SourceStore store, String sourceId) {
		this.crawler = crawler;
		this.site = site;
		this.store = store;
		this.sourceId = sourceId;
	}

	@Override
	public List<Entry> list() {
		throw new UnsupportedOperationException("a web source is crawled, not listed");
	}

	@Override
	public boolean fetchCopies() {
		return true;
	}

	@Override
	public Walk walk(Stored stored, BooleanSupplier stopped) {
		Map<String, Crawler.Validators> known = read(this.store.crawlState(this.sourceId));
		Crawl crawl = this.crawler.start(this.site, known, crawled(stored), stopped);
		Map<String, Page> pages = new HashMap<>();
		return new Walk() {

			@Override
			public int found() {
				return crawl.found();
			}

			@Override
			public Entry next() throws InterruptedException {
				pages.clear();
				for (Page page = crawl.next(); page != null; page = crawl.next()) {
					String url = page.url().toString();
					Entry entry = switch (page.kind()) {
						case FETCHED ->
							new Entry(url, page.body().toString(), page.size(), null, null, false, page.filename());
						case NOT_MODIFIED -> new Entry(url, null, -1, null, null, true, null);
						case SKIPPED -> Entry.skipped(url, url, page.reason());
						case FAILED -> new Entry(url, url, -1, null, page.reason(), false, null);
						// its document, if it has one, is missing
						case GONE -> (stored.find(url) != null) ? null : Entry.skipped(url, url, page.reason());
					};
					if (entry != null) {
						pages.put(url, page);
						return entry;
					}
				}
				return null;
			}

			@Override
			public void current(Entry entry) {
				Page page = pages.get(entry.path());
				if (page != null) {
					crawl.current(page);
				}
			}

			@Override
			public String incomplete() {
				return crawl.incomplete();
			}

			@Override
			public void close() {
				crawl.close();
				WebFiles.this.store.saveCrawlState(WebFiles.this.sourceId, write(crawl.validators()));
			}

		};
	}

	/**
	 * @param stored the documents that came from the source
	 * @return them as a crawl asks for them: whether it holds a page, and a stored HTML
	 * page's bytes (to follow its links when the page is not modified)
	 */
	private static Crawler.Stored crawled(Stored stored) {
		return new Crawler.Stored() {

			@Override
			public boolean has(String url) {
				return stored.find(url) != null;
			}

			@Override
			public InputStream openHtml(String url) throws IOException {
				Document document = stored.find(url);
				if (document == null || !"text/html".equals(document.mediaType())
						&& !"application/xhtml+xml".equals(document.mediaType())) {
					return null;
				}
				return stored.open(document);
			}

		};
	}

	@Override
	public Local fetch(Entry entry) throws IOException {
		if (entry.location() == null) {
			throw new IOException("it was not downloaded");
		}
		return Local.download(Path.of(entry.location()));
	}

	/**
	 * @param source a web source
	 * @param secrets what opens its secret
	 * @return what its crawl reads: its settings within today's ceilings, its secret's
	 * headers
	 */
	static Crawler.Site site(Source source, SyncProperties.Web ceilings, Secrets secrets) {
		Source.Web web = source.web();
		return new Crawler.Site(URI.create(web.url()), web.include(), web.exclude(),
				Math.min(web.maxDepth(), ceilings.maxDepth()), Math.min(web.maxPages(), ceilings.maxPages()),
				headers(web.auth(), secrets), web.urls().stream().map(URI::create).toList());
	}

	/**
	 * @param auth a source's secret, or {@code null}
	 * @param secrets what opens it
	 * @return the headers it sends
	 */
	static Map<String, String> headers(Source.Auth auth, Secrets secrets) {
		if (auth == null) {
			return Map.of();
		}
		if (secrets == null) {
			throw new IllegalStateException("the source's secret cannot be opened: this service stores no secrets");
		}
		String secret = secrets.open(auth.sealed());
		return "basic".equals(auth.kind())
				? Map.of("Authorization",
						"Basic " + Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)))
				: Map.of(auth.name(), secret);
	}

	private static Map<String, Crawler.Validators> read(String state) {
		if (state == null || state.isBlank()) {
			return Map.of();
		}
		try {
			return json.readValue(state, STATE);
		}
		catch (JsonProcessingException ex) {
			// a state of another version: the next crawl asks for every page in full
			return Map.of();
		}
	}

	private static String write(Map<String, Crawler.Validators> validators) {
		try {
			return json.writeValueAsString(validators);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
