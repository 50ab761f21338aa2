package dev.ragchat.ingestion.reading;

import java.util.List;

/**
 * What a reader got out of a document.
 *
 * @param sections its paragraphs in reading order
 * @param pages how many pages it has (1 for formats without pages)
 * @param warnings what could not be read (for example pages without text and no OCR)
 */
public record ParsedDocument(List<Section> sections, int pages, List<String> warnings) {

	public ParsedDocument {
		sections = List.copyOf(sections);
		warnings = List.copyOf(warnings);
	}

}
