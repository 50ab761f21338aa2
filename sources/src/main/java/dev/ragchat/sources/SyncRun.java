package dev.ragchat.sources;

import java.time.Instant;
import java.util.List;

/**
 * One sync of a source: while it runs, its progress; when it ends, its report.
 *
 * @param id its id ({@code run_…})
 * @param sourceId the source
 * @param knowledgeBase the source's knowledge base
 * @param status running, or how it ended
 * @param trigger what started it: {@code manual} (the API), {@code schedule} (the
 * source's interval) or {@code restart} (a run cut off by a crash, started again)
 * @param deleteMissing whether this run deletes the documents whose file is gone
 * @param startedAt when it started
 * @param finishedAt when it ended, or {@code null}
 * @param progress how far it got
 * @param report what it did so far (all of it once it ended)
 * @param error why it failed as a whole, or {@code null}
 */
public record SyncRun(String id, String sourceId, String knowledgeBase, Status status, String trigger,
		boolean deleteMissing, Instant startedAt, Instant finishedAt, Progress progress, Report report, String error) {

	/** The longest error a run keeps. */
	static final int MAX_ERROR = 2000;

	/**
	 * @param status how it ended
	 * @param at when
	 * @param finalReport its report
	 * @param reason why it failed, or {@code null}
	 * @return this run, ended
	 */
	public SyncRun finished(Status status, Instant at, Report finalReport, String reason) {
		String error = (reason != null && reason.length() > MAX_ERROR) ? reason.substring(0, MAX_ERROR - 1) + "…"
				: reason;
		return new SyncRun(this.id, this.sourceId, this.knowledgeBase, status, this.trigger, this.deleteMissing,
				this.startedAt, at, this.progress, finalReport, error);
	}

	/**
	 * @param now its progress
	 * @return this run with that progress
	 */
	public SyncRun withProgress(Progress now) {
		return new SyncRun(this.id, this.sourceId, this.knowledgeBase, this.status, this.trigger, this.deleteMissing,
				this.startedAt, this.finishedAt, now, this.report, this.error);
	}

	/**
	 * Where a run is.
	 */
	public enum Status {

		/** Comparing, uploading, or waiting for its documents to be indexed. */
		RUNNING,

		/** Done; the report may still list files that failed. */
		SUCCEEDED,

		/** Stopped as a whole: the source could not be read, or the run was cut off. */
		FAILED

	}

	/**
	 * How far a run got.
	 *
	 * @param files files found in the source (0 until listed)
	 * @param filesDone files compared (and uploaded or replaced when they changed)
	 * @param documentsIndexing documents this run queued for ingestion
	 * @param documentsIndexed of them, READY or FAILED
	 */
	public record Progress(int files, int filesDone, int documentsIndexing, int documentsIndexed) {

		public static final Progress NONE = new Progress(0, 0, 0, 0);

	}

	/**
	 * What a run did: counts by outcome, and the files that were not unchanged (at most
	 * 1000; {@code itemsOmitted} counts the rest).
	 *
	 * @param added new files, uploaded and READY
	 * @param replaced changed files, replaced in place (the next version) and READY
	 * @param deleted documents whose file is gone, deleted ({@code deleteMissing})
	 * @param missingKept documents whose file is gone, kept (no {@code deleteMissing})
	 * @param unchanged files whose bytes are those of their document
	 * @param failed files that could not be uploaded, replaced or ingested
	 * @param skipped files not read at all (symbolic links leaving the folder, the same
	 * bytes as another document)
	 * @param items one entry per file not unchanged
	 * @param itemsOmitted entries left out beyond the limit
	 */
	public record Report(int added, int replaced, int deleted, int missingKept, int unchanged, int failed, int skipped,
			List<Item> items, int itemsOmitted) {

		public static final Report EMPTY = new Report(0, 0, 0, 0, 0, 0, 0, List.of(), 0);

		public Report {
			items = List.copyOf(items);
		}

		/**
		 * @return its counts in words, for logs
		 */
		public String summary() {
			return this.added + " added, " + this.replaced + " replaced, " + this.deleted + " deleted, "
					+ this.missingKept + " missing kept, " + this.unchanged + " unchanged, " + this.failed + " failed, "
					+ this.skipped + " skipped";
		}

	}

	/**
	 * What became of one file.
	 *
	 * @param path its path in the source ({@code /}-separated, relative to the folder or
	 * prefix)
	 * @param outcome {@code added}, {@code replaced}, {@code deleted},
	 * {@code missing-kept}, {@code failed} or {@code skipped}
	 * @param documentId its document, or {@code null}
	 * @param reason why it failed or was skipped, or {@code null}
	 */
	public record Item(String path, String outcome, String documentId, String reason) {

	}

}
