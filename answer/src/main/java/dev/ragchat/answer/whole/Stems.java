package dev.ragchat.answer.whole;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ragchat.retrieval.query.StopWords;
import org.tartarus.snowball.ext.PorterStemmer;

/**
 * The words of a text as the Porter stemmer writes them ("days": "dai"), for the judge of
 * questions about the whole scope. A scan judges up to tens of thousands of passages,
 * whose words recur: each word is stemmed once and kept (a bounded cache, cleared when
 * full; the stemmer is Snowball's, which keeps no cache of its own and is not
 * thread-safe).
 */
final class Stems {

	/** How many words the cache holds before it starts again. */
	private static final int CACHED = 200_000;

	private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

	private static final ThreadLocal<PorterStemmer> STEMMER = ThreadLocal.withInitial(PorterStemmer::new);

	private static final Pattern POSSESSIVE = Pattern.compile("(?<=\\p{L})['\u2019]s\\b");

	private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	/**
	 * The prefixes that turn a word's meaning when a hyphen joins them to it: group 1 (a
	 * closed class of English).
	 */
	private static final Pattern PREFIXED = Pattern
		.compile("\\b(non|self|semi|anti|pseudo|quasi)[-\u2010\u2011](?=\\p{L})", Pattern.CASE_INSENSITIVE);

	private static final Pattern SMALL_WORD = Pattern.compile("\\p{Ll}{1,2}");

	private Stems() {
	}

	/**
	 * @param text a text
	 * @return its words as stems, but stop words and words of one or two small letters
	 */
	static List<String> of(String text) {
		List<String> stems = new ArrayList<>();
		// a possessive is the word it is of ("country's": country); a word of two small
		// letters is no term ("us" in "for us"), a code of two capitals is ("EU", "IT")
		// a word joined to a prefix that turns its meaning is one word ("self-catered",
		// "non-refundable"), not the word it ends with
		String words = PREFIXED.matcher(POSSESSIVE.matcher(Figures.withDigits(text)).replaceAll("")).replaceAll("$1");
		for (String word : NOT_A_WORD.split(words)) {
			if (!word.isEmpty() && !StopWords.contains(word) && !SMALL_WORD.matcher(word).matches()) {
				stems.add(stem(word));
			}
		}
		return stems;
	}

	/**
	 * @param text a text
	 * @param stems stems asked
	 * @return whether a prefix turns one of them in the text ("cater" in "self-catered"):
	 * it says the word does not hold, as "not" would
	 */
	static boolean turns(String text, List<String> stems) {
		Matcher prefixed = PREFIXED.matcher(text);
		while (prefixed.find()) {
			String[] after = NOT_A_WORD.split(text.substring(prefixed.end()), 2);
			if (after.length > 0 && !after[0].isEmpty() && stems.contains(stem(after[0]))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @param word a word, any case, with any marks around it
	 * @return its stem
	 */
	static String stem(String word) {
		String stem = CACHE.get(word);
		if (stem == null) {
			PorterStemmer stemmer = STEMMER.get();
			stemmer.setCurrent(NOT_A_WORD.matcher(word.toLowerCase(Locale.ROOT)).replaceAll(""));
			stemmer.stem();
			stem = stemmer.getCurrent();
			if (CACHE.size() >= CACHED) {
				CACHE.clear();
			}
			CACHE.put(word, stem);
		}
		return stem;
	}

}
