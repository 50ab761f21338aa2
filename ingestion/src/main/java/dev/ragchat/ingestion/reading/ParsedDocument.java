package dev.ragchat.ingestion.reading;

import java.util.List;

/**
 * What a reader got out of a document.
 *
 * @param sections its paragraphs in reading order
 * @param pages how many pages it has (1 for formats without pages)
 * @param warnings what could not be read (for example pages without text and no OCR)
 * @param title the document's own title (a meaningful metadata title, or its first
 * top-level heading), or {@code ""} when it has none
 */
public record ParsedDocument(List<Section> sections, int pages, List<String> warnings, String title) {

	public ParsedDocument {
		sections = List.copyOf(sections);
		warnings = List.copyOf(warnings);
		title = (title != null) ? title : "";
	}

	public ParsedDocument(List<Section> sections, int pages, List<String> warnings) {
		this(sections, pages, warnings, "");
	}

}
