package dev.ragchat.sources.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The links a page leads to (jsoup: {@code a[href]} and {@code area[href]}, resolved
 * against the page's URL or its {@code base}; {@code rel=nofollow} links and a page whose
 * robots meta tag says {@code nofollow} are not followed), and the URLs a sitemap lists
 * (crawler-commons' {@link SiteMapParser}, lenient about where the URLs are: the crawl's
 * scope decides).
 */
final class Links {

	/** The most links taken from one page. */
	static final int MAX_LINKS = 2000;

	/** Paths the crawl does not ask for: files no reader reads, and a site's assets. */
	private static final java.util.regex.Pattern ASSETS = java.util.regex.Pattern
		.compile("(?i).*\\.(css|js|mjs|json|png|jpe?g|gif|svg|webp|ico|bmp|woff2?|ttf|eot|otf|mp3|mp4|m4a|webm|avi|mov|"
				+ "zip|gz|tgz|tar|bz2|xz|7z|rar|jar|exe|dmg|iso|apk|bin|wasm)$");

	private Links() {
	}

	/**
	 * @param page the page's bytes
	 * @param url its URL
	 * @return the URLs it links to, normalized, in page order
	 * @throws IOException if it cannot be read
	 */
	static List<URI> ofPage(InputStream page, URI url) throws IOException {
		Document document = Jsoup.parse(page, null, url.toString());
		for (Element meta : document.select("meta[name=robots]")) {
			if (meta.attr("content").toLowerCase(Locale.ROOT).contains("nofollow")) {
				return List.of();
			}
		}
		Set<URI> links = new LinkedHashSet<>();
		for (Element link : document.select("a[href], area[href]")) {
			if (link.attr("rel").toLowerCase(Locale.ROOT).contains("nofollow")) {
				continue;
			}
			URI target = resolve(link.absUrl("href"));
			if (target != null && !ASSETS.matcher(target.getRawPath()).matches()) {
				links.add(target);
				if (links.size() >= MAX_LINKS) {
					break;
				}
			}
		}
		return new ArrayList<>(links);
	}

	/**
	 * @param body a sitemap (XML, text, RSS or Atom; gzip too)
	 * @param mediaType its media type
	 * @param url where it was read
	 * @return its page URLs and, for a sitemap index, its sitemaps
	 * @throws IOException if it is no sitemap
	 */
	static Sitemap ofSitemap(byte[] body, String mediaType, URI url) throws IOException {
		SiteMapParser parser = new SiteMapParser(false);
		AbstractSiteMap parsed;
		try {
			parsed = parser.parseSiteMap(mediaType.isEmpty() ? "text/xml" : mediaType, body, url.toURL());
		}
		catch (UnknownFormatException ex) {
			throw new IOException("it is no sitemap: " + ex.getMessage());
		}
		List<URI> pages = new ArrayList<>();
		List<URI> sitemaps = new ArrayList<>();
		if (parsed instanceof SiteMapIndex index) {
			for (AbstractSiteMap child : index.getSitemaps()) {
				URI target = resolve(child.getUrl().toString());
				if (target != null) {
					sitemaps.add(target);
				}
			}
		}
		else if (parsed instanceof SiteMap map) {
			for (SiteMapURL entry : map.getSiteMapUrls()) {
				URI target = resolve(entry.getUrl().toString());
				if (target != null) {
					pages.add(target);
				}
			}
		}
		return new Sitemap(pages, sitemaps);
	}

	/**
	 * @param url a URL
	 * @return whether it names a sitemap rather than a page (by its name: the contract's
	 * {@code sitemap.xml}, and other {@code .xml} files)
	 */
	static boolean isSitemap(URI url) {
		String path = url.getRawPath().toLowerCase(Locale.ROOT);
		return path.endsWith(".xml") || path.endsWith(".xml.gz");
	}

	private static URI resolve(String absolute) {
		if (absolute == null || absolute.isEmpty()) {
			return null;
		}
		try {
			return WebScope.normalize(new URI(absolute));
		}
		catch (URISyntaxException ex) {
			// jsoup resolves without encoding: a URL with spaces or other characters URI
			// refuses is encoded here
			try {
				URL parsed = new URL(absolute);
				return WebScope.normalize(new URI(parsed.getProtocol(), parsed.getUserInfo(), parsed.getHost(),
						parsed.getPort(), parsed.getPath(), parsed.getQuery(), null));
			}
			catch (IOException | URISyntaxException | IllegalArgumentException again) {
				return null;
			}
		}
	}

	/**
	 * What a sitemap lists.
	 *
	 * @param pages page URLs
	 * @param sitemaps more sitemaps (of a sitemap index)
	 */
	record Sitemap(List<URI> pages, List<URI> sitemaps) {

	}

}
