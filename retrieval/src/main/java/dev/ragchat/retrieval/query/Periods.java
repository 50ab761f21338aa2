package dev.ragchat.retrieval.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Years as people write them: "2018", "FY2018", "FY 2018", "FY'18", "FY18". One rule for
 * the keyword analyser (index and query alike), the query shaper, the grounding check and
 * the table readers, so that a period means the same everywhere.
 */
public final class Periods {

	/** A year of the 20th or 21st century standing alone. */
	public static final Pattern YEAR = Pattern.compile("(?<![\\p{L}\\p{N}])(?:19|20)\\d{2}(?![\\p{N}])");

	/** A fiscal year with its prefix: group 1 is the year ("FY2018", "FY 2018"). */
	public static final Pattern FISCAL_YEAR = Pattern.compile("\\b[Ff][Yy]\\s?'?((?:19|20)\\d{2})\\b");

	/** A fiscal year in two digits: group 1 is the year's last two digits ("FY18"). */
	public static final Pattern FISCAL_YEAR_SHORT = Pattern.compile("\\b[Ff][Yy]\\s?'?(\\d{2})\\b");

	/** Any of the three, compiled once: {@link #years} runs on every question. */
	private static final Pattern ANY_YEAR = Pattern
		.compile(YEAR.pattern() + "|" + FISCAL_YEAR.pattern() + "|" + FISCAL_YEAR_SHORT.pattern());

	/**
	 * Words that say which period a column or a figure is of, beside month names and stop
	 * words: "Year Ended", "Three Months Ended", "Fiscal Quarter".
	 */
	private static final Set<String> PERIOD_WORDS = Set.of("year", "years", "ended", "ending", "quarter", "quarters",
			"month", "months", "week", "weeks", "fiscal", "fy", "three", "six", "nine", "twelve");

	private static final Set<String> MONTHS = months();

	/** The days of the week, in full, lower case. */
	private static final Set<String> DAYS = java.util.Arrays.stream(java.time.DayOfWeek.values())
		.map((day) -> day.name().toLowerCase(java.util.Locale.ROOT))
		.collect(java.util.stream.Collectors.toUnmodifiableSet());

	private Periods() {
	}

	/**
	 * @param word a word, lower case, without punctuation
	 * @return whether it only says which period something is of: a month (as
	 * {@link java.time.Month} names it in English, in full or short), "q1" to "q4", a
	 * word of "Year Ended" or "Three Months Ended", or a stop word ("as", "of")
	 */
	public static boolean isPeriodWord(String word) {
		return MONTHS.contains(word) || PERIOD_WORDS.contains(word) || word.matches("q[1-4]")
				|| StopWords.contains(word);
	}

	/**
	 * @param word a word, lower case, without punctuation
	 * @return whether it names a month (in full or short) or a day of the week: a time,
	 * which pins a question down as a year does, not a thing a document is about
	 */
	public static boolean isCalendarWord(String word) {
		return MONTHS.contains(word) || DAYS.contains(word);
	}

	private static Set<String> months() {
		Set<String> months = new java.util.HashSet<>();
		for (java.time.Month month : java.time.Month.values()) {
			for (java.time.format.TextStyle style : java.time.format.TextStyle.values()) {
				months.add(month.getDisplayName(style, java.util.Locale.ENGLISH)
					.toLowerCase(java.util.Locale.ROOT)
					.replace(".", ""));
			}
		}
		months.add("sept");
		return Set.copyOf(months);
	}

	/**
	 * @param text any text
	 * @return the years it names, each once, in order ("FY18" is 2018)
	 */
	public static List<String> years(String text) {
		Set<String> years = new LinkedHashSet<>();
		Matcher matcher = ANY_YEAR.matcher(text);
		while (matcher.find()) {
			if (matcher.group(2) != null) {
				years.add("20" + matcher.group(2));
			}
			else {
				years.add((matcher.group(1) != null) ? matcher.group(1) : matcher.group());
			}
		}
		return new ArrayList<>(years);
	}

	/**
	 * @param text any text
	 * @return the text with each fiscal year written as its year ("FY18" as "2018")
	 */
	public static String normalize(String text) {
		String years = FISCAL_YEAR.matcher(text).replaceAll("$1");
		return FISCAL_YEAR_SHORT.matcher(years).replaceAll("20$1");
	}

	/**
	 * @param word a word without surrounding punctuation
	 * @return the year it is ("2018" for "FY18", "2018" for "2018"), or {@code null}
	 */
	public static String asYear(String word) {
		if (YEAR.matcher(word).matches()) {
			return word;
		}
		Matcher fiscal = FISCAL_YEAR.matcher(word);
		if (fiscal.matches()) {
			return fiscal.group(1);
		}
		Matcher shortYear = FISCAL_YEAR_SHORT.matcher(word);
		return shortYear.matches() ? "20" + shortYear.group(1) : null;
	}

}
