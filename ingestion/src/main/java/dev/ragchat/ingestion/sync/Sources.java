package dev.ragchat.ingestion.sync;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.ragchat.errors.ConflictException;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.KnowledgeBases;

/**
 * The sync front: a knowledge base's sources (a server folder under an allow-listed root,
 * or an S3 bucket and prefix), and their runs. One run per source at a time; a second
 * request while one runs is refused.
 */
public final class Sources {

	/** The longest interval of a schedule: a week. */
	static final int MAX_INTERVAL_MINUTES = 7 * 24 * 60;

	private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

	private static final int MAX_PREFIX = 1024;

	private static final int MAX_RUNS = 100;

	private final SourceStore store;

	private final KnowledgeBases knowledgeBases;

	private final SyncWorkers workers;

	private final FolderRoots roots;

	private final Clock clock;

	Sources(SourceStore store, KnowledgeBases knowledgeBases, SyncWorkers workers, FolderRoots roots, Clock clock) {
		this.store = store;
		this.knowledgeBases = knowledgeBases;
		this.workers = workers;
		this.roots = roots;
		this.clock = clock;
	}

	/**
	 * Creates a source. A folder must be an absolute path under one of
	 * {@code ragchat.sync.folder-roots} (symbolic links resolved); its real path is kept.
	 * @param knowledgeBase the knowledge base it fills
	 * @param request what to read
	 * @return the source
	 * @throws NotFoundException if the knowledge base does not exist
	 * @throws RejectedInputException if the request is malformed or the folder outside
	 * every root
	 * @throws dev.ragchat.errors.UnprocessableException if folder sources are off
	 * @throws ConflictException if another source of the knowledge base reads the same
	 * place
	 */
	public Source create(String knowledgeBase, NewSource request) {
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
			path = folder.toString();
		}
		else {
			if (request.path() != null) {
				throw new RejectedInputException("path is for folder sources; an s3 source takes bucket and prefix");
			}
			bucket = request.bucket();
			if (bucket == null || !BUCKET.matcher(bucket).matches()) {
				throw new RejectedInputException(
						"bucket must be an S3 bucket name (3 to 63 lower-case letters," + " digits, dots and hyphens)");
			}
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
		this.store.insert(source);
		return source;
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
