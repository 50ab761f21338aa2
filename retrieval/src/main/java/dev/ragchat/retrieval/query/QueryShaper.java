package dev.ragchat.retrieval.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.Assert;

/**
 * Shapes a question for search by general rules of written English, the same for every
 * index and every subject:
 * <ul>
 * <li>stop words ({@link StopWords}: "what", "does", "the") are left out, unless the
 * question has no other word;</li>
 * <li>words that pin the question down weigh more: names (a capital letter inside a
 * sentence, or two capitals, or letters and digits: "Contoso", "AMEX", "3M"; a month or a
 * day so written weighs as one but is no name) and periods ({@link Periods}, written as
 * their year);</li>
 * <li>a figure weighs as any other word: its rarity in the knowledge base says how much
 * it pins down, and a word built around one ("7-day-old") is split by the index into
 * parts that would otherwise all weigh as a name; an amount with a scale is also looked
 * for at the other scale ({@link Figures});</li>
 * <li>an abbreviation the question defines ("cash conversion cycle (CCC)") is explained
 * by the question itself, so it is no name;</li>
 * <li>with a context weight below 1, when a sentence of the question asks (ends with
 * "?"), the words of its other sentences (instructions such as "Round your answer to two
 * decimal places", definitions, context) weigh that much of the asking one's.</li>
 * </ul>
 */
public final class QueryShaper {

	/** How much more a name or period weighs than another word. */
	public static final float SPECIFIC_WEIGHT = 2f;

	private static final Pattern EDGES = Pattern.compile("^[^\\p{L}\\p{N}$]+|[^\\p{L}\\p{N}%]+$");

	private static final Pattern SENTENCE_END = Pattern.compile(".*[.?!:]['\")\\]]*$");

	private static final Pattern ACRONYM = Pattern
		.compile(".*\\p{Lu}.*\\p{Lu}.*|.*\\p{N}.*\\p{Lu}.*|.*\\p{Lu}.*\\p{N}.*");

	private static final Pattern NUMBER = Pattern.compile("[\\p{N},.%$/-]+");

	/**
	 * An abbreviation the question defines: "cash conversion cycle (CCC)", "CCC is
	 * defined as".
	 */
	private static final Pattern DEFINED = Pattern.compile(
			"\\(([\\p{L}&/]{2,})\\)|\\b([\\p{Lu}&/]{2,})\\s+(?:is|are|here is)\\s+(?:defined|calculated|computed)");

	private final float specificWeight;

	private final float contextWeight;

	/**
	 * A shaper with the default weights: names and periods 2, every sentence alike.
	 */
	public QueryShaper() {
		this(SPECIFIC_WEIGHT, 1);
	}

	/**
	 * @param specificWeight how much a name or period weighs (1: as much as any other
	 * word)
	 * @param contextWeight when the question has a sentence that asks (ends with "?"),
	 * how much the words of its other sentences (instructions, definitions, context)
	 * weigh against the asking one's (1: alike)
	 */
	public QueryShaper(float specificWeight, float contextWeight) {
		Assert.isTrue(specificWeight >= 1, "specificWeight must be at least 1");
		Assert.isTrue(contextWeight > 0 && contextWeight <= 1, "contextWeight must be in (0, 1]");
		this.specificWeight = specificWeight;
		this.contextWeight = contextWeight;
	}

	/**
	 * @param question what was asked
	 * @return the question shaped for search
	 */
	public ShapedQuery shape(String question) {
		Assert.hasText(question, "question must not be empty");
		Set<String> defined = defined(question);
		List<KeywordTerm> keywords = new ArrayList<>();
		List<KeywordTerm> stopWords = new ArrayList<>();
		Map<String, String> names = new LinkedHashMap<>();
		boolean sentenceStart = true;
		String[] tokens = question.strip().split("\\s+");
		boolean[] asking = asking(tokens);
		List<String> years = Periods.years(question);
		for (int t = 0; t < tokens.length; t++) {
			String token = tokens[t];
			float sentence = (asking[t]) ? 1 : this.contextWeight;
			boolean start = sentenceStart;
			sentenceStart = SENTENCE_END.matcher(token).matches();
			// the word without the punctuation around it ("`set_routing_alpha`," is
			// set_routing_alpha); the index's analyser splits it as it splits its text
			String word = EDGES.matcher(token).replaceAll("");
			if (word.isEmpty()) {
				continue;
			}
			// (a year before 1900 is one where a word of time stands before it)
			String year = years.contains(word) ? word : Periods.asYear(word);
			if (year != null) {
				keywords.add(new KeywordTerm(year, this.specificWeight * sentence, true));
				continue;
			}
			if (StopWords.contains(word)) {
				stopWords.add(new KeywordTerm(word, sentence));
				continue;
			}
			boolean number = NUMBER.matcher(word).matches();
			String bare = word.replaceAll("['’]s$", "");
			boolean specific = !number && !defined.contains(bare.toLowerCase(Locale.ROOT))
					&& (ACRONYM.matcher(bare).matches() || (Character.isUpperCase(bare.charAt(0)) && !start));
			// a month or a day pins the question down as a name does, but is a time, not
			// a thing a document is about
			if (specific && !Periods.isCalendarWord(bare.toLowerCase(Locale.ROOT))) {
				names.putIfAbsent(bare.toLowerCase(Locale.ROOT), bare);
			}
			keywords.add(new KeywordTerm(word, (specific ? this.specificWeight : 1) * sentence));
		}
		for (String amount : Figures.atOtherScale(question)) {
			keywords.add(new KeywordTerm(amount, 1));
		}
		return new ShapedQuery(question, keywords.isEmpty() ? stopWords : keywords, new ArrayList<>(names.values()),
				years);
	}

	/**
	 * Which tokens stand in a sentence that asks: all of them when no sentence ends with
	 * "?", else those of the sentences that do.
	 */
	private static boolean[] asking(String[] tokens) {
		boolean[] asking = new boolean[tokens.length];
		boolean any = false;
		int start = 0;
		for (int t = 0; t < tokens.length; t++) {
			boolean end = SENTENCE_END.matcher(tokens[t]).matches() || t == tokens.length - 1;
			if (end) {
				boolean asks = tokens[t].matches(".*\\?['\")\\]]*$");
				any |= asks;
				for (int i = start; i <= t; i++) {
					asking[i] = asks;
				}
				start = t + 1;
			}
		}
		if (!any) {
			java.util.Arrays.fill(asking, true);
		}
		return asking;
	}

	private static Set<String> defined(String question) {
		Set<String> defined = new HashSet<>();
		Matcher definitions = DEFINED.matcher(question);
		while (definitions.find()) {
			String term = (definitions.group(1) != null) ? definitions.group(1) : definitions.group(2);
			defined.add(term.toLowerCase(Locale.ROOT));
		}
		return defined;
	}

}
