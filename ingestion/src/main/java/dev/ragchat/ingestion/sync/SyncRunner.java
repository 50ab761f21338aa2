package dev.ragchat.ingestion.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RagChatException;
import dev.ragchat.ingestion.Document;
import dev.ragchat.ingestion.DocumentStatus;
import dev.ragchat.ingestion.Documents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync run, start to end, through the ingestion front ({@link Documents}), as if a
 * person uploaded the files: the documents that came from the source are found by their
 * metadata ({@code source}, {@code path}); a file without one is uploaded, a file whose
 * SHA-256 differs from its document's replaces it in place (the next version), a document
 * whose file is gone is deleted only when the run says {@code deleteMissing}, else kept
 * and reported. The run then waits until the documents it queued are READY or FAILED, so
 * that its report says what is searchable. A run that is stopped (the node stops, or its
 * claim was taken) writes nothing more and stays RUNNING until its lease runs out; then
 * it is restarted, and the restart finds what was already done as unchanged. It is
 * stopped by a flag it reads between files and while it waits, never by an interrupt: an
 * interrupt during file I/O closes the embedded catalog's file for every request. A file
 * larger than the upload limit is skipped before a byte of it is copied; a copy that
 * would go below the free-space floor ({@link SyncLimits}) stops the run there: it
 * deletes nothing, waits for what it queued, and ends FAILED with the reason.
 */
final class SyncRunner {

	private static final Logger logger = LoggerFactory.getLogger(SyncRunner.class);

	private static final ObjectMapper json = new ObjectMapper();

	private static final Duration POLL = Duration.ofMillis(200);

	private static final Duration MAX_POLL = Duration.ofSeconds(5);

	private static final Duration PROGRESS_EVERY = Duration.ofMillis(500);

	private final Documents documents;

	private final SourceStore store;

	private final Function<Source, SourceFiles> files;

	private final SyncLimits limits;

	private final Clock clock;

	SyncRunner(Documents documents, SourceStore store, Function<Source, SourceFiles> files, SyncLimits limits,
			Clock clock) {
		this.documents = documents;
		this.store = store;
		this.files = files;
		this.limits = limits;
		this.clock = clock;
	}

	/**
	 * Runs a sync to its end and records it.
	 * @param source the source
	 * @param run its run, started (RUNNING)
	 * @param stopped whether it is to stop (it is read between files and while waiting)
	 * @return the run, ended
	 * @throws InterruptedException if it was stopped or interrupted meanwhile (the run is
	 * left RUNNING)
	 */
	SyncRun run(Source source, SyncRun run, BooleanSupplier stopped) throws InterruptedException {
		Progress progress = new Progress(run);
		try {
			SourceFiles sourceFiles = this.files.apply(source);
			Map<String, Document> byPath = documentsOf(source);
			try (SourceFiles.Walk walk = sourceFiles.walk(stored(source, new TreeMap<>(byPath)), stopped)) {
				progress.files = walk.found();
				progress.save(true);
				Map<String, Queued> queued = new LinkedHashMap<>();
				String floorReached = null;
				for (SourceFiles.Entry entry = next(walk, stopped); entry != null; entry = next(walk, stopped)) {
					try {
						if (compare(source, sourceFiles, entry, byPath.remove(entry.path()), progress.report, queued)) {
							walk.current(entry);
						}
					}
					catch (SyncLimits.FloorReached ex) {
						floorReached = ex.getMessage();
						break;
					}
					progress.files = Math.max(walk.found(), progress.filesDone + 1);
					progress.filesDone++;
					progress.documentsIndexing = queued.size();
					progress.save(false);
				}
				if (floorReached != null) {
					// the files not compared are not missing: nothing is deleted
					progress.documentsIndexing = queued.size();
					progress.save(true);
					awaitIngestion(source, queued, progress, stopped);
					checkStopped(stopped);
					return end(progress, SyncRun.Status.FAILED, floorReached);
				}
				// a walk that did not meet every file (a crawl cut at its page limit)
				// deletes nothing: the files it did not meet may be there still
				String incomplete = walk.incomplete();
				for (Map.Entry<String, Document> missing : byPath.entrySet()) {
					String id = missing.getValue().id();
					if (run.deleteMissing() && incomplete == null) {
						try {
							this.documents.delete(source.knowledgeBase(), id);
						}
						catch (NotFoundException ex) {
							// deleted meanwhile: gone all the same
						}
						progress.report.deleted(missing.getKey(), id);
					}
					else {
						progress.report.missingKept(missing.getKey(), id,
								(incomplete != null) ? "not met: " + incomplete : null);
					}
				}
				progress.save(true);
				awaitIngestion(source, queued, progress, stopped);
				checkStopped(stopped);
				return end(progress, SyncRun.Status.SUCCEEDED, null);
			}
		}
		catch (InterruptedException ex) {
			throw ex;
		}
		catch (RagChatException | IOException | UncheckedIOException ex) {
			return end(progress, SyncRun.Status.FAILED, ex.getMessage());
		}
		catch (RuntimeException | StackOverflowError ex) {
			logger.error("Sync run {} of source {} failed", run.id(), source.id(), ex);
			// what failed is for the log; the run says so without the Java behind it
			return end(progress, SyncRun.Status.FAILED,
					"The sync stopped on an unexpected error; the service's log has the details (run " + run.id()
							+ ")");
		}
		catch (OutOfMemoryError ex) {
			// ended here rather than left to be cut off and restarted, to run out again
			logger.error("Sync run {} of source {} ran out of memory", run.id(), source.id(), ex);
			return end(progress, SyncRun.Status.FAILED, "The sync ran out of memory on this node; the service's log"
					+ " has the details (run " + run.id() + ")");
		}
	}

	private boolean compare(Source source, SourceFiles sourceFiles, SourceFiles.Entry entry, Document document,
			Tally report, Map<String, Queued> queued) throws SyncLimits.FloorReached {
		String documentId = (document != null) ? document.id() : null;
		if (entry.skipped() != null) {
			report.skipped(entry.path(), documentId, entry.skipped());
			return false;
		}
		if (entry.failed() != null) {
			report.failed(entry.path(), documentId, entry.failed());
			return false;
		}
		if (entry.notModified() && document != null) {
			// its server says so: nothing was downloaded
			return unchanged(entry, document, report, queued);
		}
		String tooLarge = this.limits.tooLarge(entry.size());
		if (tooLarge != null) {
			report.skipped(entry.path(), documentId, tooLarge);
			return false;
		}
		if (sourceFiles.fetchCopies()) {
			this.limits.ensureRoom(entry.path(), entry.size());
		}
		try (SourceFiles.Local local = sourceFiles.fetch(entry)) {
			long size = Files.size(local.file());
			tooLarge = this.limits.tooLarge(size);
			if (tooLarge != null) {
				// it grew since it was listed
				report.skipped(entry.path(), documentId, tooLarge);
				return false;
			}
			String sha256 = sha256(local.file());
			Documents.Upload upload = new Documents.Upload(entry.filename(), local.file());
			if (document == null || !sha256.equals(document.sha256())) {
				// a copy into the originals' store follows
				this.limits.ensureRoom(entry.path(), size);
			}
			if (document == null) {
				Documents.Submitted submitted = this.documents
					.submit(source.knowledgeBase(), List.of(upload), metadata(source, entry.path()), null)
					.get(0);
				if (submitted.duplicateOf() != null) {
					report.skipped(entry.path(), submitted.duplicateOf(), "the same bytes as document "
							+ submitted.duplicateOf() + ", already in the knowledge base; not added twice");
					return false;
				}
				queued.put(submitted.document().id(), new Queued(entry.path(), "added"));
				return true;
			}
			if (sha256.equals(document.sha256())) {
				return unchanged(entry, document, report, queued);
			}
			Documents.Replaced replaced = this.documents.replace(source.knowledgeBase(), documentId, upload, null);
			if (replaced.replaced()) {
				queued.put(documentId, new Queued(entry.path(), "replaced"));
			}
			else {
				report.unchanged();
			}
			return true;
		}
		catch (RagChatException ex) {
			report.failed(entry.path(), documentId, ex.getMessage());
		}
		catch (SourceFiles.Skipped ex) {
			report.skipped(entry.path(), documentId, ex.getMessage());
		}
		catch (IOException | UncheckedIOException ex) {
			report.failed(entry.path(), documentId, "cannot be read: " + ex.getMessage());
		}
		return false;
	}

	/**
	 * A file whose document has its bytes.
	 * @return whether its document is current (not FAILED)
	 */
	private static boolean unchanged(SourceFiles.Entry entry, Document document, Tally report,
			Map<String, Queued> queued) {
		if (document.status() == DocumentStatus.FAILED) {
			report.failed(entry.path(), document.id(),
					"its ingestion failed: " + document.error() + " (change the file to try again)");
			return false;
		}
		if (!document.status().isFinal()) {
			// queued by a run that was cut off, or by hand: its report waits for it too
			queued.put(document.id(), new Queued(entry.path(), "unchanged"));
		}
		else {
			report.unchanged();
		}
		return true;
	}

	private static SourceFiles.Entry next(SourceFiles.Walk walk, BooleanSupplier stopped)
			throws IOException, InterruptedException {
		checkStopped(stopped);
		return walk.next();
	}

	/**
	 * @param source a source
	 * @param byPath its documents by path
	 * @return them, and their originals
	 */
	private SourceFiles.Stored stored(Source source, Map<String, Document> byPath) {
		return new SourceFiles.Stored() {

			@Override
			public Document find(String path) {
				return byPath.get(path);
			}

			@Override
			public InputStream open(Document document) throws IOException {
				return SyncRunner.this.documents.original(source.knowledgeBase(), document.id()).content().open();
			}

		};
	}

	private static void checkStopped(BooleanSupplier stopped) throws InterruptedException {
		if (stopped.getAsBoolean() || Thread.interrupted()) {
			throw new InterruptedException("the sync run was stopped");
		}
	}

	/**
	 * Waits until the documents the run queued are READY or FAILED (or gone), reporting
	 * each. A look is one catalog query for which of them are unfinished, ids only; a
	 * document that left them is read once, to report it. Looks are spaced by how many
	 * documents wait ({@link #pause}), so that waiting costs in step with the documents,
	 * not documents × looks.
	 */
	private void awaitIngestion(Source source, Map<String, Queued> queued, Progress progress, BooleanSupplier stopped)
			throws InterruptedException {
		Map<String, Queued> waiting = new LinkedHashMap<>(queued);
		while (!waiting.isEmpty()) {
			Set<String> unfinished = this.documents.unfinished(source.knowledgeBase(), waiting.keySet());
			waiting.entrySet()
				.removeIf((entry) -> !unfinished.contains(entry.getKey())
						&& finished(source, entry.getKey(), entry.getValue(), progress.report));
			progress.documentsIndexed = queued.size() - waiting.size();
			progress.save(false);
			if (!waiting.isEmpty()) {
				checkStopped(stopped);
				Thread.sleep(pause(waiting.size()).toMillis());
			}
		}
	}

	/**
	 * Reports a document that is no longer unfinished.
	 * @return whether it is done with (READY, FAILED or gone; not queued again meanwhile)
	 */
	private boolean finished(Source source, String id, Queued file, Tally report) {
		Document document;
		try {
			document = this.documents.get(source.knowledgeBase(), id);
		}
		catch (NotFoundException ex) {
			report.failed(file.path(), id, "its document was deleted during the sync");
			return true;
		}
		if (document.status() == DocumentStatus.READY) {
			switch (file.outcome()) {
				case "added" -> report.added(file.path(), id);
				case "replaced" -> report.replaced(file.path(), id);
				default -> report.unchanged();
			}
			return true;
		}
		if (document.status() == DocumentStatus.FAILED) {
			report.failed(file.path(), id, "ingestion failed: " + document.error());
			return true;
		}
		return false;
	}

	/**
	 * @param waiting how many documents a run waits for
	 * @return how long it waits before it looks again: {@code POLL}, longer as a look
	 * reads more ids (a millisecond each), at most {@code MAX_POLL}
	 */
	static Duration pause(int waiting) {
		return Duration.ofMillis(Math.clamp(waiting, POLL.toMillis(), MAX_POLL.toMillis()));
	}

	private SyncRun end(Progress progress, SyncRun.Status status, String error) {
		SyncRun ended = progress.current().finished(status, this.clock.instant(), progress.report.build(), error);
		this.store.finish(ended);
		return ended;
	}

	/**
	 * @param source a source
	 * @return the documents that came from it, by their path in it
	 */
	private Map<String, Document> documentsOf(Source source) {
		Map<String, Document> byPath = new TreeMap<>();
		for (Document document : this.documents.list(source.knowledgeBase())) {
			if (document.metadata() == null) {
				continue;
			}
			try {
				JsonNode metadata = json.readTree(document.metadata());
				if (source.id().equals(metadata.path("source").asText(null)) && metadata.path("path").isTextual()) {
					byPath.putIfAbsent(metadata.path("path").asText(), document);
				}
			}
			catch (JsonProcessingException ex) {
				// stored metadata was checked on upload
			}
		}
		return byPath;
	}

	/**
	 * @param source a source
	 * @param path a file's path in it
	 * @return the metadata of the file's document: where it came from, filterable
	 */
	static String metadata(Source source, String path) {
		return json.createObjectNode().put("source", source.id()).put("path", path).toString();
	}

	static String sha256(Path file) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * A file whose document this run waits for (it queued it, or found it still being
	 * ingested), and what it will count as once READY.
	 */
	private record Queued(String path, String outcome) {

	}

	/**
	 * A run's progress and report as it goes, written at most every
	 * {@code PROGRESS_EVERY}.
	 */
	private final class Progress {

		private final SyncRun run;

		private final Tally report = new Tally();

		private int files;

		private int filesDone;

		private int documentsIndexing;

		private int documentsIndexed;

		private Instant saved = Instant.EPOCH;

		Progress(SyncRun run) {
			this.run = run;
		}

		SyncRun current() {
			return new SyncRun(this.run.id(), this.run.sourceId(), this.run.knowledgeBase(), this.run.status(),
					this.run.trigger(), this.run.deleteMissing(), this.run.startedAt(), null,
					new SyncRun.Progress(this.files, this.filesDone, this.documentsIndexing, this.documentsIndexed),
					this.report.build(), null);
		}

		void save(boolean now) {
			Instant at = SyncRunner.this.clock.instant();
			if (now || Duration.between(this.saved, at).compareTo(PROGRESS_EVERY) >= 0) {
				SyncRunner.this.store.progress(current());
				this.saved = at;
			}
		}

	}

	/**
	 * A run's report as it is made: counts by outcome, and one item per file that was not
	 * unchanged, at most {@value #MAX_ITEMS} of them.
	 */
	static final class Tally {

		/** The most items a report lists. */
		static final int MAX_ITEMS = 1000;

		private int added;

		private int replaced;

		private int deleted;

		private int missingKept;

		private int unchanged;

		private int failed;

		private int skipped;

		private final List<SyncRun.Item> items = new ArrayList<>();

		private int omitted;

		synchronized void added(String path, String documentId) {
			this.added++;
			item(path, "added", documentId, null);
		}

		synchronized void replaced(String path, String documentId) {
			this.replaced++;
			item(path, "replaced", documentId, null);
		}

		synchronized void deleted(String path, String documentId) {
			this.deleted++;
			item(path, "deleted", documentId, null);
		}

		synchronized void missingKept(String path, String documentId, String reason) {
			this.missingKept++;
			item(path, "missing-kept", documentId, reason);
		}

		synchronized void unchanged() {
			this.unchanged++;
		}

		synchronized void failed(String path, String documentId, String reason) {
			this.failed++;
			item(path, "failed", documentId, reason);
		}

		synchronized void skipped(String path, String documentId, String reason) {
			this.skipped++;
			item(path, "skipped", documentId, reason);
		}

		private void item(String path, String outcome, String documentId, String reason) {
			if (this.items.size() < MAX_ITEMS) {
				this.items.add(new SyncRun.Item(path, outcome, documentId, reason));
			}
			else {
				this.omitted++;
			}
		}

		synchronized SyncRun.Report build() {
			return new SyncRun.Report(this.added, this.replaced, this.deleted, this.missingKept, this.unchanged,
					this.failed, this.skipped, this.items, this.omitted);
		}

	}

}
