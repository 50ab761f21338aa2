package dev.ragchat.answer.whole;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.util.ULocale;
import dev.ragchat.retrieval.query.StopWords;

/**
 * The name a sentence gives of each document: the party it defines as the term asked
 * ({@code Acme Ltd (the "Supplier")}), as contracts name their parties, else the first
 * name it writes that the question does not. Written here because it reads the asked
 * words as {@link Says} stems them.
 */
final class Names {

	/**
	 * A term a sentence defines, as contracts do: {@code Acme Ltd (the "Supplier")},
	 * {@code ("Supplier")}, {@code (hereinafter the "Supplier")}.
	 */
	private static final Pattern DEFINED = Pattern.compile(
			"\\((?:hereinafter\\s+(?:called\\s+)?)?(?:the\\s+)?[\"\u201c\u2018']([^\"\u201c\u201d\u2018\u2019']{1,40})[\"\u201d\u2019']\\)",
			Pattern.CASE_INSENSITIVE);

	/**
	 * Where the name a term defines begins: after "between" or "by", the term defined
	 * before it ({@code (the "Customer") and}) or a semicolon.
	 */
	private static final Pattern PARTY_START = Pattern
		.compile("(?i)(?:^|\\s)(?:between|by)\\s+|[\"\u201d\u2019']\\)\\s*,?\\s*(?:and\\s+)?|;\\s*");

	/** Where it ends: its place or its description after a comma, "of" or a bracket. */
	private static final Pattern PARTY_END = Pattern.compile(",|\\s+of\\s+|\\s*\\(");

	/** A country's language to the country ({@link #peoples()}), as stems. */
	private static final Map<String, String> PEOPLES = peoples();

	/** How many first letters two forms of a name share ("Norw-ay", "Norw-egian"). */
	static final int NAME_STEM = 4;

	/** Capitalised words one after another: a name of its own. */
	private static final Pattern LONGER_NAME = Pattern
		.compile("\\p{Lu}[\\p{L}'\u2019-]*(?:[ \\t]+\\p{Lu}[\\p{L}'\u2019-]*)+");

	private Names() {
	}

	/**
	 * Whether a sentence writes a name in another form of the same word: its first
	 * {@value #NAME_STEM} letters ("Norway", "Norwegian"; "Japan", "Japanese").
	 */
	static boolean named(String name, List<String> words) {
		return named(name, words, words);
	}

	/**
	 * Whether a sentence writes a name in another form of the same word, its first
	 * letters read only in the words that stand outside a longer name ({@link #alone}:
	 * "Norwick Systems DAC" names no Norway). The words outside longer names are read
	 * only for a sentence that names it at all: most of a scan's sentences do not.
	 */
	static boolean named(String name, List<String> words, String sentence) {
		return named(name, words) && named(name, words, alone(sentence));
	}

	private static boolean named(String name, List<String> words, List<String> alone) {
		String place = PEOPLES.get(name);
		return (name.length() > NAME_STEM && alone.stream()
			.anyMatch((word) -> word.length() > NAME_STEM && word.regionMatches(0, name, 0, NAME_STEM)))
				|| (place != null && words.contains(place))
				|| words.stream().anyMatch((word) -> name.equals(PEOPLES.get(word)));
	}

	/**
	 * @param sentence a sentence
	 * @return the stems of its words but those of a run of capitalised words, the name of
	 * something of its own ("For Norwick Systems DAC")
	 */
	private static List<String> alone(String sentence) {
		return Stems.of(LONGER_NAME.matcher(sentence).replaceAll(" "));
	}

	/**
	 * The name of a country's language, as a stem, to that of the country where ICU's
	 * likely subtags place it ("danish": "denmark", "dutch": "netherland"): how English
	 * names the law or the people of a country when their first letters differ.
	 */
	private static Map<String, String> peoples() {
		Map<String, String> peoples = new HashMap<>();
		for (String language : ULocale.getISOLanguages()) {
			String country = ULocale.addLikelySubtags(new ULocale(language)).getCountry();
			String said = new ULocale(language).getDisplayLanguage(ULocale.ENGLISH);
			String named = new ULocale("", country).getDisplayCountry(ULocale.ENGLISH);
			if (!country.isEmpty() && said.matches("\\p{L}+") && named.matches("(?:the )?\\p{L}+")) {
				peoples.putIfAbsent(Stems.stem(said), Stems.stem(named.replaceFirst("^the ", "")));
			}
		}
		return Map.copyOf(peoples);
	}

	/**
	 * @param language the name of a people or language, as a stem ("danish")
	 * @return its country's name, as a stem ("denmark"), or {@code null}
	 */
	static String place(String language) {
		return PEOPLES.get(language);
	}

	/**
	 * @param sentence a sentence that says what is asked
	 * @return the name it gives: the one it defines as what is asked ("Kvalmere Packaging
	 * ApS" of {@code Kvalmere Packaging ApS (the "Supplier")}), else the first name it
	 * writes that the question does not ("Norway" of "governed by the laws of Norway"),
	 * or {@code null}
	 */
	static String name(String sentence, List<String> asked) {
		int defined = definition(sentence, asked);
		if (defined >= 0) {
			String before = sentence.substring(0, defined);
			Matcher start = PARTY_START.matcher(before);
			int from = 0;
			while (start.find()) {
				from = start.end();
			}
			String party = PARTY_END.split(before.substring(from), 2)[0].strip();
			return party.isEmpty() ? null : party;
		}
		List<String> run = new ArrayList<>();
		String[] tokens = sentence.split("\\s+");
		for (int i = 0; i < tokens.length; i++) {
			String token = tokens[i].replaceAll("^\\W+|[\\W&&[^.]]+$|'s$", "");
			boolean capital = !token.isEmpty() && Character.isUpperCase(token.charAt(0)) && !StopWords.contains(token)
					&& !asked.contains(Stems.stem(token));
			if (capital || (!run.isEmpty() && (token.equals("and") || token.equals("of")))) {
				// "England and Wales", "Bank of England": the small word is part of the
				// name
				run.add(token);
			}
			else if (!run.isEmpty()) {
				break;
			}
			if (!run.isEmpty() && tokens[i].matches(".*[,;:]$")) {
				break;
			}
		}
		while (!run.isEmpty() && !Character.isUpperCase(run.get(run.size() - 1).charAt(0))) {
			run.remove(run.size() - 1);
		}
		return run.isEmpty() ? null : String.join(" ", run).replaceAll("\\.$", "");
	}

	/**
	 * @param sentence a sentence
	 * @return whether it defines what is asked as a term ({@code (the "Supplier")})
	 */
	static boolean defines(String sentence, List<String> asked) {
		return definition(sentence, asked) >= 0;
	}

	/** Where the sentence defines what is asked as a term, or -1. */
	private static int definition(String sentence, List<String> asked) {
		Matcher defined = DEFINED.matcher(sentence);
		while (defined.find()) {
			if (asked.containsAll(Stems.of(defined.group(1)))) {
				return defined.start();
			}
		}
		return -1;
	}

}
