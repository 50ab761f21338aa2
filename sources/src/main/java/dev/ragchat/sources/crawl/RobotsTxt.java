package dev.ragchat.sources.crawl;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

/**
 * The robots.txt rules of the sites one crawl meets, each read once per crawl with
 * crawler-commons' {@link SimpleRobotRulesParser} (RFC 9309): a robots.txt that is not
 * there allows everything, one that cannot be read for a server error allows nothing. A
 * robots.txt is read up to {@value #MAX_ROBOTS} bytes, the rest left out (RFC 9309).
 */
final class RobotsTxt {

	/**
	 * The most bytes of a robots.txt read (RFC 9309 asks to parse at least 500 KiB): the
	 * rules of a longer one are read up to its last whole line within them.
	 */
	static final int MAX_ROBOTS = 500 * 1024;

	private final Crawler.Site site;

	private final Fetcher fetcher;

	private final Politeness politeness;

	private final Path downloads;

	private final BooleanSupplier stopped;

	private final Consumer<String> incomplete;

	private final Map<String, Rules> read = new HashMap<>();

	private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Politeness.MAX_DELAY.toMillis(), 5);

	/**
	 * @param site the crawl's site (its headers go to its own origin only)
	 * @param fetcher the HTTP client
	 * @param politeness the hosts' slots
	 * @param downloads where responses are written
	 * @param stopped whether the crawl was stopped
	 * @param incomplete told why the crawl cannot meet every page, when a robots.txt
	 * allows none
	 */
	RobotsTxt(Crawler.Site site, Fetcher fetcher, Politeness politeness, Path downloads, BooleanSupplier stopped,
			Consumer<String> incomplete) {
		this.site = site;
		this.fetcher = fetcher;
		this.politeness = politeness;
		this.downloads = downloads;
		this.stopped = stopped;
		this.incomplete = incomplete;
	}

	/**
	 * @param url a URL
	 * @return the robots.txt rules of its site, read once per crawl
	 * @throws InterruptedException if the crawl was stopped
	 */
	Rules of(URI url) throws InterruptedException {
		String origin = url.getScheme() + "://" + url.getRawAuthority();
		Rules known = this.read.get(origin);
		if (known != null) {
			return known;
		}
		URI robotsUrl = URI.create(origin + "/robots.txt");
		BaseRobotRules rules;
		String refusal = "robots.txt disallows it";
		try (Politeness.Slot slot = this.politeness.take(Politeness.hostKey(url), null, this.stopped)) {
			Fetcher.Response response = this.fetcher.get(robotsUrl, this.site.headersFor(url), (type) -> true,
					MAX_ROBOTS, true, this.downloads, this.stopped);
			try {
				if (response.status() == 200 && response.body() != null) {
					rules = this.parser.parseContent(robotsUrl.toString(), content(response),
							response.mediaType().isEmpty() ? "text/plain" : response.mediaType(), Fetcher.ROBOT_NAME);
				}
				else {
					rules = this.parser.failedFetch(response.status());
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
			rules = this.parser.failedFetch(503);
			refusal = "robots.txt could not be read (" + Fetcher.reason(Fetcher.stoppedOr(ex))
					+ "): the site is not crawled until it can be";
		}
		if (rules.isAllowNone()) {
			this.incomplete.accept("robots.txt of " + origin + " allows no page, or could not be read");
		}
		long delay = rules.getCrawlDelay();
		Rules read = new Rules(rules, (delay > 0) ? Duration.ofMillis(delay) : null, refusal);
		this.read.put(origin, read);
		return read;
	}

	/**
	 * @return a robots.txt's bytes; of one cut at the limit, those up to its last line
	 * end (RFC 9309: the first 500 KiB are parsed)
	 */
	private static byte[] content(Fetcher.Response response) throws IOException {
		byte[] content = Files.readAllBytes(response.body());
		if (!response.tooLarge()) {
			return content;
		}
		int end = content.length;
		while (end > 0 && content[end - 1] != '\n') {
			end--;
		}
		return Arrays.copyOf(content, end);
	}

	/**
	 * A site's robots.txt.
	 *
	 * @param rules its rules
	 * @param delay its crawl delay, or {@code null}
	 * @param refusal what a page it disallows is reported with
	 */
	record Rules(BaseRobotRules rules, Duration delay, String refusal) {

	}

}
