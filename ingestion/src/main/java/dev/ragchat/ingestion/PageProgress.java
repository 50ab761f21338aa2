package dev.ragchat.ingestion;

/**
 * Told how many pages a reader has done, as it goes.
 */
@FunctionalInterface
interface PageProgress {

	void pages(int done, int total);

}
