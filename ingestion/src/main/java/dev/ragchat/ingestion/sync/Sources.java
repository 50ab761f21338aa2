package dev.ragchat.ingestion.sync;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import dev.ragchat.errors.ConflictException;
import dev.ragchat.errors.ForbiddenException;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.KnowledgeBases;

/**
 * The sync front: a knowledge base's sources (a server folder under an allow-listed root,
 * or an S3 bucket and prefix), and their runs. One run per source at a time; a second
 * request while one runs is refused. A folder source never reads the service's own files
 * ({@link ProtectedPaths}), and a place that a source of another knowledge base already
 * mirrors (the same folder, one inside it or around it; the same bucket with a prefix
 * inside or around its prefix) may be mirrored only by a caller who may use that
 * knowledge base: a key cannot pull another knowledge base's files into its own.
 */
public final class Sources {

	/** The longest interval of a schedule: a week. */
	static final int MAX_INTERVAL_MINUTES = 7 * 24 * 60;

	private static final int MAX_PREFIX = 1024;

	private static final int MAX_RUNS = 100;

	private final SourceStore store;

	private final KnowledgeBases knowledgeBases;

	private final SyncWorkers workers;

	private final FolderRoots roots;

	private final ProtectedPaths protectedPaths;

	private final Clock clock;

	Sources(SourceStore store, KnowledgeBases knowledgeBases, SyncWorkers workers, FolderRoots roots,
			ProtectedPaths protectedPaths, Clock clock) {
		this.store = store;
		this.knowledgeBases = knowledgeBases;
		this.workers = workers;
		this.roots = roots;
		this.protectedPaths = protectedPaths;
		this.clock = clock;
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
			throw new RejectedInputException("type is required: folder or s3");
		}
		Integer interval = request.intervalMinutes();
		if (interval != null && (interval < 1 || interval > MAX_INTERVAL_MINUTES)) {
			throw new RejectedInputException(
					"intervalMinutes must be between 1 and " + MAX_INTERVAL_MINUTES + " (or left out: no schedule)");
		}
		Source.Type type = switch (request.type().toLowerCase(Locale.ROOT)) {
			case "folder" -> Source.Type.FOLDER;
			case "s3" -> Source.Type.S3;
			default -> throw new RejectedInputException("type '" + request.type() + "' is not one of folder, s3");
		};
		String path = null;
		String bucket = null;
		String prefix = null;
		if (type == Source.Type.FOLDER) {
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
				null, null);
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
		if (a.type() != b.type()) {
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
	 * Deletes a source and its runs; the documents that came from it stay (their metadata
	 * still names it).
	 * @param knowledgeBase its knowledge base
	 * @param id the source
	 * @throws ConflictException while a sync of it runs
	 */
	public void delete(String knowledgeBase, String id) {
		Source source = get(knowledgeBase, id);
		if (source.activeRunId() != null) {
			throw new ConflictException("Sync " + source.activeRunId() + " of source '" + id
					+ "' is running; delete the source once it ends");
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
	 * @param type {@code folder} or {@code s3}
	 * @param path the folder (folder sources)
	 * @param bucket the bucket (S3 sources)
	 * @param prefix the key prefix (S3 sources; none: the whole bucket)
	 * @param deleteMissing whether a sync deletes the documents whose file is gone (none:
	 * {@code false})
	 * @param intervalMinutes how often it syncs by itself (none: only when asked)
	 */
	public record NewSource(String type, String path, String bucket, String prefix, Boolean deleteMissing,
			Integer intervalMinutes) {

	}

}
