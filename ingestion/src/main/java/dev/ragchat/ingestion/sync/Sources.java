package dev.ragchat.ingestion.sync;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.ragchat.errors.ConflictException;
import dev.ragchat.errors.ForbiddenException;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.KnowledgeBases;
import dev.ragchat.ingestion.sync.crawl.Crawler;
import dev.ragchat.ingestion.sync.crawl.HostPolicy;
import dev.ragchat.ingestion.sync.crawl.Secrets;
import dev.ragchat.ingestion.sync.crawl.WebScope;

import org.springframework.scheduling.support.CronExpression;

/**
 * The sync front: a knowledge base's sources (a server folder under an allow-listed root,
 * an S3 bucket and prefix, or a web site on a host the operator allows), and their runs.
 * One run per source at a time; a second request while one runs is refused. A folder
 * source never reads the service's own files ({@link ProtectedPaths}), and a place that a
 * source of another knowledge base already mirrors (the same folder, one inside it or
 * around it; the same bucket with a prefix inside or around its prefix) may be mirrored
 * only by a caller who may use that knowledge base: a key cannot pull another knowledge
 * base's files into its own.
 */
public final class Sources {

	/** The longest interval of a schedule: a week. */
	static final int MAX_INTERVAL_MINUTES = 7 * 24 * 60;

	private static final int MAX_PREFIX = 1024;

	private static final int MAX_RUNS = 100;

	private static final int MAX_URL = 2048;

	/** The most start pages a web source has beside its {@code url}. */
	static final int MAX_START_URLS = 20;

	private static final int MAX_SECRET = 4096;

	/** A header name (RFC 9110 token). */
	private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}");

	/** Headers a source's secret may not set: the request's own. */
	private static final List<String> RESERVED_HEADERS = List.of("host", "content-length", "transfer-encoding",
			"connection", "if-none-match", "if-modified-since", "accept", "user-agent", "te", "upgrade");

	private final SourceStore store;

	private final KnowledgeBases knowledgeBases;

	private final SyncWorkers workers;

	private final FolderRoots roots;

	private final ProtectedPaths protectedPaths;

	private final Clock clock;

	private final Crawler crawler;

	private final SyncProperties.Web web;

	private final Secrets secrets;

	/**
	 * @param crawler the crawler of web sources
	 * @param web the ceilings of web sources
	 * @param secrets what seals a web source's secret, or {@code null} (then no source
	 * may have one)
	 */
	Sources(SourceStore store, KnowledgeBases knowledgeBases, SyncWorkers workers, FolderRoots roots,
			ProtectedPaths protectedPaths, Clock clock, Crawler crawler, SyncProperties.Web web, Secrets secrets) {
		this.store = store;
		this.knowledgeBases = knowledgeBases;
		this.workers = workers;
		this.roots = roots;
		this.protectedPaths = protectedPaths;
		this.clock = clock;
		this.crawler = crawler;
		this.web = web;
		this.secrets = secrets;
	}

	/**
	 * Creates a source. A folder must be an absolute path under one of
	 * {@code ragchat.sync.folder-roots} (symbolic links resolved), and may not be, lie
	 * inside or contain one of the service's own folders or files; its real path is kept.
	 * A bucket must have a name S3 allows.
	 * @param knowledgeBase the knowledge base it fills
	 * @param request what to read
	 * @param mayUse which knowledge bases the caller may use: a place that a source of
	 * another one already mirrors is refused unless the caller may use that one too
	 * @return the source
	 * @throws NotFoundException if the knowledge base does not exist
	 * @throws RejectedInputException if the request is malformed, the folder outside
	 * every root or one of the service's own, or the bucket name one S3 forbids
	 * @throws dev.ragchat.errors.UnprocessableException if folder sources are off
	 * @throws ConflictException if another source of the knowledge base reads the same
	 * place
	 * @throws ForbiddenException if a source of a knowledge base the caller may not use
	 * mirrors the place, or a place inside or around it
	 */
	public Source create(String knowledgeBase, NewSource request, Predicate<String> mayUse) {
		this.knowledgeBases.get(knowledgeBase);
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
		String path = null;
		String bucket = null;
		String prefix = null;
		Source.Web web = null;
		if (type == Source.Type.WEB) {
			if (request.path() != null || request.bucket() != null || request.prefix() != null) {
				throw new RejectedInputException("path, bucket and prefix are for folder and s3 sources; a web source"
						+ " takes url (and include, exclude, maxDepth, maxPages, auth)");
			}
			web = web(request);
		}
		else if (type == Source.Type.FOLDER) {
			if (request.bucket() != null || request.prefix() != null) {
				throw new RejectedInputException("bucket and prefix are for s3 sources; a folder source takes path");
			}
			Path folder = this.roots.check(request.path());
			this.protectedPaths.overlapping(folder).ifPresent((location) -> {
				throw new RejectedInputException("Folder '" + request.path() + "' is, lies inside or contains "
						+ location.what() + ": no source reads the service's own files");
			});
			path = folder.toString();
		}
		else {
			if (request.path() != null) {
				throw new RejectedInputException("path is for folder sources; an s3 source takes bucket and prefix");
			}
			bucket = request.bucket();
			BucketFiles.Names.check(bucket);
			prefix = (request.prefix() != null) ? request.prefix() : "";
			if (prefix.length() > MAX_PREFIX || prefix.chars().anyMatch(Character::isISOControl)) {
				throw new RejectedInputException(
						"prefix may have at most " + MAX_PREFIX + " characters and no control characters");
			}
		}
		Source source = new Source("src_" + UUID.randomUUID().toString().replace("-", ""), knowledgeBase, type, path,
				bucket, prefix, Boolean.TRUE.equals(request.deleteMissing()), interval, this.clock.instant(), null,
				null, null, schedule, web);
		for (Source other : this.store.findByKnowledgeBase(knowledgeBase)) {
			if (other.location().equals(source.location())) {
				throw new ConflictException(
						"Source '" + other.id() + "' of '" + knowledgeBase + "' already reads " + source.location());
			}
		}
		for (Source other : this.store.findAll()) {
			if (!other.knowledgeBase().equals(knowledgeBase) && overlap(source, other)
					&& !mayUse.test(other.knowledgeBase()) && exists(other.knowledgeBase())) {
				throw new ForbiddenException(((type == Source.Type.FOLDER) ? "Folder '" + request.path() + "'"
						: source.location()) + " is already mirrored, or a place inside or around it is, by a source of"
						+ " a knowledge base this key may not use; only a key that may use it (or the master key)"
						+ " may mirror it too");
			}
		}
		this.store.insert(source);
		return source;
	}

	/**
	 * @return whether two sources read some of the same files: folders one inside the
	 * other (by real path), or the same bucket with prefixes one inside the other
	 */
	private static boolean overlap(Source a, Source b) {
		if (a.type() != b.type() || a.type() == Source.Type.WEB) {
			// a web source reads what its site serves it, with its own secret if any
			return false;
		}
		if (a.type() == Source.Type.FOLDER) {
			Path one = Path.of(a.path());
			Path other = Path.of(b.path());
			return one.startsWith(other) || other.startsWith(one);
		}
		String one = (a.prefix() != null) ? a.prefix() : "";
		String other = (b.prefix() != null) ? b.prefix() : "";
		return a.bucket().equals(b.bucket()) && (one.startsWith(other) || other.startsWith(one));
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
		List<URI> more = new java.util.ArrayList<>();
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

	private boolean exists(String knowledgeBase) {
		try {
			this.knowledgeBases.get(knowledgeBase);
			return true;
		}
		catch (NotFoundException ex) {
			// deleted: its sources go at the next check
			return false;
		}
	}

	/**
	 * @param knowledgeBase a knowledge base
	 * @return its sources, oldest first
	 */
	public List<Source> list(String knowledgeBase) {
		this.knowledgeBases.get(knowledgeBase);
		return this.store.findByKnowledgeBase(knowledgeBase);
	}

	public Source get(String knowledgeBase, String id) {
		return this.store.findById(id)
			.filter((s) -> s.knowledgeBase().equals(knowledgeBase))
			.orElseThrow(() -> new NotFoundException("No source '" + id + "' in '" + knowledgeBase + "'"));
	}

	/**
	 * Deletes a source and its runs, at any time; the documents that came from it stay
	 * (their metadata still names it). A sync of it that runs is stopped: on this node at
	 * once (a request under way is cancelled), on another at its next heartbeat, which
	 * finds the claim gone; it writes nothing more.
	 * @param knowledgeBase its knowledge base
	 * @param id the source
	 */
	public void delete(String knowledgeBase, String id) {
		Source source = get(knowledgeBase, id);
		if (source.activeRunId() != null) {
			this.workers.cancel(source.activeRunId());
		}
		this.store.delete(id);
	}

	/**
	 * Starts a sync of a source.
	 * @param knowledgeBase its knowledge base
	 * @param id the source
	 * @param deleteMissing whether this run deletes the documents whose file is gone
	 * ({@code null}: the source's setting)
	 * @return the run, RUNNING
	 * @throws ConflictException if a sync of the source is running
	 */
	public SyncRun sync(String knowledgeBase, String id, Boolean deleteMissing) {
		Source source = get(knowledgeBase, id);
		boolean delete = (deleteMissing != null) ? deleteMissing : source.deleteMissing();
		return this.workers.begin(source, "manual", delete, null).orElseThrow(() -> {
			String running = this.store.findById(id).map(Source::activeRunId).orElse(null);
			return new ConflictException("A sync of source '" + id + "' is running"
					+ ((running != null) ? " (" + running + ")" : "") + "; one sync per source at a time");
		});
	}

	/**
	 * @param knowledgeBase its knowledge base
	 * @param id the source
	 * @param limit at most this many (1 to 100)
	 * @return its runs, newest first
	 */
	public List<SyncRun> runs(String knowledgeBase, String id, int limit) {
		get(knowledgeBase, id);
		if (limit < 1 || limit > MAX_RUNS) {
			throw new RejectedInputException("limit must be between 1 and " + MAX_RUNS);
		}
		return this.store.runs(id, limit);
	}

	public SyncRun run(String knowledgeBase, String id, String runId) {
		get(knowledgeBase, id);
		return this.store.findRun(runId)
			.filter((r) -> r.sourceId().equals(id))
			.orElseThrow(() -> new NotFoundException("No run '" + runId + "' of source '" + id + "'"));
	}

	/**
	 * @param source a source
	 * @return its latest run, if it had one
	 */
	public Optional<SyncRun> lastRun(Source source) {
		return Optional.ofNullable(source.lastRunId()).flatMap(this.store::findRun);
	}

	/**
	 * What a new source reads.
	 *
	 * @param type {@code folder}, {@code s3} or {@code web}
	 * @param path the folder (folder sources)
	 * @param bucket the bucket (S3 sources)
	 * @param prefix the key prefix (S3 sources; none: the whole bucket)
	 * @param deleteMissing whether a sync deletes the documents whose file is gone (none:
	 * {@code false})
	 * @param intervalMinutes how often it syncs by itself (none: only when asked)
	 * @param schedule when it syncs by itself, a cron expression in UTC (none: only when
	 * asked, or every {@code intervalMinutes})
	 * @param url the start page or sitemap (web sources)
	 * @param include paths read beyond the start URL's prefix (web sources)
	 * @param exclude paths left out (web sources)
	 * @param maxDepth how many links from the start (web sources; none: the ceiling)
	 * @param maxPages the most pages a sync reads (web sources; none: the ceiling)
	 * @param auth a secret sent to the site (web sources), or none
	 */
	public record NewSource(String type, String path, String bucket, String prefix, Boolean deleteMissing,
			Integer intervalMinutes, String schedule, String url, List<String> include, List<String> exclude,
			Integer maxDepth, Integer maxPages, NewAuth auth, List<String> urls) {

		/**
		 * A source of one start page (or none).
		 */
		public NewSource(String type, String path, String bucket, String prefix, Boolean deleteMissing,
				Integer intervalMinutes, String schedule, String url, List<String> include, List<String> exclude,
				Integer maxDepth, Integer maxPages, NewAuth auth) {
			this(type, path, bucket, prefix, deleteMissing, intervalMinutes, schedule, url, include, exclude, maxDepth,
					maxPages, auth, null);
		}

		/**
		 * A folder or S3 source.
		 */
		public NewSource(String type, String path, String bucket, String prefix, Boolean deleteMissing,
				Integer intervalMinutes) {
			this(type, path, bucket, prefix, deleteMissing, intervalMinutes, null, null, null, null, null, null, null);
		}

		@Override
		public String toString() {
			// auth is a secret
			return "NewSource[" + this.type + "]";
		}

	}

	/**
	 * A web source's secret: a header and its value, or a user name and password (HTTP
	 * basic authentication). Sent only to the source's own site (scheme, host and port).
	 *
	 * @param header the header's name
	 * @param value its value
	 * @param username the user name
	 * @param password the password
	 */
	public record NewAuth(String header, String value, String username, String password) {

		@Override
		public String toString() {
			return "NewAuth[…]";
		}

	}

}
