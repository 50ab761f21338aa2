package dev.ragchat.retrieval.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Years as people write them: "2018", "FY2018", "FY 2018", "FY'18", "FY18", and a year
 * that runs into the next as academic, tax and some fiscal years do ("2025/26",
 * "2025-26", "2025/2026", "25/26"), named by the year it starts in. One rule for the
 * keyword analyser (index and query alike), the query shaper, the grounding check and the
 * table readers, so that a period means the same everywhere.
 */
public final class Periods {

	/**
	 * A year of the 20th or 21st century standing alone, or a year that runs into the
	 * next ("2025/26", "2025-26", "2025/2026": its first four digits are the year). A
	 * range of years written in full ("2019-2021") is two years.
	 */
	public static final Pattern YEAR = Pattern.compile("(?<![\\p{L}\\p{N}])(?:19|20)\\d{2}"
			+ "(?:[/\u2013-]\\d{2}(?![\\p{N}/\u2013-])|/(?:19|20)\\d{2}(?![\\p{N}/\u2013-]))?(?![\\p{N}])");

	/**
	 * A year that runs into the next written in two digits each ("25/26"): groups 1 and
	 * 2; read as a year only when the second is the year after the first.
	 */
	private static final Pattern SHORT_SPAN = Pattern.compile("(?<![\\p{L}\\p{N}/])(\\d{2})/(\\d{2})(?![\\p{N}/])");

	/** A fiscal year with its prefix: group 1 is the year ("FY2018", "FY 2018"). */
	public static final Pattern FISCAL_YEAR = Pattern.compile("\\b[Ff][Yy]\\s?'?((?:19|20)\\d{2})\\b");

	/** A fiscal year in two digits: group 1 is the year's last two digits ("FY18"). */
	public static final Pattern FISCAL_YEAR_SHORT = Pattern.compile("\\b[Ff][Yy]\\s?'?(\\d{2})\\b");

	/**
	 * A year before 1900 where it is written as one: after a word of time ("in 1850",
	 * "since 1312", "the flood of 1879"), group 5, and not before a word that makes it a
	 * number of things ("in 1500 cases", "of 1200 metres"; see {@link #years}).
	 */
	private static final Pattern EARLIER_YEAR = Pattern.compile("(?i:\\b(?:in|since|from|until|till|by|before|after"
			+ "|around|circa|c\\.|of|year)\\s+)(1[0-8]\\d{2})(?![\\p{N}.,]\\d|[\\p{L}\\p{N}])");

	/** A year before 1900 alone, as {@link #years} gives it. */
	private static final Pattern EARLIER = Pattern.compile("1[0-8]\\d{2}");

	/** A word after a number that makes it a number of things: group 1. */
	private static final Pattern COUNTED = Pattern.compile("\\s*(\\p{Ll}+)");

	/** Any of the five, compiled once: {@link #years} runs on every question. */
	private static final Pattern ANY_YEAR = Pattern.compile(YEAR.pattern() + "|" + FISCAL_YEAR.pattern() + "|"
			+ FISCAL_YEAR_SHORT.pattern() + "|" + SHORT_SPAN.pattern() + "|" + EARLIER_YEAR.pattern());

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
			if (matcher.group(5) != null) {
				Matcher counted = COUNTED.matcher(text).region(matcher.end(), text.length());
				if (!counted.lookingAt() || StopWords.contains(counted.group(1))) {
					years.add(matcher.group(5));
				}
			}
			else if (matcher.group(3) != null) {
				String span = spanned(matcher.group(3), matcher.group(4));
				if (span != null) {
					years.add(span);
				}
			}
			else if (matcher.group(2) != null) {
				years.add("20" + matcher.group(2));
			}
			else {
				years.add((matcher.group(1) != null) ? matcher.group(1) : matcher.group().substring(0, 4));
			}
		}
		return new ArrayList<>(years);
	}

	/**
	 * @param text any text: a passage
	 * @param year a year, as {@link #years} gives it
	 * @return whether the text names it, or writes it as a number standing alone (a year
	 * before 1900 needs no word of time in a passage that is asked about it: "1880 |
	 * 14,200" of a table of years; "the 1880s" is a decade)
	 */
	public static boolean writes(String text, String year) {
		if (!EARLIER.matcher(year).matches()) {
			return years(text).contains(year);
		}
		for (int at = text.indexOf(year); at >= 0; at = text.indexOf(year, at + 1)) {
			int after = at + year.length();
			boolean alone = (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)) && text.charAt(at - 1) != '.'
					&& text.charAt(at - 1) != ',')
					&& (after == text.length() || !Character.isLetterOrDigit(text.charAt(after))
							&& !(after + 1 < text.length() && ".,".indexOf(text.charAt(after)) >= 0
									&& Character.isDigit(text.charAt(after + 1))));
			if (alone) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @param text any text
	 * @return the text with each fiscal year written as its year ("FY18" as "2018")
	 */
	public static String normalize(String text) {
		String years = FISCAL_YEAR.matcher(text).replaceAll("$1");
		String fiscal = FISCAL_YEAR_SHORT.matcher(years).replaceAll("20$1");
		return SHORT_SPAN.matcher(fiscal).replaceAll((span) -> {
			String year = spanned(span.group(1), span.group(2));
			return (year != null) ? year : Matcher.quoteReplacement(span.group());
		});
	}

	/**
	 * The year a span of two-digit years starts in ("2025" for 25 and 26), or
	 * {@code null} when the second is not the year after the first ("3/4", "12/14").
	 */
	private static String spanned(String first, String second) {
		int start = Integer.parseInt(first);
		return ((start + 1) % 100 == Integer.parseInt(second)) ? "20" + first : null;
	}

	/**
	 * @param word a word without surrounding punctuation
	 * @return the year it is ("2018" for "FY18", "2018" for "2018", "2025" for "2025/26"
	 * or "25/26"), or {@code null}
	 */
	public static String asYear(String word) {
		if (YEAR.matcher(word).matches()) {
			return word.substring(0, 4);
		}
		Matcher span = SHORT_SPAN.matcher(word);
		if (span.matches()) {
			return spanned(span.group(1), span.group(2));
		}
		Matcher fiscal = FISCAL_YEAR.matcher(word);
		if (fiscal.matches()) {
			return fiscal.group(1);
		}
		Matcher shortYear = FISCAL_YEAR_SHORT.matcher(word);
		return shortYear.matches() ? "20" + shortYear.group(1) : null;
	}

}
