package dev.ragchat.answer.text;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import dev.ragchat.retrieval.query.StopWords;
import org.tartarus.snowball.ext.PorterStemmer;

/**
 * How much of a question's words a quote holds. A table row is judged by its label ("Net
 * income", "Total current liabilities"): the share of the label's words that the question
 * uses, so the row a question names outranks rows the embedding finds merely alike (a
 * question about net income is near every income statement row). Other text is judged by
 * the share of the question's words it holds. Words are compared lower case, without a
 * plural {@code s}, leaving out words that only instruct or join ("round", "based",
 * "the").
 */
public final class Overlap {

	private Overlap() {
	}

	/**
	 * @param asked the words of what was asked ({@link #words})
	 * @param quote a candidate quote
	 * @param rowLabel for a table row, its label; {@code null} for other text
	 * @return between 0 (no word shared) and 1
	 */
	public static double of(Set<String> asked, String quote, String rowLabel) {
		if (asked.isEmpty()) {
			return 0;
		}
		Set<String> quoted = words((rowLabel != null) ? rowLabel : quote);
		if (quoted.isEmpty()) {
			return 0;
		}
		long shared = quoted.stream().filter(asked::contains).count();
		return (double) shared / ((rowLabel != null) ? quoted.size() : asked.size());
	}

	/**
	 * How well a table row matches what was asked: the share of its label's words the
	 * question uses ({@link #of}) and the share of the question's figures it holds ("the
	 * region with 4,512 sites" names the row that holds 4,512). A year is not such a
	 * figure: it names a period, a column of the table ("FY2021"), which every row of
	 * that column holds, or a date in a label ("Balance at August 29, 2021"), not the row
	 * asked for. Nor is a small whole number: "a 3 year average", "2 decimal places"
	 * count things, and footnote marks (3) are such numbers; a value that names a row has
	 * three digits or more, or decimals.
	 * @param question what was asked
	 * @param asked its words ({@link #words})
	 * @param row the row as quoted
	 * @param rowLabel its label
	 * @return between 0 and 2
	 */
	public static double ofRow(String question, Set<String> asked, String row, String rowLabel) {
		Set<String> figures = figures(question);
		double held = figures.isEmpty() ? 0
				: (double) figures.stream().filter(figures(row)::contains).count() / figures.size();
		return of(asked, row, rowLabel) + held;
	}

	/** A figure as written: 4,512 or 3.5 or 120. */
	private static final java.util.regex.Pattern FIGURE = java.util.regex.Pattern.compile("\\d(?:[\\d,.]*\\d)?");

	/** A year: a period, not a figure that names a row. */
	private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("(19|20)\\d\\d");

	private static Set<String> figures(String text) {
		Set<String> figures = new HashSet<>();
		java.util.regex.Matcher figure = FIGURE.matcher(text);
		while (figure.find()) {
			String written = figure.group().replace(",", "");
			if (!YEAR.matcher(written).matches() && (written.length() >= 3 || written.contains("."))) {
				figures.add(written);
			}
		}
		return figures;
	}

	public static Set<String> words(String text) {
		Set<String> words = new HashSet<>();
		for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}&]+")) {
			if (word.isEmpty() || word.chars().allMatch(Character::isDigit)) {
				continue;
			}
			String stem = (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss"))
					? word.substring(0, word.length() - 1) : word;
			if (!StopWords.contains(word)) {
				words.add(stem);
			}
		}
		return words;
	}

	/** The words as the Porter stemmer writes them ("parking" and "park" are one). */
	public static Set<String> stems(Set<String> words) {
		Set<String> stems = new HashSet<>();
		PorterStemmer stemmer = new PorterStemmer();
		for (String word : words) {
			stemmer.setCurrent(word);
			stemmer.stem();
			stems.add(stemmer.getCurrent());
		}
		return stems;
	}

}
