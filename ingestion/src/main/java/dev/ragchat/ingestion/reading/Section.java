package dev.ragchat.ingestion.reading;

/**
 * One paragraph (or one table row) of a parsed document, with where it stands.
 *
 * @param page the page it is on (1 for formats without pages)
 * @param headingPath the headings above it, outermost first, joined with {@code " > "}
 * @param text its text
 * @param tableHeader for a table row, the header row of its table ({@code ""} when the
 * table has none; the header row itself has its own text here); {@code null} for text
 * that is not part of a table
 */
public record Section(int page, String headingPath, String text, String tableHeader) {

	/**
	 * A paragraph of text.
	 */
	public Section(int page, String headingPath, String text) {
		this(page, headingPath, text, null);
	}

	boolean isTableRow() {
		return this.tableHeader != null;
	}

	boolean isTableHeader() {
		return this.tableHeader != null && this.tableHeader.equals(this.text);
	}

}
