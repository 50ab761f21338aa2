package dev.ragchat.ingestion.reading;

/**
 * Told how many pages a reader has done, as it goes.
 */
@FunctionalInterface
public interface PageProgress {

	void pages(int done, int total);

}
