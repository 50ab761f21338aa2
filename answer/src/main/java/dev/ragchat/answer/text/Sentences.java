package dev.ragchat.answer.text;

import java.util.ArrayList;
import java.util.List;

import dev.ragchat.retrieval.query.Periods;
import dev.ragchat.retrieval.text.SentenceBreaks;

/**
 * The sentences of retrieved text that are long enough to answer something, and how near
 * a query they are: shared by the extractive answer and the relevance check before a
 * language model is asked.
 */
public final class Sentences {

	private static final int MIN_WORDS = 4;

	private static final int STATEMENT_WORDS = 3;

	/** The full stop that ends a statement. */
	private static final java.util.regex.Pattern FULL_STOP = java.util.regex.Pattern.compile("\\p{L}\\.['\")\\]]*$");

	private static final int MAX_TITLE_WORDS = 15;

	/**
	 * Fewer words than this, without a closing stop, make a label, not a statement: an
	 * English clause that states something and names what it speaks of takes a subject, a
	 * verb and their objects, rarely fewer than eight words without its stop.
	 */
	private static final int MIN_STATEMENT_WORDS = 8;

	private static final java.util.regex.Pattern QUESTION_STOP = java.util.regex.Pattern.compile("\\?['\")\\]]*$");

	/**
	 * Words, spaces, commas and parentheses only: no figure, no stop, no sign of code.
	 */
	private static final java.util.regex.Pattern PLAIN_WORDS = java.util.regex.Pattern
		.compile("[\\p{L}][\\p{L}\\s,'’()&®™]*");

	private static final java.util.regex.Pattern LEAD_IN_STOP = java.util.regex.Pattern.compile(":['\")\\]]*$");

	private static final java.util.regex.Pattern DIGIT = java.util.regex.Pattern.compile("\\p{N}");

	private static final java.util.regex.Pattern SENTENCE_STOP = java.util.regex.Pattern.compile("[.?!;:]['\")\\]]*$");

	private Sentences() {
	}

	/**
	 * @param text a chunk's text
	 * @return its sentences; each line is split on its own, so a table (one row a line)
	 * is never one sentence, except that a line ending inside a sentence (after an
	 * abbreviation or an initial, {@link SentenceBreaks#goesOn}: a PDF's layout broke it)
	 * goes on into the next line when that is no table row
	 */
	public static List<String> of(String text) {
		List<String> sentences = new ArrayList<>();
		String[] lines = text.split("\n");
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < lines.length; i++) {
			line.append(lines[i]);
			if (i + 1 < lines.length && !lines[i + 1].isBlank() && !isRow(lines[i + 1])
					&& SentenceBreaks.goesOn(line.toString(), lines[i + 1])) {
				line.append(' ');
				continue;
			}
			if (!line.toString().isBlank()) {
				sentences.addAll(ofLine(line.toString()));
			}
			line.setLength(0);
		}
		return sentences;
	}

	/**
	 * @param line a line of text
	 * @return whether it is a table row: a label, then two or more figures
	 */
	public static boolean isRow(String line) {
		String stripped = line.strip();
		// ROW backtracks over every split of a line into label and figures (quadratic: a
		// long line of prose cost more than all else an answer does), so only a line
		// that ends in two figures is matched against it
		return ROW_END.matcher(stripped).find() && ROW.matcher(stripped).matches();
	}

	/**
	 * @param line a line of text
	 * @return whether it is a title or heading: a short line with no figure and no
	 * closing stop whose every word of four or more letters (outside parentheses) starts
	 * with a capital ("Consolidated Statements of Cash Flows (In millions)", "QUARTERLY
	 * RESULTS"). It names what follows and answers nothing, so the extract never quotes
	 * it (the typography of headings in English, not a list of words)
	 */
	public static boolean isTitle(String line) {
		String stripped = line.strip();
		if (stripped.isEmpty() || DIGIT.matcher(stripped).find() || SENTENCE_STOP.matcher(stripped).find()) {
			return false;
		}
		// a note in parentheses ("(In millions)") is no part of the title's words
		String[] words = stripped.replaceAll("\\([^)]*\\)", " ").strip().split("\\s+");
		if (words.length > MAX_TITLE_WORDS) {
			return false;
		}
		int capitalised = 0;
		for (String word : words) {
			String letters = word.replaceAll("[^\\p{L}]", "");
			if (letters.length() >= 4) {
				if (!Character.isUpperCase(letters.charAt(0))) {
					return false;
				}
				capitalised++;
			}
		}
		return capitalised >= 2;
	}

	/**
	 * @param sentence a sentence of a source
	 * @return whether it asks rather than states ("Do I need a lawyer?"): a page's own
	 * question is near a user's question in words and meaning, yet answers nothing; what
	 * follows it does
	 */
	public static boolean isQuestion(String sentence) {
		return QUESTION_STOP.matcher(sentence.strip()).find();
	}

	/**
	 * @param sentence a sentence of a source
	 * @return whether it announces what follows ("Take the following steps:"): it says
	 * nothing until the lines it introduces come with it
	 */
	public static boolean isLeadIn(String sentence) {
		return LEAD_IN_STOP.matcher(sentence.strip()).find();
	}

	/**
	 * @param line a line of text
	 * @return whether it is a label rather than a statement: a short line with no closing
	 * stop and no figure ("Step 2: Run the app locally", "Summary of SSML errors"), or a
	 * title ({@link #isTitle}). Like a heading it names what follows (or what it is
	 * listed with) and answers nothing alone; a line with figures is data a question may
	 * ask for (a row, an address, an amount)
	 */
	public static boolean isLabel(String line) {
		String stripped = line.strip();
		if (isTitle(stripped)) {
			return true;
		}
		return PLAIN_WORDS.matcher(stripped).matches() && stripped.split("\\s+").length < MIN_STATEMENT_WORDS;
	}

	/**
	 * @param line a line of text
	 * @return whether it is a table's header row: two or more years standing together
	 * ("Years Ended December 31, 2022 2021", "December 31, 2022 December 31, 2021") and
	 * little else, not a sentence that names two years ("The Salt Winter is a 1958 film …
	 * based on the 1934 novel …", "She was mayor from 1925 to 1931.")
	 */
	public static boolean isHeader(String line) {
		String stripped = line.strip();
		if (stripped.endsWith(".") || !HEADER.matcher(stripped).matches()) {
			return false;
		}
		List<java.util.regex.MatchResult> years = YEAR.matcher(stripped).results().toList();
		if (years.size() < 2) {
			return false;
		}
		for (int i = 1; i < years.size(); i++) {
			String between = stripped.substring(years.get(i - 1).end(), years.get(i).start()).strip();
			if (!between.isEmpty() && between.split("\\s+").length > HEADER_GAP_WORDS) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A row quoted with its column headers, from the document's own words: "Total
	 * revenues — 2022: $ 66,608; 2021: $ 62,286". When the header's years do not pair up
	 * with the row's figures, the row as it stands.
	 * @param header the table's header row
	 * @param row the row
	 * @return the quote
	 */
	public static String rowWithHeader(String header, String row) {
		List<String> years = YEAR.matcher(header).results().map(java.util.regex.MatchResult::group).toList();
		java.util.regex.Matcher figures = FIGURES.matcher(row.strip());
		if (!figures.matches()) {
			return row.strip();
		}
		List<String> values = FIGURE.matcher(figures.group(2))
			.results()
			.map(java.util.regex.MatchResult::group)
			.map(String::strip)
			.toList();
		if (values.size() != years.size()) {
			return row.strip();
		}
		StringBuilder quote = new StringBuilder(figures.group(1).strip()).append(" — ");
		for (int i = 0; i < values.size(); i++) {
			quote.append((i > 0) ? "; " : "").append(years.get(i)).append(": ").append(values.get(i));
		}
		return quote.toString();
	}

	/**
	 * A row of a table of cells ("Electric site | $42 | $45", as Markdown, HTML and
	 * Office tables are read) quoted with the heads of its columns when each is a year
	 * alone ("Site | 2025 | 2026"): "Electric site — 2025: $42; 2026: $45", so that the
	 * year of each figure is in the quote, as {@link #rowWithHeader} quotes a row of
	 * figures; heads that say the same of each year ("2025/26 entry | 2026/27 entry")
	 * tell the columns apart by their years as well. Heads that name no year say what
	 * each cell is ("Year | Population": "1880 — Population: 4,100"). The row as it
	 * stands when its cells do not pair up with the heads or the heads differ by more
	 * than their years ("2025, per hour | 2026, full day").
	 * @param heads the table's first row
	 * @param row a row of the same table
	 * @return the quote
	 */
	public static String cellsWithHeads(String heads, String row) {
		String[] named = heads.strip().split("\\s*\\|\\s*");
		String[] cells = row.strip().split("\\s*\\|\\s*");
		boolean years = named.length > 1
				&& java.util.Arrays.stream(named, 1, named.length)
					.allMatch((head) -> YEAR.matcher(head).results().count() == 1)
				&& java.util.Arrays.stream(named, 1, named.length)
					.map((head) -> YEAR.matcher(head).replaceAll("").strip().toLowerCase(java.util.Locale.ROOT))
					.distinct()
					.count() == 1;
		boolean yearless = java.util.Arrays.stream(named).noneMatch((head) -> YEAR.matcher(head).find());
		if (named.length != cells.length || named.length < 2 || !(years || yearless)) {
			// heads that say more than the year of each ("2025, per hour"): the row as it
			// stands, as a row of figures whose heads do not pair up
			return row.strip();
		}
		StringBuilder quote = new StringBuilder(cells[0]).append(" — ");
		for (int i = 1; i < cells.length; i++) {
			quote.append((i > 1) ? "; " : "").append(named[i]).append(": ").append(cells[i]);
		}
		return quote.toString();
	}

	/**
	 * @param row a table row
	 * @return its label, the words before its figures ("Total revenues")
	 */
	public static String rowLabel(String row) {
		java.util.regex.Matcher figures = FIGURES.matcher(row.strip());
		return figures.matches() ? figures.group(1).strip() : row.strip();
	}

	private static final String AMOUNT = "\\(?-?\\$?\\s?\\(?\\d[\\d,]*(?:\\.\\d+)?\\)?%?\\)?|[—–-]+";

	private static final java.util.regex.Pattern FIGURE = java.util.regex.Pattern
		.compile("(?:\\$\\s)?(?:" + AMOUNT + ")");

	private static final java.util.regex.Pattern FIGURES = java.util.regex.Pattern
		.compile("(.*\\p{L}.*?)\\s((?:\\$\\s)?(?:" + AMOUNT + ")(?:\\s(?:\\$\\s)?(?:" + AMOUNT + "))+)");

	private static final java.util.regex.Pattern ROW = FIGURES;

	/**
	 * How every row ends: two figures (what {@link #ROW} needs, checked in linear time).
	 */
	private static final java.util.regex.Pattern ROW_END = java.util.regex.Pattern
		.compile("\\s(?:\\$\\s)?(?:" + AMOUNT + ")\\s(?:\\$\\s)?(?:" + AMOUNT + ")$");

	private static final java.util.regex.Pattern YEAR = Periods.YEAR;

	/**
	 * The most words between two years of a header row: a date's ("December 31,").
	 */
	private static final int HEADER_GAP_WORDS = 4;

	private static final java.util.regex.Pattern HEADER = java.util.regex.Pattern
		.compile("(?:[\\p{L}\\s,.:()]|\\b\\d{1,2}\\b)*(?:(?:19|20)\\d{2}(?:[\\p{L}\\s,.:()]|\\b\\d{1,2}\\b)*){2,}");

	/**
	 * The sentences of a line long enough to say something: four words, or three that end
	 * with their full stop (an instruction, "Store below 25°C."; a table row's cells,
	 * "Saturday | closed", say nothing alone).
	 */
	private static List<String> ofLine(String text) {
		List<String> sentences = new ArrayList<>();
		for (String piece : SentenceBreaks.of(text)) {
			String sentence = piece.replaceAll("\\s+", " ").strip();
			int words = sentence.split(" ").length;
			if (words >= MIN_WORDS || words >= STATEMENT_WORDS && FULL_STOP.matcher(sentence).find()) {
				sentences.add(sentence);
			}
		}
		return sentences;
	}

	public static double similarity(float[] query, float[] sentence) {
		double sum = 0;
		for (int i = 0; i < query.length; i++) {
			sum += query[i] * sentence[i];
		}
		return sum;
	}

}
