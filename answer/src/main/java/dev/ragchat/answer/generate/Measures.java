package dev.ragchat.answer.generate;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import dev.ragchat.answer.text.Asks;
import dev.ragchat.answer.text.Nouns;
import dev.ragchat.retrieval.query.Periods;

/**
 * What a question of how much or how many asks to be given, as English asks it (the same
 * for every subject), held against a sentence the extract may quote: a count asks a
 * figure ("How many sessions …?": a sentence that writes none answers something else
 * however near the question it reads), a price a figure or "free" ("How much does it
 * cost?", "What is the fee?"), a length of time or of anything else a figure with its
 * unit ("How long does it take?", "How far is it?"), a depth or a height, a weight or a
 * speed a figure with a unit of its kind ("How deep?", "How heavy?", "How fast?": "3
 * kilometres" gives no speed), and how often a figure with its unit or a word of
 * frequency ("every", "twice", "monthly"). A year is no quantity.
 * <p>
 * Written by hand: no library reads what a question asks to be measured in; the units are
 * those of time, length, area, volume, weight and speed, the same for any subject.
 */
enum Measures {

	/** Any figure. */
	FIGURE("figure"),

	/**
	 * A sum of money (with its currency, or any figure not measured in another unit), or
	 * free.
	 */
	MONEY("price or cost"),

	/** A figure with its unit: a length of time or of something. */
	MEASURE("figure with its unit"),

	/**
	 * How long or how soon: a figure with its unit, or a time told by when it ends ("by
	 * the end of the next working day", "within a week").
	 */
	DURATION("figure with its unit or when it ends"),

	/** A figure with its unit, or a word of frequency. */
	FREQUENCY("figure with its unit or how often"),

	/**
	 * A figure with a unit of length: how deep, tall, high or wide (not how far: "ten
	 * minutes' walk", "four hours apart").
	 */
	LENGTH("length"),

	/** A figure with a unit of weight: how heavy. */
	WEIGHT("weight"),

	/** A figure with a unit of speed: how fast. */
	SPEED("speed");

	/**
	 * A figure: digits, or a number written out ("forty boats", "three hundred"); "one"
	 * is left out, as it is more often a pronoun than a count.
	 */
	private static final String NUMBER = "(?:\\p{N}|\\b(?:two|three|four|five|six|seven|eight|nine|ten"
			+ "|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty"
			+ "|hundreds?|thousands?|millions?|billions?|dozens?|half)\\b)";

	private static final Pattern ANY_FIGURE = Pattern.compile(NUMBER + "|\\b(?:once|twice|none|no)\\b",
			Pattern.CASE_INSENSITIVE);

	/** The units of time, as sentences write them. */
	private static final String TIME_UNIT = "(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|nights?|weeks?"
			+ "|fortnights?|months?|years?|yrs?|decades?|centur(?:y|ies))";

	/** The units of length, as sentences write them. */
	private static final String LENGTH_UNIT = "(?:mm|cm|m|km|metres?|meters?|millimet(?:re|er)s?|centimet(?:re|er)s?"
			+ "|kilomet(?:re|er)s?|miles?|mi|feet|foot|ft|inch(?:es)?|yards?|yds?)";

	/** The units of weight, as sentences write them. */
	private static final String WEIGHT_UNIT = "(?:kg|g|grams?|kilograms?|kilos?|tonnes?|tons?|lbs?|pounds?|ounces?|oz)";

	/** The units of speed: "km/h", "knots", "kilometres an hour". */
	private static final String SPEED_UNIT = "(?:knots?|mph|km/h|kph|m/s|" + LENGTH_UNIT
			+ "\\s+(?:an?|per)\\s+(?:hour|minute|second))";

	/** The units of time, length, area, volume, weight, speed and temperature. */
	private static final String MEASURED_UNIT = "(?:" + TIME_UNIT + "|" + LENGTH_UNIT + "|" + WEIGHT_UNIT + "|"
			+ SPEED_UNIT + "|hectares?|ha|acres?|square|sq|litres?|liters?|l|ml|cl|gallons?|pints?|m²|km²|m2|km2"
			+ "|°\\s?[CF]|degrees?)";

	/** The units of a measure, and of a share. */
	private static final String UNIT = "(?:" + MEASURED_UNIT + "|per ?cent|%)";

	/**
	 * A figure, at most two words, then its unit: "40 minutes", "7 working days", "38
	 * mm".
	 */
	private static final Pattern WITH_UNIT = withUnit(UNIT);

	private static final Pattern WITH_LENGTH = withUnit(LENGTH_UNIT);

	private static final Pattern WITH_WEIGHT = withUnit(WEIGHT_UNIT);

	private static final Pattern WITH_SPEED = withUnit(SPEED_UNIT);

	private static final Pattern OFTEN = Pattern.compile(
			"\\b(?:every|each|once|twice|times|daily|weekly|monthly|yearly|annually|hourly|nightly)\\b",
			Pattern.CASE_INSENSITIVE);

	/**
	 * What says a thing costs nothing. A sum itself is any figure: currencies are many,
	 * forums write amounts bare ("about 900", "240k") and charges as shares ("0.95%").
	 */
	private static final Pattern FREE = Pattern
		.compile("\\bfree\\b|\\bno (?:cost|charge|fee)s?\\b|\\bwithout (?:charge|cost)\\b", Pattern.CASE_INSENSITIVE);

	/** A sum without its currency: a figure ("about 900"), not "no" or "once". */
	private static final Pattern SUM = Pattern.compile(NUMBER, Pattern.CASE_INSENSITIVE);

	/**
	 * A date, its day and year with the month's name: "2 May 1887", "August 14, 1898",
	 * "June 2024" (a year before 1900 without a word of time is no year to
	 * {@link Periods}); or a time of day: "17:05", "6 pm".
	 */
	private static final Pattern DATE = Pattern.compile("(?:\\b\\p{N}{1,2}(?:st|nd|rd|th)?\\s+)?\\b(?:January|February"
			+ "|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug"
			+ "|Sept?|Oct|Nov|Dec)\\b\\.?(?:\\s+\\p{N}{1,2}(?:st|nd|rd|th)?\\b,?)?(?:\\s+\\p{N}{4}\\b)?"
			+ "|\\b\\p{N}{1,2}(?::\\p{N}{2}\\b(?:\\s?(?i:[ap]\\.?m)\\b\\.?)?|(?:[.:]\\p{N}{2})?\\s?(?i:[ap]\\.?m)\\b\\.?)");

	/** A figure written out: "forty", "a hundred". */
	private static final Pattern WRITTEN_OUT = Pattern.compile(NUMBER.replace("\\p{N}|", ""), Pattern.CASE_INSENSITIVE);

	/**
	 * The names of currencies and of their parts, as English writes them after a sum:
	 * what a noun after a figure is when the figure is money.
	 */
	private static final Pattern CURRENCY_NAME = Pattern
		.compile("dollars?|euros?|pounds?|pence|cents?|francs?|krona|kronor|kron[ae]r?|crowns?|yen|yuan|rupees?"
				+ "|pesos?|rand|zlotys?|marks?|shillings?|lir[ae]|liras|dinars?|dirhams?|riyals?|won|baht|ringgits?"
				+ "|r[o]?ubles?|bucks?|quid|grand|usd|eur|gbp|chf");

	/** A sum written with its currency: "£40", "40 euros", "USD 12". */
	private static final Pattern CURRENCY = Pattern.compile("[$£€¥₹]\\s?\\p{N}|\\p{N}\\s?(?:dollars?|euros?|pounds|"
			+ "pence|cents?|francs?|krona|kronor|kroner|yen|rupees?|USD|EUR|GBP)\\b|\\b(?:USD|EUR|GBP)\\s?\\p{N}");

	/**
	 * A figure measured in a unit other than money's: "two years", "1.4 litres", "96
	 * metres" give no price. A share is left, as charges are written as shares, and so is
	 * a sum for a length of time ("300 a year", "40 per night"): a rate.
	 */
	private static final Pattern NOT_MONEY = withUnit("(?![\\p{N},.]*\\s+(?:an?|per|each|every)\\s)", MEASURED_UNIT);

	/**
	 * How much it costs, what is the fee: the asking of a price ({@link Asks#QUANTITY}).
	 */
	private static final Pattern ASKS_MONEY = Pattern
		.compile("\\bhow much (?:is|are|was|were|would|will|for)\\b(?! there)"
				+ "|\\bhow much\\b.*\\b(?:costs?|costing|pay|paid|charged?|charges|price[sd]?|fees?|earns?|spend"
				+ "|spent|worth|salary|salaries|wages?)\\b"
				+ "|\\bwhat(?:'s|’s|\\s+(?:is|was|are|were|does|did|do|would|will|might))\\b.*\\b(?:costs?|price"
				+ "|prices|fees?|charges?)\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern ASKS_OFTEN = Pattern.compile("\\bhow (?:often|frequently)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern ASKS_MEASURE = Pattern
		.compile("\\bhow (?:long|far|big|large|wide|deep|tall|high|heavy|fast|old|soon)\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern ASKS_LENGTH = Pattern.compile("\\bhow (?:wide|deep|tall|high)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern ASKS_WEIGHT = Pattern.compile("\\bhow heavy\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern ASKS_DURATION = Pattern.compile("\\bhow (?:long|soon)\\b", Pattern.CASE_INSENSITIVE);

	/**
	 * A time told by when it ends, or by one of its units: "the next working day", "the
	 * same day", "the following week", "within a month", "a fortnight".
	 */
	private static final Pattern ENDS = Pattern.compile("\\b(?:(?:the\\s+)?(?:next|same|following)\\s+(?:working\\s+"
			+ "|business\\s+)?|(?:within|in|for|takes?|lasts?|up to)\\s+an?\\s+)(?:day|week|fortnight|month|year)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern ASKS_SPEED = Pattern.compile("\\bhow fast\\b", Pattern.CASE_INSENSITIVE);

	private final String said;

	Measures(String said) {
		this.said = said;
	}

	/**
	 * @param question a question of a quantity, as asked
	 * @return what it asks to be given
	 */
	static Measures asked(String question) {
		if (ASKS_MONEY.matcher(question).find()) {
			return MONEY;
		}
		if (ASKS_OFTEN.matcher(question).find()) {
			return FREQUENCY;
		}
		if (ASKS_LENGTH.matcher(question).find()) {
			return LENGTH;
		}
		if (ASKS_WEIGHT.matcher(question).find()) {
			return WEIGHT;
		}
		if (ASKS_SPEED.matcher(question).find()) {
			return SPEED;
		}
		if (ASKS_DURATION.matcher(question).find()) {
			return DURATION;
		}
		return ASKS_MEASURE.matcher(question).find() ? MEASURE : FIGURE;
	}

	/**
	 * Where a question asks a second thing: "and", a comma or a semicolon before a
	 * question word ("how many staff does she have and how long has she been there?").
	 */
	private static final Pattern NEXT_ASKED = Pattern.compile("(?:[?;]|,?\\s+and\\b|,)\\s*(?=(?:how|what|which)\\b)",
			Pattern.CASE_INSENSITIVE);

	/**
	 * @param question a question of one quantity or of several ("how many staff and how
	 * long has she been there?")
	 * @return what each of its quantities asks to be given, the first first: a sentence
	 * that gives one of them answers it in part
	 */
	static List<Measures> allAsked(String question) {
		List<Measures> asked = Arrays.stream(NEXT_ASKED.split(question))
			.filter((part) -> Asks.of(part) == Asks.QUANTITY)
			.map(Measures::asked)
			.distinct()
			.toList();
		return asked.isEmpty() ? List.of(asked(question)) : asked;
	}

	/**
	 * @return whether it is a count or a sum, often written of what the sentence calls
	 * otherwise ("62 deaths" for people), not beside what it measures
	 */
	boolean countOrSum() {
		return this == FIGURE || this == MONEY;
	}

	/**
	 * @param sentence a sentence of the sources
	 * @return whether it gives what is asked
	 */
	boolean givenBy(String sentence) {
		// a year is no quantity: "founded in 1860" gives no price (a year before 1900 is
		// one after a word of time)
		String text = Periods.YEAR.matcher(Periods.normalize(sentence)).replaceAll(" ");
		for (String year : Periods.years(sentence)) {
			text = text.replaceAll("(?<!\\p{N})" + year + "(?!\\p{N})", " ");
		}
		return switch (this) {
			case FIGURE -> ANY_FIGURE.matcher(text).find();
			case MONEY -> CURRENCY.matcher(text).find() || FREE.matcher(text).find()
					|| sum(NOT_MONEY.matcher(text).replaceAll(" "));
			case MEASURE -> WITH_UNIT.matcher(text).find();
			case DURATION -> WITH_UNIT.matcher(text).find() || ENDS.matcher(text).find();
			case FREQUENCY -> WITH_UNIT.matcher(text).find() || OFTEN.matcher(text).find();
			case LENGTH -> WITH_LENGTH.matcher(text).find();
			case WEIGHT -> WITH_WEIGHT.matcher(text).find();
			case SPEED -> WITH_SPEED.matcher(text).find();
		};
	}

	/**
	 * Whether a text with no unit of measure writes a sum: a figure written out, or one
	 * in digits that is no date and counts no thing, as the noun after it would ("310
	 * passengers", "2 May") or "of" ("63 of the crew"), unless that noun is a currency's
	 * ("1,200 crowns").
	 */
	private static boolean sum(String written) {
		String text = DATE.matcher(written).replaceAll(" ");
		if (!SUM.matcher(text).find()) {
			return false;
		}
		if (WRITTEN_OUT.matcher(text).find()) {
			return true;
		}
		return Nouns.afterFigures(text)
			.stream()
			.anyMatch((word) -> word == null || CURRENCY_NAME.matcher(word.text()).matches()
					|| !("NOUN".equals(word.tag()) || "PROPN".equals(word.tag()) || "of".equals(word.text())));
	}

	/** A figure, at most two words, then one of the units. */
	private static Pattern withUnit(String units) {
		return withUnit("", units);
	}

	/**
	 * A figure that {@code lead} lets stand, at most two words, then one of the units. An
	 * ordinal ("the 20th week") says which one, not how many: no measure.
	 */
	private static Pattern withUnit(String lead, String units) {
		return Pattern.compile(
				lead + "(?:" + NUMBER + "|\\b(?:a few|several|a couple of)\\b)[\\p{N},.\\s–-]*"
						+ "(?!(?:st|nd|rd|th)\\b)(?:[\\p{L}-]+\\s+){0,2}?" + units + "(?![\\p{L}])",
				Pattern.CASE_INSENSITIVE);
	}

	/**
	 * @return what the answer says the passages found do not give: "no price or cost"
	 */
	String missing() {
		return this.said;
	}

}
