package dev.ragchat.ingestion.reading.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.ragchat.ingestion.reading.Paragraphs;
import dev.ragchat.ingestion.reading.Section;
import dev.ragchat.retrieval.query.Periods;

/**
 * Finds the tables in a PDF page's text lines. PDFBox lays a page's glyphs out in lines
 * by their positions; a line whose end is a run of two or more figures (amounts,
 * percentages, dashes for nil) is a table row: its words before the figures are the
 * label, the figures its columns. A line that names two or more years and nothing else of
 * substance ("2022 2021 2020", "December 31, 2019 December 31, 2018") is a header row;
 * the rows after it, up to the next header, belong to it. Hand-written because no library
 * at hand does this on PDFBox's text (Tabula would, at the cost of a second layout pass
 * and a new dependency).
 */
final class TableLines {

	private static final Pattern FIGURE = Pattern
		.compile("\\(?-?\\$?\\(?\\d[\\d,]*(\\.\\d+)?\\)?%?\\)?|[—–-]+|\\$|%|\\(\\d[\\d,]*(\\.\\d+)?\\)");

	private static final Pattern AMOUNT = Pattern.compile(".*\\d.*|[—–-]+");

	private static final Pattern YEAR = Pattern.compile("\\(?" + Periods.YEAR.pattern() + "\\)?[,.]?");

	private static final Pattern WORD = Pattern.compile(".*\\p{L}.*");

	private static final Pattern DAY = Pattern.compile("(0?[1-9]|[12]\\d|3[01]),?");

	/** Words a header row may hold besides its years and the words of periods. */
	private static final java.util.Set<String> HEADER_WORDS = java.util.Set.of("change", "%");

	private TableLines() {
	}

	/**
	 * @param page the page number
	 * @param headingPath the page's heading path
	 * @param text the page's text as PDFBox wrote it (lines, blank lines between
	 * paragraphs)
	 * @param sections where the page's paragraphs and table rows go, in order
	 */
	static void split(int page, String headingPath, String text, List<Section> sections) {
		split(page, headingPath, text, sections, null);
	}

	/**
	 * @param page the page number
	 * @param headingPath the heading path of this piece of the page
	 * @param text a piece of the page's text
	 * @param sections where its paragraphs and table rows go, in order
	 * @param header the header row in force at its start ({@code null}: none)
	 * @return the header row in force at its end
	 */
	static String split(int page, String headingPath, String text, List<Section> sections, String header) {
		StringBuilder paragraph = new StringBuilder();
		for (String line : Paragraphs.spaces(text).replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
			String stripped = line.strip();
			boolean isHeader = isHeader(stripped);
			boolean isRow = !isHeader && isRow(stripped);
			if (!isHeader && !isRow) {
				if (stripped.isEmpty()) {
					paragraph.append("\n\n");
				}
				else {
					paragraph.append(line).append('\n');
				}
				continue;
			}
			flush(page, headingPath, paragraph, sections);
			if (isHeader) {
				header = stripped.replaceAll("\\s+", " ");
				sections.add(new Section(page, headingPath, header, header));
			}
			else {
				sections.add(new Section(page, headingPath, stripped.replaceAll("\\s+", " "),
						(header != null) ? header : ""));
			}
		}
		flush(page, headingPath, paragraph, sections);
		return header;
	}

	private static void flush(int page, String headingPath, StringBuilder paragraph, List<Section> sections) {
		for (String text : Paragraphs.split(paragraph.toString())) {
			sections.add(new Section(page, headingPath, text));
		}
		paragraph.setLength(0);
	}

	/**
	 * @param line a line of text
	 * @return whether it is a table row: a label with a letter in it, then two or more
	 * figures
	 */
	static boolean isRow(String line) {
		String[] words = line.split("\\s+");
		int amounts = 0;
		int i = words.length - 1;
		for (; i >= 0 && FIGURE.matcher(words[i]).matches(); i--) {
			if (AMOUNT.matcher(words[i]).matches()) {
				amounts++;
			}
		}
		if (amounts < 2 || i < 0) {
			return false;
		}
		for (int j = 0; j <= i; j++) {
			if (WORD.matcher(words[j]).matches()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @param line a line of text
	 * @return whether it is a header row: two or more years, and beside them only dates'
	 * words (month names, days, "Year Ended", "As of") and at most one other word
	 */
	static boolean isHeader(String line) {
		String[] words = line.split("\\s+");
		int years = 0;
		int others = 0;
		for (String word : words) {
			String bare = word.toLowerCase(java.util.Locale.ROOT).replaceAll("[,.:()]", "");
			if (YEAR.matcher(word).matches()) {
				years++;
			}
			else if (DAY.matcher(word).matches() || Periods.isPeriodWord(bare) || HEADER_WORDS.contains(bare)
					|| bare.isEmpty()) {
				continue;
			}
			else if (FIGURE.matcher(word).matches()) {
				return false;
			}
			else {
				others++;
			}
		}
		return years >= 2 && others <= 1;
	}

	/**
	 * @param header a header row
	 * @return its years in order, as written
	 */
	static List<String> years(String header) {
		List<String> years = new ArrayList<>();
		for (String word : header.split("\\s+")) {
			if (YEAR.matcher(word).matches()) {
				years.add(word.replaceAll("[^0-9]", ""));
			}
		}
		return years;
	}

}
