package dev.ragchat.api.answer.text;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import dev.ragchat.retrieval.query.StopWords;

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

}
