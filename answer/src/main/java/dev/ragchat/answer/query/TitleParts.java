package dev.ragchat.answer.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ragchat.answer.text.Kinds;
import dev.ragchat.answer.text.Overlap;
import dev.ragchat.answer.text.Qualifiers;
import dev.ragchat.retrieval.Chunk;

/**
 * How a turn writes a document's title: the parts of a title, whether a turn writes one
 * of them as a name of its own, and text as it reads.
 */
final class TitleParts {

	/** Where a title's parts meet: "Civil | Superior Court | County of Tuolumne". */
	private static final Pattern TITLE_PARTS = Pattern.compile("\\s+[|–—:-]\\s+|\\s*[|:]\\s*");

	/** What ends a sentence or opens a list: the word after it is capitalised anyway. */
	private static final Pattern OPENS = Pattern.compile("[.!?:;\\n]$");

	/** The words a turn may leave out of a title it names ("the"). */
	private static final Set<String> ARTICLES = Set.of("a", "an", "the");

	private TitleParts() {
	}

	/**
	 * Whether a one-word title is written only as the first word of a longer name ("Harl"
	 * of "the Harl Dockers' Union"): that name is what the turn speaks of.
	 */
	static boolean modifies(String text, String part) {
		if (part.strip().contains(" ")) {
			return false;
		}
		String word = "(?<![\\p{L}\\p{N}])(?i:" + Pattern.quote(part.strip()) + ")(?![\\p{L}\\p{N}])";
		int written = (int) Pattern.compile(word).matcher(text).results().count();
		return written > 0 && Pattern.compile(word + "['’]?s?\\s+\\p{Lu}").matcher(text).results().count() == written;
	}

	/** Whether a name is one code ("K3", "AX3000", "IBM"), not words ("Old Quay"). */
	static boolean code(String name) {
		return !name.isBlank() && !name.strip().contains(" ") && Mentions.CODE.matcher(name).find();
	}

	/**
	 * Whether a name is a model or a number written as one word ("B7", "AX3000") or in
	 * capitals ("IBM"): the thing itself, read whole. A code with a hyphen ("COVID-19")
	 * is not: the pages that hold it are many.
	 */
	static boolean model(String name) {
		return name.strip().matches("[\\p{L}\\p{N}]*\\p{N}[\\p{L}\\p{N}]*|\\p{Lu}{2,}");
	}

	/**
	 * The parts of a chunk's title, or its file name when it has none; a part that ends
	 * in a qualifier in brackets ("Ingrid (steamer)", "The Salt Winter (film)", as
	 * encyclopedias tell apart things of one name) also without it, the name it is called
	 * by.
	 */
	static List<String> parts(Chunk chunk) {
		List<String> parts = new ArrayList<>(List.of(TITLE_PARTS.split(chunk.title().strip())));
		for (String part : List.copyOf(parts)) {
			String name = Qualifiers.unqualified(part);
			if (!name.equals(part) && !Overlap.words(name).isEmpty()) {
				parts.add(name);
			}
		}
		if (chunk.title().isBlank()) {
			// a document without a title is named by its file name
			parts.add(chunk.filename().replaceFirst("\\.[A-Za-z0-9]{1,5}$", "").replaceAll("[_.]+", " "));
		}
		return parts;
	}

	/**
	 * The words of a title's parts and of its file name: a name may be what the file name
	 * holds ("3M" of "3M_2018_10K.pdf").
	 */
	static Set<String> titleWords(Chunk chunk, List<String> parts) {
		Set<String> titleWords = new LinkedHashSet<>();
		parts.forEach((part) -> titleWords.addAll(Overlap.words(part)));
		titleWords.addAll(Overlap.words(chunk.filename().replaceAll("[_.]+", " ")));
		return titleWords;
	}

	/**
	 * Whether the turn writes every word of a title's part, its small words too ("how
	 * does it work" does not name "Our Work"), but for an article.
	 */
	static boolean writes(String text, String part) {
		Set<String> written = new HashSet<>(Arrays.asList(plain(text).replaceAll("(?<=\\p{L}{3})s\\b", "").split(" ")));
		return Arrays.stream(plain(part).replaceAll("(?<=\\p{L}{3})s\\b", "").split(" "))
			.filter((word) -> !ARTICLES.contains(word))
			.allMatch(written::contains);
	}

	/**
	 * Whether a text writes the name of a title's part that is a name and its kind, with
	 * its capitals: several words, or one that opens no sentence or is no English word
	 * ("Hollowmere is the one"; a sentence's "Park" is no name of "Park rules").
	 */
	static boolean callsByName(String text, String part) {
		String name = Qualifiers.nameBeforeKind(part);
		if (name == null) {
			return false;
		}
		Matcher written = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}'’-])")
			.matcher(text);
		while (written.find()) {
			String before = text.substring(0, written.start()).strip();
			boolean opens = before.isEmpty() || OPENS.matcher(before).find();
			if (name.contains(" ") || !opens || !Kinds.english(name)) {
				return true;
			}
		}
		return false;
	}

	/** Lower case, one space between words, no punctuation: text as it reads. */
	static String plain(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

}
