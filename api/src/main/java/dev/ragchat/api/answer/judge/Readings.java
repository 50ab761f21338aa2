package dev.ragchat.api.answer.judge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ragchat.api.answer.text.Overlap;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.query.StopWords;

/**
 * Asks back when a question cannot be resolved to one reading: it speaks of a particular
 * thing ("this county", "the park", "the loan"), the best passages come from documents
 * whose titles name several different things of that kind ("County of Tuolumne", "County
 * of Alameda"), and neither the question nor the subject its conversation supplied holds
 * a word that tells them apart. The answer is then a question that offers the readings
 * the documents hold, each cited, instead of an answer to a guess. Read from titles and
 * the question's words alone (a rule of how English points at one thing, the same for
 * every subject); the extract's judge, since a language model may ask back itself.
 */
public final class Readings implements Judge {

	/** Its name in an answer's trace. */
	static final String NAME = "readings";

	/** How many readings a clarifying question offers at most. */
	static final int MAX_READINGS = 3;

	/** "the park", "this County", "that loan": the kind of thing meant. */
	private static final Pattern DEFINITE = Pattern.compile(
			"\\b(?:the|this|that)\\s+([\\p{L}][\\p{L}'’-]*)(?:\\s+([\\p{L}][\\p{L}'’-]*))?", Pattern.CASE_INSENSITIVE);

	/** Where a page title's parts meet: "Civil | Superior Court | County of Tuolumne". */
	private static final Pattern TITLE_PARTS = Pattern.compile("\\s+[|–—-]\\s+|\\s*\\|\\s*");

	@Override
	public Verdict judge(Judged judged) {
		String query = judged.query().text();
		Set<String> asked = Overlap.words(query);
		for (String kind : kinds(query)) {
			if (modified(kind, query)) {
				continue;
			}
			Map<String, ScoredChunk> readings = readings(kind, judged.sources());
			if (readings.size() < 2 || tellsApart(asked, readings.keySet())) {
				continue;
			}
			List<String> labels = new ArrayList<>(readings.keySet()).subList(0,
					Math.min(MAX_READINGS, readings.size()));
			List<Clarification.Reading> offered = new ArrayList<>();
			for (String label : labels) {
				offered.add(new Clarification.Reading(label, judged.sources().indexOf(readings.get(label)) + 1));
			}
			Verdict verdict = Verdict.clarify(judged.sources(), new Clarification(kind, offered));
			if (judged.decisions().on()) {
				judged.decisions()
					.decided(NAME, verdict, "the question speaks of one " + kind + " and the best passages of "
							+ offered.size() + " (" + String.join("; ", labels) + "); nothing in it tells them apart");
			}
			return verdict;
		}
		return Verdict.answerable(judged.sources());
	}

	/**
	 * The kinds of thing the question points at with "the", "this" or "that", as one or
	 * two words ("park", "police department"), lower case.
	 */
	static List<String> kinds(String question) {
		List<String> kinds = new ArrayList<>();
		Matcher definite = DEFINITE.matcher(question);
		while (definite.find()) {
			String first = bare(definite.group(1));
			if (StopWords.contains(first) || Overlap.words(first).isEmpty()) {
				continue;
			}
			String second = (definite.group(2) != null) ? bare(definite.group(2)) : null;
			if (second != null && !StopWords.contains(second) && !Overlap.words(second).isEmpty() && Character
				.isUpperCase(definite.group(1).charAt(0)) == Character.isUpperCase(definite.group(2).charAt(0))) {
				kinds.add(first + " " + second);
			}
			kinds.add(first);
		}
		return kinds;
	}

	private static String bare(String word) {
		return word.replaceAll("['’]s?$", "").toLowerCase(Locale.ROOT);
	}

	/**
	 * The different things of the kind the sources' titles name, each with the first
	 * source that names it: the part of the title that holds the kind's words.
	 */
	private static Map<String, ScoredChunk> readings(String kind, List<ScoredChunk> sources) {
		Set<String> kindWords = Overlap.words(kind);
		Map<String, ScoredChunk> readings = new LinkedHashMap<>();
		Set<String> seen = new HashSet<>();
		for (ScoredChunk source : sources) {
			String title = source.chunk().title();
			if (title == null || title.isBlank()) {
				continue;
			}
			for (String part : TITLE_PARTS.split(title.strip())) {
				Set<String> words = Overlap.words(part);
				if (headed(part, kind) && words.containsAll(kindWords) && words.size() > kindWords.size()
						&& seen.add(String.join(" ", new java.util.TreeSet<>(words)))) {
					readings.putIfAbsent(part.strip(), source);
					break;
				}
			}
		}
		return readings;
	}

	/**
	 * Whether the kind is what the title's part names: its head, the last words of an
	 * English noun phrase ("Watkins Glen State Park", "Auburn Police Department") or its
	 * first words before "of" ("County of Tuolumne"). A part that only holds the word
	 * ("Set Routing Alpha", "Report Design Area") names something else.
	 */
	static boolean headed(String part, String kind) {
		List<String> words = java.util.Arrays.stream(part.split("[^\\p{L}\\p{N}&'’-]+"))
			.filter((word) -> !word.isEmpty())
			.map((word) -> bare(word))
			.toList();
		List<String> kindWords = java.util.Arrays.stream(kind.split(" ")).map(Readings::stem).toList();
		int n = kindWords.size();
		if (words.size() <= n) {
			return false;
		}
		List<String> last = words.subList(words.size() - n, words.size()).stream().map(Readings::stem).toList();
		List<String> first = words.subList(0, n).stream().map(Readings::stem).toList();
		return last.equals(kindWords) || (first.equals(kindWords) && "of".equals(words.get(n)));
	}

	/**
	 * Whether the question also writes the kind with a word of its own before it ("during
	 * macro placement … the placement"): it says which one it means.
	 */
	static boolean modified(String kind, String question) {
		Matcher modifier = Pattern
			.compile("([\\p{L}\\p{N}'’-]+)\\s+" + Pattern.quote(kind) + "s?\\b", Pattern.CASE_INSENSITIVE)
			.matcher(question);
		while (modifier.find()) {
			String before = bare(modifier.group(1));
			if (!StopWords.contains(before) && !Overlap.words(before).isEmpty()) {
				return true;
			}
		}
		return false;
	}

	private static String stem(String word) {
		return (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) ? word.substring(0, word.length() - 1)
				: word;
	}

	/**
	 * Whether the question holds a word that one reading has and another has not.
	 */
	private static boolean tellsApart(Set<String> asked, Set<String> labels) {
		List<Set<String>> words = labels.stream().map(Overlap::words).toList();
		Set<String> common = new HashSet<>(words.get(0));
		words.forEach(common::retainAll);
		for (Set<String> reading : words) {
			for (String word : reading) {
				if (!common.contains(word) && asked.contains(word)) {
					return true;
				}
			}
		}
		return false;
	}

}
