package dev.ragchat.ingestion.reading;

/**
 * Told how many pages a reader has done, as it goes, and (by a reader that reads page by
 * page) how much text each page gave.
 */
@FunctionalInterface
public interface PageProgress {

	void pages(int done, int total);

	/**
	 * A page was read (before {@link #pages} counts it).
	 * @param page the page's number
	 * @param characters the characters of text it gave
	 * @param ocr whether OCR read it (it had no text layer)
	 */
	default void page(int page, int characters, boolean ocr) {
	}

}
