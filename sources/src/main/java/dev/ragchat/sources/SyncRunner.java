package dev.ragchat.sources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RagChatException;
import dev.ragchat.ingestion.Document;
import dev.ragchat.ingestion.DocumentStatus;
import dev.ragchat.ingestion.Documents;
import dev.ragchat.sources.files.SourceFiles;
import dev.ragchat.sources.files.SyncLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync run, start to end, through the ingestion front ({@link Documents}), as if a
 * person uploaded the files: each file of the source is compared with its document
 * ({@link SourceComparison}); a document whose file is gone is deleted only when the run
 * says {@code deleteMissing}, else kept and reported. The run then waits until the
 * documents it queued are READY or FAILED, so that its report says what is searchable. A
 * run that is stopped (its node stops, its source was deleted, or it was ended elsewhere)
 * writes nothing more. One stopped with its node stays RUNNING, and its JobRunr job is
 * run again ({@link SyncWorkers}): here when the service is back, or on another node once
 * JobRunr finds the job orphaned; the new try finds what was already done as unchanged.
 * It is stopped by a flag it reads between files and while it waits, never by an
 * interrupt: an interrupt during file I/O closes the embedded catalog's file for every
 * request. A copy that would go below the free-space floor ({@link SyncLimits}) stops the
 * run there: it deletes nothing, waits for what it queued, and ends FAILED with the
 * reason.
 */
final class SyncRunner {

	private static final Logger logger = LoggerFactory.getLogger(SyncRunner.class);

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
			SourceComparison comparison = new SourceComparison(this.documents, this.limits, source, sourceFiles,
					progress.report);
			try (SourceFiles.Walk walk = sourceFiles.walk(comparison.stored(), stopped)) {
				progress.files = walk.found();
				progress.save(true);
				String floorReached = compareAll(walk, comparison, progress, stopped);
				if (floorReached != null) {
					// the files not compared are not missing: nothing is deleted
					progress.documentsIndexing = comparison.queued().size();
					progress.save(true);
					awaitIngestion(source, comparison.queued(), progress, stopped);
					checkStopped(stopped);
					return end(progress, SyncRun.Status.FAILED, floorReached);
				}
				missing(source, run, comparison.missing(), walk.incomplete(), progress.report);
				progress.save(true);
				awaitIngestion(source, comparison.queued(), progress, stopped);
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

	/**
	 * Compares each file of a walk with its document.
	 * @return why the walk stopped at the free-space floor, or {@code null} if it went to
	 * its end
	 */
	private static String compareAll(SourceFiles.Walk walk, SourceComparison comparison, Progress progress,
			BooleanSupplier stopped) throws IOException, InterruptedException {
		for (SourceFiles.Entry entry = next(walk, stopped); entry != null; entry = next(walk, stopped)) {
			try {
				if (comparison.compare(entry)) {
					walk.current(entry);
				}
			}
			catch (SyncLimits.FloorReached ex) {
				return ex.getMessage();
			}
			progress.files = Math.max(walk.found(), progress.filesDone + 1);
			progress.filesDone++;
			progress.documentsIndexing = comparison.queued().size();
			progress.save(false);
		}
		return null;
	}

	/**
	 * Deletes the documents whose file is gone, if the run says so, or keeps and reports
	 * them. A walk that did not meet every file (a crawl cut at its page limit) deletes
	 * nothing: the files it did not meet may be there still.
	 * @param incomplete why the walk did not meet every file, or {@code null}
	 */
	private void missing(Source source, SyncRun run, Map<String, Document> missing, String incomplete, Tally report) {
		for (Map.Entry<String, Document> each : missing.entrySet()) {
			String id = each.getValue().id();
			if (run.deleteMissing() && incomplete == null) {
				try {
					this.documents.delete(source.knowledgeBase(), id);
				}
				catch (NotFoundException ex) {
					// deleted meanwhile: gone all the same
				}
				report.deleted(each.getKey(), id);
			}
			else {
				report.missingKept(each.getKey(), id, (incomplete != null) ? "not met: " + incomplete : null);
			}
		}
	}

	private static SourceFiles.Entry next(SourceFiles.Walk walk, BooleanSupplier stopped)
			throws IOException, InterruptedException {
		checkStopped(stopped);
		return walk.next();
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
	private void awaitIngestion(Source source, Map<String, SourceComparison.Queued> queued, Progress progress,
			BooleanSupplier stopped) throws InterruptedException {
		Map<String, SourceComparison.Queued> waiting = new LinkedHashMap<>(queued);
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
	private boolean finished(Source source, String id, SourceComparison.Queued file, Tally report) {
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
	private static Duration pause(int waiting) {
		return Duration.ofMillis(Math.clamp(waiting, POLL.toMillis(), MAX_POLL.toMillis()));
	}

	private SyncRun end(Progress progress, SyncRun.Status status, String error) {
		SyncRun ended = progress.current().finished(status, this.clock.instant(), progress.report.build(), error);
		this.store.finish(ended);
		return ended;
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

}
