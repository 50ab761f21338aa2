package dev.ragchat.sources;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.sources.Sources.NewAuth;
import dev.ragchat.sources.Sources.NewSource;
import dev.ragchat.sources.crawl.Crawler;
import dev.ragchat.sources.crawl.HostPolicy;
import dev.ragchat.sources.crawl.WebScope;
import dev.ragchat.sources.files.BucketFiles;
import dev.ragchat.sources.files.ProtectedPaths;

import org.springframework.scheduling.support.CronExpression;

/**
 * A new source's request, checked into the source it asks for (not stored yet): its type
 * and the fields of that type only; a folder as an absolute path under one of
 * {@code ragchat.sync.folder-roots} (symbolic links resolved) that is not, lies inside or
 * contains one of the service's own folders or files (its real path is kept); a bucket
 * name S3 allows and a prefix; a web site on an allowed host, its patterns, depth and
 * page limit within the ceilings, and its secret sealed; an interval or a cron schedule.
 * Whether the place is free is the front's to check ({@link Sources}).
 */
final class SourceRequests {

	/** The longest interval of a schedule: a week. */
	static final int MAX_INTERVAL_MINUTES = 7 * 24 * 60;

	private static final int MAX_PREFIX = 1024;

	private static final int MAX_URL = 2048;

	/** The most start pages a web source has beside its {@code url}. */
	static final int MAX_START_URLS = 20;

	private static final int MAX_SECRET = 4096;

	/** A header name (RFC 9110 token). */
	private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}");

	/** Headers a source's secret may not set: the request's own. */
	private static final List<String> RESERVED_HEADERS = List.of("host", "content-length", "transfer-encoding",
			"connection", "if-none-match", "if-modified-since", "accept", "user-agent", "te", "upgrade");

	private final FolderRoots roots;

	private final ProtectedPaths protectedPaths;

	private final Clock clock;

	private final Crawler crawler;

	private final SyncProperties.Web web;

	private final Secrets secrets;

	/**
	 * @param roots the folder roots
	 * @param protectedPaths the service's own files
	 * @param clock the clock
	 * @param crawler the crawler of web sources
	 * @param web the ceilings of web sources
	 * @param secrets what seals a web source's secret, or {@code null} (then no source
	 * may have one)
	 */
	SourceRequests(FolderRoots roots, ProtectedPaths protectedPaths, Clock clock, Crawler crawler,
			SyncProperties.Web web, Secrets secrets) {
		this.roots = roots;
		this.protectedPaths = protectedPaths;
		this.clock = clock;
		this.crawler = crawler;
		this.web = web;
		this.secrets = secrets;
	}

	/**
	 * @param knowledgeBase the knowledge base it fills
	 * @param request what to read
	 * @return the source it asks for, with a new id
	 * @throws RejectedInputException if the request is malformed, the folder outside
	 * every root or one of the service's own, or the bucket name one S3 forbids
	 * @throws dev.ragchat.errors.UnprocessableException if folder sources are off
	 */
	Source source(String knowledgeBase, NewSource request) {
		if (request.type() == null || request.type().isBlank()) {
			throw new RejectedInputException("type is required: folder, s3 or web");
		}
		Integer interval = request.intervalMinutes();
		if (interval != null && (interval < 1 || interval > MAX_INTERVAL_MINUTES)) {
			throw new RejectedInputException(
					"intervalMinutes must be between 1 and " + MAX_INTERVAL_MINUTES + " (or left out: no schedule)");
		}
		String schedule = schedule(request.schedule());
		if (schedule != null && interval != null) {
			throw new RejectedInputException(
					"Give a source either schedule (a cron expression) or intervalMinutes," + " not both");
		}
		Source.Type type = type(request);
		String id = "src_" + UUID.randomUUID().toString().replace("-", "");
		boolean deleteMissing = Boolean.TRUE.equals(request.deleteMissing());
		return switch (type) {
			case WEB -> new Source(id, knowledgeBase, type, null, null, null, deleteMissing, interval,
					this.clock.instant(), null, null, null, schedule, web(request));
			case FOLDER -> new Source(id, knowledgeBase, type, folder(request), null, null, deleteMissing, interval,
					this.clock.instant(), null, null, null, schedule, null);
			case S3 -> new Source(id, knowledgeBase, type, null, bucket(request), prefix(request), deleteMissing,
					interval, this.clock.instant(), null, null, null, schedule, null);
		};
	}

	/**
	 * @return the request's type, whose fields are the only ones it has
	 */
	private static Source.Type type(NewSource request) {
		Source.Type type = switch (request.type().toLowerCase(Locale.ROOT)) {
			case "folder" -> Source.Type.FOLDER;
			case "s3" -> Source.Type.S3;
			case "web" -> Source.Type.WEB;
			default -> throw new RejectedInputException("type '" + request.type() + "' is not one of folder, s3, web");
		};
		if (type != Source.Type.WEB && (request.url() != null || request.include() != null || request.exclude() != null
				|| request.maxDepth() != null || request.maxPages() != null || request.auth() != null
				|| request.urls() != null)) {
			throw new RejectedInputException(
					"url, include, exclude, maxDepth, maxPages and auth are for web sources (type web)");
		}
		if (type == Source.Type.WEB
				&& (request.path() != null || request.bucket() != null || request.prefix() != null)) {
			throw new RejectedInputException("path, bucket and prefix are for folder and s3 sources; a web source"
					+ " takes url (and include, exclude, maxDepth, maxPages, auth)");
		}
		if (type == Source.Type.FOLDER && (request.bucket() != null || request.prefix() != null)) {
			throw new RejectedInputException("bucket and prefix are for s3 sources; a folder source takes path");
		}
		if (type == Source.Type.S3 && request.path() != null) {
			throw new RejectedInputException("path is for folder sources; an s3 source takes bucket and prefix");
		}
		return type;
	}

	/**
	 * @return the folder's real path, under a root and none of the service's own
	 */
	private String folder(NewSource request) {
		Path folder = this.roots.check(request.path());
		this.protectedPaths.overlapping(folder).ifPresent((location) -> {
			throw new RejectedInputException("Folder '" + request.path() + "' is, lies inside or contains "
					+ location.what() + ": no source reads the service's own files");
		});
		return folder.toString();
	}

	private static String bucket(NewSource request) {
		BucketFiles.Names.check(request.bucket());
		return request.bucket();
	}

	private static String prefix(NewSource request) {
		String prefix = (request.prefix() != null) ? request.prefix() : "";
		if (prefix.length() > MAX_PREFIX || prefix.chars().anyMatch(Character::isISOControl)) {
			throw new RejectedInputException(
					"prefix may have at most " + MAX_PREFIX + " characters and no control characters");
		}
		return prefix;
	}

	/**
	 * @param request a web source's request
	 * @return what it reads, checked: a URL on an allowed host (and not a private address
	 * unless listed), patterns that parse, a depth and page limit within the ceilings,
	 * its secret sealed
	 */
	private Source.Web web(NewSource request) {
		if (this.crawler == null || this.crawler.policy().none()) {
			throw new RejectedInputException("Web sources are off on this service: no web host is allowed. The"
					+ " operator lists the hosts web sources may reach in " + HostPolicy.SETTING
					+ " (ragchat.sync.web.hosts)");
		}
		if (request.url() == null || request.url().isBlank()) {
			throw new RejectedInputException("A web source needs 'url': a start page or a sitemap.xml (http or https)");
		}
		if (request.url().length() > MAX_URL) {
			throw new RejectedInputException("url may have at most " + MAX_URL + " characters");
		}
		URI url = WebScope.parse(request.url());
		if (url == null) {
			throw new RejectedInputException("url '" + request.url() + "' is no http or https URL with a host");
		}
		this.crawler.policy().check(url);
		List<URI> more = new ArrayList<>();
		List<String> urls = (request.urls() != null) ? request.urls() : List.of();
		if (urls.size() > MAX_START_URLS) {
			throw new RejectedInputException("urls may name at most " + MAX_START_URLS + " more start pages");
		}
		for (String each : urls) {
			URI start = (each != null && each.length() <= MAX_URL) ? WebScope.parse(each) : null;
			if (start == null) {
				throw new RejectedInputException("urls: '" + each + "' is no http or https URL with a host");
			}
			if (!start.getScheme().equalsIgnoreCase(url.getScheme()) || !start.getHost().equalsIgnoreCase(url.getHost())
					|| WebScope.port(start) != WebScope.port(url)) {
				throw new RejectedInputException("urls: '" + each + "' is not on the site of url (" + url.getScheme()
						+ "://" + url.getAuthority()
						+ "): a web source reads one site; add another source for another");
			}
			this.crawler.policy().check(start);
			more.add(start);
		}
		// the patterns are checked as the crawl reads them
		new WebScope(url, more, request.include(), request.exclude());
		int maxDepth = (request.maxDepth() != null) ? request.maxDepth() : this.web.maxDepth();
		if (maxDepth < 0 || maxDepth > this.web.maxDepth()) {
			throw new RejectedInputException("maxDepth must be between 0 and " + this.web.maxDepth()
					+ " (the service's ceiling, RAGCHAT_SYNC_WEB_MAX_DEPTH)");
		}
		int maxPages = (request.maxPages() != null) ? request.maxPages() : this.web.maxPages();
		if (maxPages < 1 || maxPages > this.web.maxPages()) {
			throw new RejectedInputException("maxPages must be between 1 and " + this.web.maxPages()
					+ " (the service's ceiling, RAGCHAT_SYNC_WEB_MAX_PAGES)");
		}
		return new Source.Web(url.toString(), request.include(), request.exclude(), maxDepth, maxPages,
				auth(request.auth()), more.stream().map(URI::toString).toList());
	}

	private Source.Auth auth(NewAuth auth) {
		if (auth == null) {
			return null;
		}
		if (this.secrets == null) {
			throw new RejectedInputException("This service cannot store secrets: a web source may have no auth");
		}
		boolean header = auth.header() != null || auth.value() != null;
		boolean basic = auth.username() != null || auth.password() != null;
		if (header == basic) {
			throw new RejectedInputException(
					"auth is either {header, value} (a header sent to the site) or {username, password} (basic)");
		}
		if (header) {
			if (auth.header() == null || !HEADER_NAME.matcher(auth.header()).matches()
					|| RESERVED_HEADERS.contains(auth.header().toLowerCase(Locale.ROOT))) {
				throw new RejectedInputException("auth.header must be a header name (such as Authorization or"
						+ " X-Api-Key), not one the crawl sets itself");
			}
			checkSecret("auth.value", auth.value());
			return new Source.Auth("header", auth.header(), this.secrets.seal(auth.value()));
		}
		checkSecret("auth.username", auth.username());
		checkSecret("auth.password", auth.password());
		if (auth.username().contains(":")) {
			throw new RejectedInputException("auth.username may not hold a colon (basic authentication)");
		}
		return new Source.Auth("basic", null, this.secrets.seal(auth.username() + ":" + auth.password()));
	}

	private static void checkSecret(String name, String value) {
		if (value == null || value.isEmpty() || value.length() > MAX_SECRET
				|| value.chars().anyMatch(Character::isISOControl)) {
			throw new RejectedInputException(
					name + " is required: at most " + MAX_SECRET + " characters and no control characters");
		}
	}

	/**
	 * @param schedule a cron expression, or {@code null}
	 * @return it, checked, or {@code null}
	 */
	static String schedule(String schedule) {
		if (schedule == null || schedule.isBlank()) {
			return null;
		}
		String cron = schedule.strip();
		if (cron.length() > 120) {
			throw new RejectedInputException("schedule may have at most 120 characters");
		}
		try {
			CronExpression.parse(cron);
		}
		catch (IllegalArgumentException ex) {
			throw new RejectedInputException("schedule '" + cron + "' is no cron expression (six fields: second,"
					+ " minute, hour, day of month, month, day of week, e.g. '0 0 3 * * *' for 03:00 UTC daily, or a"
					+ " macro such as @daily): " + ex.getMessage());
		}
		return cron;
	}

}
