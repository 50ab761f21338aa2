package dev.ragchat.ingestion.reading;

import java.util.List;
import java.util.regex.Pattern;

import dev.ragchat.retrieval.Chunk;

/**
 * A document's title: its own title when it is meaningful (a metadata title that is not a
 * file name, a tool's placeholder or a bare form name), else its first top-level heading,
 * else its file name made readable ({@code 3M_2018_10K.pdf} becomes "3M 2018 10K").
 */
public final class Titles {

	private static final Pattern FILE_NAME = Pattern.compile("(?i).*\\.(pdf|docx?|xlsx?|pptx?|html?|txt|md|rtf|odt)$");

	private static final Pattern PLACEHOLDER = Pattern
		.compile("(?i)(untitled.*|document\\d*|title|microsoft (word|excel|powerpoint) - .*|slide \\d+|page \\d+|"
				+ "form\\s*[0-9a-z-]*|\\d+|none|null)");

	private static final int MAX_LENGTH = 200;

	private Titles() {
	}

	/**
	 * @param title a metadata title, or {@code null}
	 * @return it, cleaned, when it is meaningful; else {@code ""}
	 */
	public static String meaningful(String title) {
		if (title == null) {
			return "";
		}
		String cleaned = title.replaceAll("\\s+", " ").strip();
		if (cleaned.length() < 3 || cleaned.chars().filter(Character::isLetter).count() < 2
				|| FILE_NAME.matcher(cleaned).matches() || PLACEHOLDER.matcher(cleaned).matches()) {
			return "";
		}
		return (cleaned.length() > MAX_LENGTH) ? cleaned.substring(0, MAX_LENGTH).strip() : cleaned;
	}

	/**
	 * @param parsed what the reader found
	 * @param filename the uploaded file name
	 * @return the document's title, never empty when the file name has a letter or digit
	 */
	public static String of(ParsedDocument parsed, String filename) {
		if (!parsed.title().isBlank()) {
			return parsed.title();
		}
		return readable(filename);
	}

	/**
	 * @param sections a document's sections
	 * @return the first top-level heading, or {@code ""}
	 */
	static String firstHeading(List<Section> sections) {
		for (Section section : sections) {
			if (!section.headingPath().isEmpty()) {
				return meaningful(section.headingPath().split(" > ", 2)[0]);
			}
		}
		return "";
	}

	/**
	 * @param filename a file name
	 * @return it without its extension, with underscores, dashes and dots as spaces
	 */
	static String readable(String filename) {
		return Chunk.stem(filename).replaceAll("[_\\-.+]+", " ").replaceAll("\\s+", " ").strip();
	}

}
