package dev.ragchat.answer.whole;

import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;
import dev.ragchat.answer.Listing;
import dev.ragchat.retrieval.query.Periods;

/**
 * The figures a sentence gives ("EUR 12,500", "ninety (90) days", "4.5%"), a number in
 * words read as its digits by ICU's spelled-out number rules and a currency's code or
 * symbol as its name, and the bound a question sets on one ("more than 120 days").
 * Written here because no library reads an amount with its unit out of running English.
 */
final class Figures {

	/** Degrees of temperature, a unit written with its sign ("25°C", "77 °F"). */
	private static final String DEGREES = "°\\s?[CF](?![\\p{L}])";

	/**
	 * A bound on a figure that is asked: "more than 120 days", "at least 30 days", "under
	 * 5%".
	 */
	private static final Pattern BOUND = Pattern.compile("\\b(more\\s+than|greater\\s+than|longer\\s+than|over|above"
			+ "|exceeding|at\\s+least|less\\s+than|fewer\\s+than|shorter\\s+than|under|below|at\\s+most|up\\s+to)\\s+"
			+ "(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)\\s*(%|" + DEGREES + "|[\\p{L}]+)?", Pattern.CASE_INSENSITIVE);

	/**
	 * A figure: an amount with its currency or unit ("EUR 5,000", "30 days", "4.5%").
	 */
	private static final Pattern FIGURE = Pattern.compile("(?:(EUR|USD|GBP|CHF|SEK|NOK|DKK|JPY|[€$£¥])\\s?)?"
			+ "(\\d{1,3}(?:[,\u00a0 ]\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)\\s*(%|" + DEGREES
			+ "|percent|per\\s+cent|(?:calendar\\s+|business\\s+"
			+ "|working\\s+)?(?:days?|weeks?|months?|years?|hours?|minutes?)|million|billion|thousand|EUR|USD|GBP|CHF|SEK|NOK"
			+ "|DKK|euros?|dollars?|pounds?|kron(?:er|or|a))?(?!\\w)", Pattern.CASE_INSENSITIVE);

	/** A word of a number ("ninety", "twenty-one", "twelve"). */
	private static final String NUMBER_WORD = "(?:(?:twen|thir|for|fif|six|seven|eigh|nine)ty(?:-(?:one|two|three|four"
			+ "|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
			+ "|(?:thir|four|fif|six|seven|eigh|nine)teen)";

	/**
	 * A number in words, one word or several ("ninety", "one hundred and eighty"), with
	 * its digits in brackets when it is written so ("ninety (90)"); "one" alone is left
	 * out, as it is more often a pronoun than a count. (The look-ahead for the first
	 * letters those words begin with passes most places of a text at once.)
	 */
	private static final Pattern NUMBER_WORDS = Pattern.compile("\\b(?=[otfsen])" + NUMBER_WORD
			+ "(?:[\\s-]+(?:and\\s+)?(?:" + NUMBER_WORD + "|hundred|thousand|million)\\b)*\\b(\\s*\\(\\d[\\d,.]*\\))?",
			Pattern.CASE_INSENSITIVE);

	/** Digits in brackets: "(90)". */
	private static final Pattern BRACKETED = Pattern.compile("\\((\\d[\\d,.]*)\\)");

	/**
	 * An amount's currency, written as its code or its symbol beside the figure ("EUR
	 * 12,500", "12,500 SEK", "€12,500").
	 */
	private static final Pattern CURRENCY = Pattern
		.compile("(?<![\\p{L}])([A-Z]{3}|[\\p{Sc}])\\s?(?=\\d)|(?<=\\d)\\s?([A-Z]{3})(?![\\p{L}])");

	/** The numbers in words read so far, with their digits ("" for none). */
	private static final Map<String, String> READ = new ConcurrentHashMap<>();

	/** English spelled-out numbers (a format is not thread-safe: one a thread). */
	private static final ThreadLocal<RuleBasedNumberFormat> SPELLOUT = ThreadLocal
		.withInitial(() -> new RuleBasedNumberFormat(ULocale.ENGLISH, RuleBasedNumberFormat.SPELLOUT));

	/**
	 * The words of every currency's English name, as stems: a sentence says them when it
	 * writes the currency's code or symbol ({@link #withDigits}).
	 */
	private static final Set<String> CURRENCY_WORDS = Currency.getAvailableCurrencies()
		.stream()
		.flatMap((currency) -> Stems.of(currency.getDisplayName(Locale.ENGLISH)).stream())
		.collect(Collectors.toUnmodifiableSet());

	private Figures() {
	}

	/**
	 * @param sentence a sentence that says what is asked
	 * @param heading its headings
	 * @return the first figure it gives, a number in words as its digits (a year alone is
	 * no figure), with the year it is for when the sentence or its heading names one, or
	 * {@code null}
	 */
	static Listing.Value value(String sentence, String heading) {
		Matcher figure = FIGURE.matcher(BRACKETED.matcher(spelled(sentence, false)).replaceAll("$1"));
		while (figure.find()) {
			String number = figure.group(2);
			if (figure.group(1) == null && figure.group(3) == null && Periods.YEAR.matcher(number).matches()) {
				continue;
			}
			double amount = Double.parseDouble(number.replaceAll("[,\u00a0 ]", ""));
			String unit = (figure.group(1) != null) ? figure.group(1) : figure.group(3);
			List<String> years = Periods.years(sentence);
			List<String> headed = years.isEmpty() ? Periods.years(heading) : years;
			return new Listing.Value(figure.group().strip(), amount, unit, headed.isEmpty() ? null : headed.get(0));
		}
		return null;
	}

	/**
	 * @param value a figure, or {@code null}
	 * @return what it measures: "money" (a currency), "time" (days to years), "share" (a
	 * percentage), "count" (a bare number or a multiple), or {@code null} for no figure
	 */
	static String kind(Listing.Value value) {
		if (value == null) {
			return null;
		}
		String unit = (value.unit() != null) ? value.unit().toLowerCase(Locale.ROOT) : "";
		if (unit.matches(".*(?:day|week|month|year|hour|minute).*")) {
			return "time";
		}
		if (unit.matches("%|per\\s*cent|percent")) {
			return "share";
		}
		return (unit.isEmpty() || unit.matches("million|billion|thousand")) ? "count" : "money";
	}

	/**
	 * @param values figures, some maybe {@code null}
	 * @return the kind ({@link #kind}) most of them are, or {@code null} for none
	 */
	static String commonKind(List<Listing.Value> values) {
		return values.stream()
			.map(Figures::kind)
			.filter(Objects::nonNull)
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
			.entrySet()
			.stream()
			.max(Map.Entry.comparingByValue())
			.map(Map.Entry::getKey)
			.orElse(null);
	}

	/**
	 * The figures a sentence gives, a number in words as its digits, one in brackets
	 * after its words ("ninety (90) days") once.
	 */
	static List<Listing.Value> of(String sentence) {
		List<Listing.Value> figures = new ArrayList<>();
		Matcher figure = FIGURE.matcher(BRACKETED.matcher(spelled(sentence, false)).replaceAll("$1"));
		while (figure.find()) {
			String unit = (figure.group(1) != null) ? figure.group(1) : figure.group(3);
			figures.add(new Listing.Value(figure.group().strip(),
					Double.parseDouble(figure.group(2).replaceAll("[,\u00a0 ]", "")), unit, null));
		}
		return figures;
	}

	/**
	 * The text with the name of each currency it writes as a code or symbol beside an
	 * amount after it ("EUR 12,500" also says "Euro"), and the digits of each number it
	 * writes in words ("ninety days" also says "90 days"), read by ICU's spelled-out
	 * number rules.
	 */
	static String withDigits(String text) {
		Matcher currency = CURRENCY.matcher(text);
		StringBuilder named = new StringBuilder();
		while (currency.find()) {
			String code = (currency.group(1) != null) ? currency.group(1) : currency.group(2);
			String name = currencyName(code);
			currency.appendReplacement(named,
					Matcher.quoteReplacement(currency.group() + ((name != null) ? " " + name + " " : "")));
		}
		return spelled(currency.appendTail(named).toString());
	}

	/**
	 * @param stem a word, as a stem
	 * @return whether a sentence may say it without writing it: a word of a currency's
	 * name, said by its code or symbol
	 */
	static boolean saidByASign(String stem) {
		return CURRENCY_WORDS.contains(stem);
	}

	/**
	 * The English name of a currency by its code or its symbol ("EUR", "€": "Euro"), from
	 * the JDK's currency data, or {@code null} when it names none.
	 */
	private static String currencyName(String codeOrSymbol) {
		if (codeOrSymbol.length() == 3) {
			// a code is looked up at once; only a symbol is searched for among all
			try {
				return Currency.getInstance(codeOrSymbol).getDisplayName(Locale.ENGLISH);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		for (Currency currency : Currency.getAvailableCurrencies()) {
			if (currency.getSymbol(Locale.US).equals(codeOrSymbol)) {
				return currency.getDisplayName(Locale.ENGLISH);
			}
		}
		return null;
	}

	private static String spelled(String text) {
		return spelled(text, true);
	}

	/**
	 * @param text a text
	 * @param keep whether the words stay beside their digits (for words), or give way to
	 * them (for figures: "one hundred and twenty (120) days" is "120 days")
	 * @return the text with the digits of each number it writes in words
	 */
	private static String spelled(String text, boolean keep) {
		Matcher words = NUMBER_WORDS.matcher(text);
		StringBuilder read = new StringBuilder();
		while (words.find()) {
			String number = words.group()
				.substring(0, words.group().length() - ((words.group(1) != null) ? words.group(1).length() : 0));
			String digits = number.equalsIgnoreCase("one") ? null : digits(number.toLowerCase(Locale.ROOT));
			String kept = keep ? words.group() + " " + digits : digits;
			String replacement = (digits != null) ? kept : words.group();
			words.appendReplacement(read, Matcher.quoteReplacement(replacement));
		}
		return words.appendTail(read).toString();
	}

	/**
	 * The digits of a number in words, as ICU reads it, once for each number (a scan
	 * reads the same few thousands of times), or {@code null} when it reads none.
	 */
	private static String digits(String number) {
		String digits = READ.get(number);
		if (digits == null) {
			Number value = SPELLOUT.get().parse(number, new ParsePosition(0));
			digits = (value != null) ? String.valueOf(value.longValue()) : "";
			if (READ.size() < 10_000) {
				READ.put(number, digits);
			}
		}
		return digits.isEmpty() ? null : digits;
	}

	/**
	 * A bound on a figure: above or below an amount, with the bound itself or not, in a
	 * unit ({@code null}: any).
	 */
	record Bound(String written, int sign, boolean inclusive, double amount, String unit) {

		/**
		 * @param text what is asked
		 * @return the bound it sets on a figure, or {@code null}
		 */
		static Bound in(String text) {
			Matcher bound = BOUND.matcher(text);
			if (!bound.find()) {
				return null;
			}
			String words = bound.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
			int sign = words.matches("less than|fewer than|shorter than|under|below|at most|up to") ? -1 : 1;
			boolean inclusive = words.matches("at least|at most|up to");
			return new Bound(bound.group(), sign, inclusive, Double.parseDouble(bound.group(2).replace(",", "")),
					bound.group(3));
		}

		/**
		 * Whether a sentence writes this bound itself: the same comparison before the
		 * same amount ("Store below 25°C" of "below 25 °C"), which is what it says, not a
		 * figure it must lie within.
		 */
		boolean writtenIn(String sentence) {
			Matcher written = BOUND.matcher(sentence);
			while (written.find()) {
				Bound other = in(written.group());
				if (other != null && other.sign == this.sign && other.inclusive == this.inclusive
						&& other.amount == this.amount
						&& (this.unit == null || other.unit == null || unit(this.unit).equals(unit(other.unit)))) {
					return true;
				}
			}
			return false;
		}

		/** Whether a figure lies within the bound, in its unit. */
		boolean holds(Listing.Value figure) {
			if (this.unit != null && (figure.unit() == null || !unit(figure.unit()).equals(unit(this.unit)))) {
				return false;
			}
			double difference = Math.signum(figure.amount() - this.amount) * this.sign;
			return difference > 0 || (this.inclusive && figure.amount() == this.amount);
		}

		/** A unit as one word, singular or plural: "days", "Day". */
		private static String unit(String unit) {
			return unit.toLowerCase(Locale.ROOT).replaceAll("\\s+", "").replaceFirst("s$", "");
		}

	}

}
