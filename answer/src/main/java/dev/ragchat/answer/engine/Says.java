package dev.ragchat.answer.engine;

import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;
import dev.ragchat.answer.Listing;
import dev.ragchat.retrieval.query.Periods;
import dev.ragchat.retrieval.query.StopWords;
import org.tartarus.snowball.ext.PorterStemmer;

/**
 * Whether a sentence says what a question about the whole scope asks of each document: it
 * writes every word of what is asked (as the Porter stemmer writes them, the sentence's
 * heading counting too), and none of them stands under a negation of its clause ("no
 * termination fee applies", "neither party owes a termination fee": the words without the
 * fact). A figure asked of each document must be in the sentence. Written here because
 * the rule is the judge of this one question kind: the extract's judge reads the nearness
 * of a sentence to a question, which tells nothing of a negation.
 */
final class Says {

	/** A word that negates the words near it in its clause. */
	private static final Pattern NEGATION = Pattern.compile(
			"^\\W*(?:no|not|never|neither|nor|none|without|cannot|nothing|waives?|waived|\\w+n['\u2019]t)\\W*$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern FREE_OF = Pattern.compile("^\\W*free\\s+of\\W*$", Pattern.CASE_INSENSITIVE);

	/** A word that begins a clause of its own. */
	private static final Pattern CLAUSE_WORD = Pattern
		.compile("^\\W*(?:but|however|except|unless|although|whereas|while|and|or)\\W*$", Pattern.CASE_INSENSITIVE);

	/** A word that ends its clause. */
	private static final Pattern CLAUSE_END = Pattern.compile("[,;:()]$|[.;:]\\W*$");

	/** How many first letters two forms of a name share ("Norw-ay", "Norw-egian"). */
	private static final int NAME_STEM = 4;

	/** How many words before an asked word a negation reaches. */
	private static final int REACH = 6;

	/**
	 * A figure: an amount with its currency or unit ("EUR 5,000", "30 days", "4.5%").
	 */
	private static final Pattern FIGURE = Pattern.compile("(?:(EUR|USD|GBP|CHF|SEK|NOK|DKK|JPY|[€$£¥])\\s?)?"
			+ "(\\d{1,3}(?:[,\u00a0 ]\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)\\s*(%|percent|per\\s+cent|(?:calendar\\s+|business\\s+"
			+ "|working\\s+)?(?:days?|weeks?|months?|years?|hours?|minutes?)|million|billion|thousand|EUR|USD|GBP|CHF|SEK|NOK"
			+ "|DKK|euros?|dollars?|pounds?|kron(?:er|or|a))?(?!\\w)", Pattern.CASE_INSENSITIVE);

	/**
	 * A number in words, alone or two joined by a hyphen ("ninety", "twenty-one"); "one"
	 * is left out, as it is more often a pronoun than a count.
	 */
	private static final Pattern NUMBER_WORDS = Pattern
		.compile("\\b(?:(?:twen|thir|for|fif|six|seven|eigh|nine)ty(?:-(?:one|two|three|four|five|six|seven|eight"
				+ "|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
				+ "|(?:thir|four|fif|six|seven|eigh|nine)teen)\\b", Pattern.CASE_INSENSITIVE);

	/**
	 * An amount's currency, written as its code or its symbol beside the figure ("EUR
	 * 12,500", "12,500 SEK", "€12,500").
	 */
	private static final Pattern CURRENCY = Pattern
		.compile("(?<![\\p{L}])([A-Z]{3}|[\\p{Sc}])\\s?(?=\\d)|(?<=\\d)\\s?([A-Z]{3})(?![\\p{L}])");

	/** English spelled-out numbers (a format is not thread-safe: one a thread). */
	private static final ThreadLocal<RuleBasedNumberFormat> SPELLOUT = ThreadLocal
		.withInitial(() -> new RuleBasedNumberFormat(ULocale.ENGLISH, RuleBasedNumberFormat.SPELLOUT));

	private final List<String> asked;

	private final List<String> names;

	private final boolean figure;

	/**
	 * Whether what is asked is itself negated ("state that no termination fee is
	 * payable").
	 */
	private final boolean negative;

	/**
	 * @param predicate what a document must say
	 * @param figure whether it must give a figure
	 */
	Says(String predicate, boolean figure) {
		this.asked = stems(predicate);
		this.names = new ArrayList<>();
		for (String word : predicate.split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty() && !StopWords.contains(word)
					&& (Character.isUpperCase(word.charAt(0)) || Character.isDigit(word.charAt(0)))) {
				this.names.add(stem(word));
			}
		}
		this.figure = figure;
		this.negative = Arrays.stream(predicate.split("\\s+")).anyMatch((word) -> NEGATION.matcher(word).find());
	}

	/**
	 * @return the words asked, as stems (empty: the question asks nothing a sentence can
	 * say)
	 */
	List<String> asked() {
		return this.asked;
	}

	/**
	 * @param sentence a sentence of a document
	 * @param heading the headings above it
	 * @return whether it says what is asked
	 */
	boolean says(String sentence, String heading) {
		if (this.asked.isEmpty() || (this.figure && value(sentence, heading) == null)) {
			return false;
		}
		List<String> words = stems(sentence);
		List<String> headed = stems(heading);
		int missing = 0;
		for (String word : this.asked) {
			if (!words.contains(word) && !headed.contains(word)) {
				if (this.names.contains(word) && !named(word, words) && !named(word, headed)) {
					return false;
				}
				missing += this.names.contains(word) ? 0 : 1;
			}
		}
		if (missing > ((this.asked.size() >= 3) ? 1 : 0)) {
			return false;
		}
		// the sentence says it, or says that it is not, as the question asks
		return negated(sentence) == this.negative;
	}

	/**
	 * Whether a sentence writes a name in another form of the same word: its first
	 * {@value #NAME_STEM} letters ("Norway", "Norwegian"; "Japan", "Japanese").
	 */
	private static boolean named(String name, List<String> words) {
		return name.length() > NAME_STEM && words.stream()
			.anyMatch((word) -> word.length() > NAME_STEM && word.regionMatches(0, name, 0, NAME_STEM));
	}

	/**
	 * Whether a negation stands within {@value #REACH} words of one of the asked words
	 * the sentence writes, in the same clause, one of those that write most of them ("no
	 * termination fee applies", "the termination fee does not apply"; not "no cap
	 * applies, and a termination fee of EUR 5,000 is owed").
	 */
	private boolean negated(String sentence) {
		String[] tokens = sentence.split("\\s+");
		String[] stems = Arrays.stream(tokens).map(Says::stem).toArray(String[]::new);
		List<int[]> negations = new ArrayList<>();
		List<int[]> asked = new ArrayList<>();
		int clause = 0;
		for (int i = 0; i < tokens.length; i++) {
			String token = tokens[i];
			String stem = stems[i];
			if (CLAUSE_WORD.matcher(token).matches()) {
				clause++;
			}
			if (NEGATION.matcher(token).find()
					|| (i + 1 < tokens.length && FREE_OF.matcher(token + " " + tokens[i + 1]).matches())) {
				negations.add(new int[] { i, clause });
			}
			else if (this.asked.contains(stem)
					|| (!stem.isEmpty() && this.names.stream().anyMatch((name) -> named(name, List.of(stem))))) {
				asked.add(new int[] { i, clause });
			}
			if (CLAUSE_END.matcher(token).find()) {
				clause++;
			}
		}
		// what is said is said in the clause that writes the most of the asked words: a
		// negation in another ("The laws of Norway apply, without regard to their
		// conflict of laws rules") is not of it
		int[] held = new int[clause + 1];
		Set<String> counted = new HashSet<>();
		for (int[] word : asked) {
			if (counted.add(word[1] + " " + stems[word[0]])) {
				held[word[1]]++;
			}
		}
		int most = Arrays.stream(held).max().orElse(0);
		return negations.stream()
			.anyMatch((negation) -> held[negation[1]] == most && asked.stream()
				.anyMatch((word) -> word[1] == negation[1] && Math.abs(word[0] - negation[0]) <= REACH));
	}

	/**
	 * @param sentence a sentence that says what is asked
	 * @param heading its headings
	 * @return the first figure it gives (a year alone is no figure), with the year it is
	 * for when the sentence or its heading names one, or {@code null}
	 */
	static Listing.Value value(String sentence, String heading) {
		Matcher figure = FIGURE.matcher(sentence);
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

	private static List<String> stems(String text) {
		List<String> stems = new ArrayList<>();
		for (String word : withDigits(text).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty() && !StopWords.contains(word)) {
				stems.add(stem(word));
			}
		}
		return stems;
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
		Matcher words = NUMBER_WORDS.matcher(text);
		if (!words.find()) {
			return text;
		}
		StringBuilder read = new StringBuilder();
		do {
			Number number = SPELLOUT.get().parse(words.group().toLowerCase(Locale.ROOT), new ParsePosition(0));
			words.appendReplacement(read,
					Matcher.quoteReplacement(words.group() + ((number != null) ? " " + number.longValue() : "")));
		}
		while (words.find());
		return words.appendTail(read).toString();
	}

	private static String stem(String word) {
		PorterStemmer stemmer = new PorterStemmer();
		stemmer.setCurrent(word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", ""));
		stemmer.stem();
		return stemmer.getCurrent();
	}

}
