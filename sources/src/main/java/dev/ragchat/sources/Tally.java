package dev.ragchat.sources;

import java.util.ArrayList;
import java.util.List;

/**
 * A run's report as it is made: counts by outcome, and one item per file that was not
 * unchanged, at most {@value #MAX_ITEMS} of them.
 */
final class Tally {

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
