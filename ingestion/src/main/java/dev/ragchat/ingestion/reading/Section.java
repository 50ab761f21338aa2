package dev.ragchat.ingestion.reading;

/**
 * One paragraph of a parsed document, with where it stands.
 *
 * @param page the page it is on (1 for formats without pages)
 * @param headingPath the headings above it, outermost first, joined with {@code " > "}
 * @param text its text
 */
record Section(int page, String headingPath, String text) {

}
