package dev.ragchat.ingestion.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits extracted text into paragraphs at blank lines and folds each paragraph's line
 * breaks (and hyphenation at line ends) into single spaces.
 */
public final class Paragraphs {

	private static final Pattern BLANK_LINE = Pattern.compile("\\n\\s*\\n");

	private static final Pattern HYPHENATED_BREAK = Pattern.compile("(\\p{L})-\\n(\\p{Ll})");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Pattern NO_BREAK_SPACE = Pattern.compile("[\u00A0\u2007\u202F]");

	private Paragraphs() {
	}

	/**
	 * @param text extracted text
	 * @return it with no-break and figure spaces as plain spaces (PDFs of filings lay out
	 * their columns with them)
	 */
	public static String spaces(String text) {
		return NO_BREAK_SPACE.matcher(text).replaceAll(" ");
	}

	public static List<String> split(String text) {
		List<String> paragraphs = new ArrayList<>();
		for (String block : BLANK_LINE.split(spaces(text).replace("\r\n", "\n").replace('\r', '\n'))) {
			String paragraph = WHITESPACE.matcher(HYPHENATED_BREAK.matcher(block).replaceAll("$1$2"))
				.replaceAll(" ")
				.strip();
			if (!paragraph.isEmpty()) {
				paragraphs.add(paragraph);
			}
		}
		return paragraphs;
	}

}
