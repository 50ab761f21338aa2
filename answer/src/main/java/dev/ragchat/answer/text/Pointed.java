package dev.ragchat.answer.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ragchat.retrieval.query.StopWords;

/**
 * How English points at one thing of a kind: "the park", "this county", "that NASA
 * mission". Read from the question's words alone (a rule of the language, the same for
 * every subject): the judge asks back when several things of the kind fit, and the
 * conversation's reader does not carry a subject that is no such thing. Written by hand:
 * no library here reads English noun phrases.
 */
public final class Pointed {

	/**
	 * "the park", "this County", "that loan", "your compost": the kind of thing meant, as
	 * the definite article, a demonstrative or a possessive points at one.
	 */
	private static final Pattern DEFINITE = Pattern.compile(
			"\\b(the|this|that|your|our)\\s+([\\p{L}][\\p{L}'’-]*)(?:\\s+([\\p{L}][\\p{L}'’-]*))?",
			Pattern.CASE_INSENSITIVE);

	/** The words that point at one thing most plainly: "this", "that". */
	private static final Pattern DEMONSTRATIVE = Pattern.compile("(?i)this|that");

	/** A noun in the plural: "rovers", "parks" (not "status", "analysis", "access"). */
	private static final Pattern PLURAL = Pattern.compile("(?i)\\p{L}{2,}(?<![sui])s");

	private Pointed() {
	}

	/**
	 * The kinds of thing the question points at with "the", "this", "that", "your" or
	 * "our", as one or two words ("park", "police department"); a name before a common
	 * noun ("that NASA mission", "this California county") points at the noun. Those
	 * pointed at with "this" or "that" come first: they say most plainly that one thing
	 * is meant.
	 */
	public static List<Kind> kinds(String question) {
		List<Kind> pointed = new ArrayList<>();
		List<Kind> definite = new ArrayList<>();
		Matcher matcher = DEFINITE.matcher(question);
		while (matcher.find()) {
			String first = bare(matcher.group(2));
			if (StopWords.contains(first) || Overlap.words(first).isEmpty()) {
				continue;
			}
			if (namedBefore(question.substring(0, matcher.start()),
					(matcher.group(3) != null) ? matcher.group(3) : matcher.group(2), matcher.group(2))) {
				// "the Python Unit Test `x` … this test": it points back within the
				// question
				continue;
			}
			List<Kind> kinds = !DEMONSTRATIVE.matcher(matcher.group(1)).matches() ? definite : pointed;
			boolean demonstrative = kinds == pointed;
			String second = (matcher.group(3) != null) ? bare(matcher.group(3)) : null;
			boolean noun = second != null && !StopWords.contains(second) && !Overlap.words(second).isEmpty();
			if (PLURAL.matcher(matcher.group(2)).matches() || (noun && PLURAL.matcher(matcher.group(3)).matches())) {
				// a noun in the plural ("the Mars rovers", "the parks") means all of
				// them,
				// not one
				continue;
			}
			boolean firstCapital = Character.isUpperCase(matcher.group(2).charAt(0));
			if (noun && firstCapital == Character.isUpperCase(matcher.group(3).charAt(0))) {
				kinds.add(new Kind(first + " " + second, demonstrative));
			}
			else if (noun && firstCapital) {
				kinds.add(new Kind(second, demonstrative));
			}
			kinds.add(new Kind(first, demonstrative));
		}
		pointed.addAll(definite);
		return pointed;
	}

	/**
	 * Whether the question, before it points, already wrote the thing's noun: what it
	 * points at is then what it wrote.
	 */
	private static boolean namedBefore(String before, String... nouns) {
		Set<String> written = new HashSet<>();
		for (String word : before.split("[^\\p{L}\\p{N}'’-]+")) {
			if (!word.isEmpty()) {
				written.add(stem(bare(word)));
			}
		}
		for (String noun : nouns) {
			String word = stem(bare(noun));
			if (!StopWords.contains(word) && written.contains(word)) {
				return true;
			}
		}
		return false;
	}

	public static String bare(String word) {
		return word.replaceAll("['’]s?$", "").toLowerCase(Locale.ROOT);
	}

	/**
	 * @param word a word
	 * @return its singular, roughly: a final "s" dropped ("parks", not "access")
	 */
	public static String stem(String word) {
		return (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) ? word.substring(0, word.length() - 1)
				: word;
	}

	/**
	 * A kind of thing the question points at.
	 *
	 * @param words one or two words, lower case ("park", "police department")
	 * @param demonstrative whether it is pointed at with "this" or "that", which says the
	 * reader knows which one is meant
	 */
	public record Kind(String words, boolean demonstrative) {
	}

}
