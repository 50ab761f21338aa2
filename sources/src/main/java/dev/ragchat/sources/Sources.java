package dev.ragchat.sources;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import dev.ragchat.errors.ConflictException;
import dev.ragchat.errors.ForbiddenException;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.KnowledgeBases;
import dev.ragchat.sources.crawl.Crawler;
import dev.ragchat.sources.files.ProtectedPaths;

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

	private static final int MAX_RUNS = 100;

	private final SourceStore store;

	private final KnowledgeBases knowledgeBases;

	private final SyncWorkers workers;

	private final SourceRequests requests;

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
		this.requests = new SourceRequests(roots, protectedPaths, clock, crawler, web, secrets);
	}

	/**
	 * Creates a source, its request checked ({@link SourceRequests}): a folder must be an
	 * absolute path under one of {@code ragchat.sync.folder-roots} (symbolic links
	 * resolved), and may not be, lie inside or contain one of the service's own folders
	 * or files; its real path is kept. A bucket must have a name S3 allows.
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
		Source source = this.requests.source(knowledgeBase, request);
		for (Source other : this.store.findByKnowledgeBase(knowledgeBase)) {
			if (other.location().equals(source.location())) {
				throw new ConflictException(
						"Source '" + other.id() + "' of '" + knowledgeBase + "' already reads " + source.location());
			}
		}
		for (Source other : this.store.findAll()) {
			if (!other.knowledgeBase().equals(knowledgeBase) && overlap(source, other)
					&& !mayUse.test(other.knowledgeBase()) && exists(other.knowledgeBase())) {
				throw new ForbiddenException(((source.type() == Source.Type.FOLDER) ? "Folder '" + request.path() + "'"
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
