package dev.ragchat.answer.ground;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ragchat.retrieval.query.StopWords;

/**
 * Whether a short name abbreviates a name the text writes out: "AMEX" is "American
 * Express" (the beginnings of its words), "JnJ" and "J&amp;J" are "Johnson &amp;
 * Johnson", "P&amp;G" is "Procter &amp; Gamble", "AT&amp;T" is "American Telephone and
 * Telegraph". Only what looks abbreviated is tried (see {@link #looksAbbreviated}). A
 * written-out name is a run of two or more capitalised words, with "&amp;" or stop words
 * ("and", "of", "the") between them. General rules of how abbreviations are made, so no
 * list of names is needed; written by hand because no library here derives abbreviations
 * from text.
 */
final class Aliases {

	/** The longest abbreviation tried: longer names are words, not abbreviations. */
	static final int MAX_LETTERS = 6;

	/** What ends a clause: initials never run across it. */
	private static final Pattern CLAUSE = Pattern.compile("[.;:!?()\\[\\]\\n]+");

	private static final Pattern TOKEN = Pattern
		.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}'’-]|\\.(?=[\\p{L}\\p{N}]))*|&");

	private Aliases() {
	}

	/**
	 * Whether the text writes a name of the question by its initial, the way a first name
	 * or a genus is shortened before the word that follows it: "Caenorhabditis elegans"
	 * as "C. elegans", "John Smith" as "J. Smith".
	 * @param name a name of a question, as written ("Caenorhabditis")
	 * @param asked the question
	 * @param text text that may write the name by its initial
	 * @return whether the text holds the name's initial and a period before the word that
	 * follows the name in the question
	 */
	static boolean shortened(String name, String asked, String text) {
		Matcher next = Pattern
			.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "['’]?s?\\s+([\\p{L}][\\p{L}\\p{N}-]+)")
			.matcher(asked);
		if (name.length() < 2 || !next.find()) {
			return false;
		}
		return Pattern
			.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name.substring(0, 1)) + "\\.\\s*"
					+ Pattern.quote(next.group(1)) + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE)
			.matcher(text)
			.find();
	}

	/**
	 * @param name a name of a question, as written ("JnJ", "AMEX", "P&amp;G")
	 * @param text text that may write it out
	 * @return whether the text writes out a name it abbreviates
	 */
	static boolean abbreviates(String name, String text) {
		String letters = letters(name);
		if (letters.length() < 2 || letters.length() > MAX_LETTERS || !looksAbbreviated(name, letters)) {
			return false;
		}
		for (List<String> run : runs(text)) {
			for (int start = 0; start + 1 < run.size(); start++) {
				if (spells(letters, run, start, 0)) {
					return true;
				}
			}
		}
		return capitals(name) && initialises(letters, text);
	}

	/**
	 * Whether an abbreviation in capitals is the initials of words the text writes in any
	 * case, in order, inside one clause ("COGS": "cost of goods sold"; "EBITDA":
	 * "earnings before interest, taxes, depreciation and amortization"; "PP&amp;E":
	 * "property, plant and equipment"): each word gives its first letter, and "&amp;" or
	 * a stop word may give its initial or nothing.
	 */
	private static boolean initialises(String letters, String text) {
		for (String clause : CLAUSE.split(text)) {
			List<String> words = new ArrayList<>();
			Matcher matcher = TOKEN.matcher(clause);
			while (matcher.find()) {
				words.add(matcher.group().toLowerCase(Locale.ROOT));
			}
			for (int start = 0; start < words.size(); start++) {
				if (words.get(start).charAt(0) == letters.charAt(0) && initials(letters, words, start, 0)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean initials(String letters, List<String> words, int word, int used) {
		if (letters.isEmpty()) {
			return used >= 2;
		}
		if (word >= words.size()) {
			return false;
		}
		String next = words.get(word);
		boolean connector = next.equals("&") || StopWords.contains(next);
		if (next.charAt(0) == letters.charAt(0) && initials(letters.substring(1), words, word + 1, used + 1)) {
			return true;
		}
		return connector && used > 0 && initials(letters, words, word + 1, used);
	}

	private static boolean capitals(String name) {
		return name.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
	}

	/**
	 * An abbreviation is written in capitals ("AMEX", "JnJ"), with "&amp;" ("P&amp;G"),
	 * or is short ("Amex"); a longer word in title case ("Amazon") is a name of its own.
	 */
	private static boolean looksAbbreviated(String name, String letters) {
		return name.contains("&") || name.codePoints().filter(Character::isUpperCase).count() >= 2
				|| letters.length() <= 4;
	}

	/**
	 * The letters a name abbreviates with, lower case: "&amp;" and a lower-case "n"
	 * between capitals ("JnJ") stand for "and", which an abbreviation may leave out.
	 */
	static String letters(String name) {
		String joined = name.replaceAll("(?<=\\p{Lu})n(?=\\p{Lu})", "").replace("&", "");
		return joined.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
	}

	/**
	 * Whether the letters are the beginnings, in order, of two or more consecutive words
	 * of the run from {@code word} on, each giving at least one letter.
	 */
	private static boolean spells(String letters, List<String> run, int word, int used) {
		if (letters.isEmpty()) {
			return used >= 2;
		}
		if (word >= run.size()) {
			return false;
		}
		String next = run.get(word);
		for (int length = Math.min(next.length(), letters.length()); length >= 1; length--) {
			if (letters.startsWith(next.substring(0, length))
					&& spells(letters.substring(length), run, word + 1, used + 1)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The runs of capitalised words in a text, lower case, without the "&amp;" and stop
	 * words between them.
	 */
	private static List<List<String>> runs(String text) {
		List<List<String>> runs = new ArrayList<>();
		List<String> run = new ArrayList<>();
		Matcher matcher = TOKEN.matcher(text);
		int gap = 0;
		int last = -1;
		while (matcher.find()) {
			String token = matcher.group();
			boolean adjacent = last < 0 || text.substring(last, matcher.start()).matches("\\h+");
			last = matcher.end();
			if (!adjacent) {
				end(run, runs);
				gap = 0;
			}
			if (Character.isUpperCase(token.codePointAt(0)) || Character.isDigit(token.codePointAt(0))) {
				run.add(token.toLowerCase(Locale.ROOT));
				gap = 0;
			}
			else if (!run.isEmpty() && gap < 2 && (token.equals("&") || StopWords.contains(token))) {
				gap++;
			}
			else {
				end(run, runs);
				gap = 0;
			}
		}
		end(run, runs);
		return runs;
	}

	private static void end(List<String> run, List<List<String>> runs) {
		if (run.size() >= 2) {
			runs.add(List.copyOf(run));
		}
		run.clear();
	}

}
