package dev.ragchat.ingestion.reading.pdf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds on a page the lines a passage was written from when it is not there word for
 * word: the window of one to three consecutive lines holding most of the passage's words
 * and numbers, numbers counting double (in a table the label repeats, the figures tell
 * the rows apart). Words and numbers are compared without case, blanks, thousands
 * separators or currency signs ({@code $ 4,173,041} is {@code 4173041}). A window must
 * hold at least three fifths of the passage's terms, two at the least, and one of its
 * numbers when it has any; otherwise nothing is found (better no highlight than a wrong
 * one).
 */
final class Rows {

	private static final Pattern TERM = Pattern.compile("[\\p{L}\\p{N}]+(?:[.,'’][\\p{N}]+)*");

	private static final int MAX_LINES = 3;

	private Rows() {
	}

	/**
	 * @param text a page's text, lines separated by {@code \n}
	 * @param passage the passage
	 * @return the first and last character (inclusive) of the lines that best hold it
	 */
	static Optional<int[]> closest(CharSequence text, String passage) {
		Set<String> wanted = terms(passage);
		if (wanted.size() < 2) {
			return Optional.empty();
		}
		boolean numbers = wanted.stream().anyMatch(Rows::number);
		List<int[]> lines = new ArrayList<>();
		List<Set<String>> terms = new ArrayList<>();
		int start = 0;
		String all = text.toString();
		for (int i = 0; i <= all.length(); i++) {
			if (i == all.length() || all.charAt(i) == '\n') {
				if (!all.substring(start, i).isBlank()) {
					lines.add(new int[] { start, i - 1 });
					terms.add(terms(all.substring(start, i)));
				}
				start = i + 1;
			}
		}
		int need = Math.max(2, (int) Math.ceil(wanted.size() * 0.6));
		int[] best = null;
		int bestScore = 0;
		for (int first = 0; first < lines.size(); first++) {
			Set<String> seen = new HashSet<>();
			for (int last = first; last < Math.min(lines.size(), first + MAX_LINES); last++) {
				seen.addAll(terms.get(last));
				int found = 0;
				int score = 0;
				boolean number = false;
				for (String term : wanted) {
					if (seen.contains(term)) {
						found++;
						score += number(term) ? 2 : 1;
						number |= number(term);
					}
				}
				// a longer window wins only with a better score: the fewest lines that
				// hold it
				boolean enough = found >= need || (found >= 2 && found >= Math.ceil(seen.size() * 0.6));
				if (enough && (number || !numbers) && score > bestScore) {
					bestScore = score;
					best = new int[] { lines.get(first)[0], lines.get(last)[1] };
				}
			}
		}
		if (best == null) {
			return Optional.empty();
		}
		// trims the blanks at the ends of the window
		while (best[0] < best[1] && Character.isWhitespace(all.charAt(best[0]))) {
			best[0]++;
		}
		while (best[1] > best[0] && Character.isWhitespace(all.charAt(best[1]))) {
			best[1]--;
		}
		return Optional.of(best);
	}

	static Set<String> terms(String text) {
		Set<String> terms = new HashSet<>();
		Matcher m = TERM.matcher(text);
		while (m.find()) {
			String term = m.group().toLowerCase(Locale.ROOT);
			if (term.chars().allMatch((c) -> Character.isDigit(c) || c == ',' || c == '.' || c == '\'' || c == '’')) {
				// a number: without its separators (decimals kept as digits)
				term = term.replaceAll("[,.'’]", "");
			}
			terms.add(term);
		}
		return terms;
	}

	private static boolean number(String term) {
		return term.chars().anyMatch(Character::isDigit);
	}

}
