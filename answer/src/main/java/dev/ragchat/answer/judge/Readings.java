package dev.ragchat.answer.judge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.ragchat.answer.Clarification;
import dev.ragchat.answer.text.Overlap;
import dev.ragchat.answer.text.Pointed;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.query.StopWords;

/**
 * Asks back when a question cannot be resolved to one reading: it speaks of a particular
 * thing ("this county", "the park", "the loan"), the best passages name several different
 * things of that kind, and neither the question nor the subject its conversation supplied
 * holds a word that tells them apart, nor did the answer before name one without the
 * others. The answer is then a question that offers the readings the documents hold, each
 * cited, instead of an answer to a guess.
 * <p>
 * The things of a kind are read where documents name them: in their titles ("County of
 * Tuolumne", "Superior Court of California | County of Alameda") and, when the question
 * points with "this" or "that" at something its conversation never named, also in their
 * text, as a name the kind heads ("Auburn Police Department", "Europa Clipper mission").
 * A word of the question tells the readings apart when one reading holds it and the
 * passages of another do not speak of it at all. Read from the question's words alone (a
 * rule of how English points at one thing, the same for every subject); the extract's
 * judge, since a language model may ask back itself.
 */
public final class Readings implements Judge {

	/** Its name in an answer's trace. */
	static final String NAME = "readings";

	/** How many readings a clarifying question offers at most. */
	static final int MAX_READINGS = 3;

	/** Where a page title's parts meet: "Civil | Superior Court | County of Tuolumne". */
	static final Pattern TITLE_PARTS = Pattern.compile("\\s+[|–—-]\\s+|\\s*\\|\\s*");

	/** A capitalised word of a name: "Auburn", "VA", "St.", "O'Neill". */
	private static final String NAME_WORD = "\\p{Lu}[\\p{L}\\p{N}'’.&-]*";

	@Override
	public Verdict judge(Judged judged) {
		String query = judged.query().text();
		Set<String> asked = words(query);
		for (Pointed.Kind kind : Pointed.kinds(query)) {
			if (modified(kind.words(), query)) {
				continue;
			}
			Map<String, ScoredChunk> readings = titled(kind.words(), judged.sources());
			if (readings.size() < 2 && kind.demonstrative()) {
				// "this clinic" with no clinic named before: the clinics the passages
				// name
				named(kind.words(), judged.sources()).forEach(readings::putIfAbsent);
			}
			if (readings.size() < 2 || tellsApart(asked, kind.words(), readings)
					|| saidBefore(judged.answered(), readings.keySet())) {
				continue;
			}
			List<String> labels = new ArrayList<>(readings.keySet()).subList(0,
					Math.min(MAX_READINGS, readings.size()));
			List<Clarification.Reading> offered = new ArrayList<>();
			for (String label : labels) {
				offered.add(new Clarification.Reading(label, judged.sources().indexOf(readings.get(label)) + 1));
			}
			Verdict verdict = Verdict.clarify(judged.sources(), new Clarification(kind.words(), offered));
			if (judged.decisions().on()) {
				judged.decisions()
					.decided(NAME, verdict, "the question speaks of one " + kind.words() + " and the best passages of "
							+ offered.size() + " (" + String.join("; ", labels) + "); nothing in it tells them apart");
			}
			return verdict;
		}
		return Verdict.answerable(judged.sources());
	}

	/**
	 * The different things of the kind the sources' titles name, each with the first
	 * source that names it: the part of the title that holds the kind's words, with the
	 * part after it when several titles share that part ("Superior Court of California,
	 * County of Tuolumne" and "…, County of Alameda").
	 */
	static Map<String, ScoredChunk> titled(String kind, List<ScoredChunk> sources) {
		Set<String> kindWords = Overlap.words(kind);
		Map<String, List<String[]>> parts = new LinkedHashMap<>();
		Map<String, ScoredChunk> firstSource = new LinkedHashMap<>();
		for (ScoredChunk source : sources) {
			String title = source.chunk().title();
			if (title == null || title.isBlank()) {
				continue;
			}
			String[] split = TITLE_PARTS.split(title.strip());
			for (int i = 0; i < split.length; i++) {
				String part = split[i].strip();
				Set<String> words = words(part);
				if (headed(part, kind) && words.containsAll(kindWords) && words.size() > kindWords.size()) {
					String key = String.join(" ", new TreeSet<>(words));
					String after = (i + 1 < split.length) ? split[i + 1].strip() : "";
					parts.computeIfAbsent(key, (k) -> new ArrayList<>()).add(new String[] { part, after });
					firstSource.putIfAbsent(key + "\n" + after, source);
					break;
				}
			}
		}
		Map<String, ScoredChunk> readings = new LinkedHashMap<>();
		Set<String> seen = new HashSet<>();
		parts.forEach((key, named) -> {
			Set<String> afters = new LinkedHashSet<>();
			named.forEach((part) -> afters.add(part[1]));
			for (String[] part : named) {
				boolean qualified = afters.size() > 1 && !part[1].isEmpty();
				String label = qualified ? part[0] + ", " + part[1] : part[0];
				if (seen.add(String.join(" ", new TreeSet<>(words(label))))) {
					readings.put(label, firstSource.get(key + "\n" + part[1]));
				}
			}
		});
		return readings;
	}

	/**
	 * The different things of the kind the sources' text names, each with the first
	 * source that names it: names the kind heads ("Auburn Police Department", "Europa
	 * Clipper mission") or opens ("County of Alameda").
	 */
	static Map<String, ScoredChunk> named(String kind, List<ScoredChunk> sources) {
		String written = Arrays.stream(kind.split(" ")).map(Pattern::quote).collect(Collectors.joining("\\s+"));
		Pattern headedBy = Pattern.compile("((?:" + NAME_WORD + "\\s+){1,4})(?i:(" + written + ")s?)\\b");
		Pattern opening = Pattern
			.compile("\\b(?i:(" + written + "))\\s+of\\s+(" + NAME_WORD + "(?:\\s+" + NAME_WORD + "){0,3})");
		Set<String> kindWords = Overlap.words(kind);
		Map<String, ScoredChunk> readings = new LinkedHashMap<>();
		List<Set<String>> found = new ArrayList<>();
		for (ScoredChunk source : sources) {
			String text = source.chunk().text();
			List<String> names = new ArrayList<>();
			Matcher head = headedBy.matcher(text);
			while (head.find()) {
				String name = nameOf(head.group(1));
				if (!name.isEmpty()) {
					names.add(name + " " + head.group(2));
				}
			}
			Matcher open = opening.matcher(text);
			while (open.find()) {
				names.add(open.group(1) + " of " + open.group(2));
			}
			for (String name : names) {
				Set<String> words = new TreeSet<>();
				Overlap.words(name).forEach((word) -> words.add(Pointed.stem(word)));
				// "Unit Test" within "Python Unit Tests" is the same thing, named shorter
				if (words.size() > kindWords.size()
						&& found.stream().noneMatch((other) -> other.containsAll(words) || words.containsAll(other))) {
					found.add(words);
					readings.putIfAbsent(name, source);
				}
			}
		}
		return readings;
	}

	/**
	 * The name in capitalised words before a kind, without the words that only stand
	 * first in a sentence or heading ("The", "Our", "Contact"): empty when none is left.
	 */
	private static String nameOf(String words) {
		List<String> kept = new ArrayList<>(Arrays.asList(words.strip().split("\\s+")));
		while (!kept.isEmpty()
				&& (StopWords.contains(Pointed.bare(kept.get(0))) || Overlap.words(kept.get(0)).isEmpty())) {
			kept.remove(0);
		}
		return String.join(" ", kept);
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
			.map((word) -> Pointed.bare(word))
			.dropWhile(StopWords::contains)
			.toList();
		List<String> kindWords = java.util.Arrays.stream(kind.split(" ")).map(Pointed::stem).toList();
		int n = kindWords.size();
		if (words.size() <= n) {
			return false;
		}
		List<String> last = words.subList(words.size() - n, words.size()).stream().map(Pointed::stem).toList();
		List<String> first = words.subList(0, n).stream().map(Pointed::stem).toList();
		// "Hurricane Katrina", "Lake Tahoe": the kind before a name names one of them
		boolean named = part.strip().matches("(?i:" + Pattern.quote(kind) + ")s?\\s+\\p{Lu}.*");
		return last.equals(kindWords) || (first.equals(kindWords) && ("of".equals(words.get(n)) || named));
	}

	/**
	 * Whether the question also writes the kind with a common word of its own before it
	 * ("during macro placement … the placement"): it says which one it means.
	 */
	static boolean modified(String kind, String question) {
		Matcher modifier = Pattern
			.compile("([\\p{L}\\p{N}'’-]+)\\s+" + Pattern.quote(kind) + "s?\\b", Pattern.CASE_INSENSITIVE)
			.matcher(question);
		while (modifier.find()) {
			String before = Pointed.bare(modifier.group(1));
			boolean opens = question.substring(0, modifier.start()).matches("(?s).*[.?!:]\\s*|\\s*");
			if (Character.isUpperCase(modifier.group(1).charAt(0)) && !opens) {
				// a name before the kind ("that NASA mission", "this California county")
				// says where it is, not which one: the readings' own words tell that
				continue;
			}
			if (!StopWords.contains(before) && !Overlap.words(before).isEmpty()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the answer before wrote the names of some of the readings and not of all
	 * ("every night there needs a backcountry camping permit", then "What would the
	 * permit come to?"): the conversation says which one is meant.
	 */
	static boolean saidBefore(String answered, java.util.Collection<String> labels) {
		if (answered == null) {
			return false;
		}
		String said = answered.toLowerCase(java.util.Locale.ROOT);
		long written = labels.stream()
			.filter((label) -> said.contains(label.toLowerCase(java.util.Locale.ROOT)))
			.count();
		return written > 0 && written < labels.size();
	}

	/**
	 * The words that tell things apart: those {@link Overlap#words} reads, and the
	 * numbers, which name a model ("Ferro 24" and "Ferro 28" are two casseroles).
	 */
	private static Set<String> words(String text) {
		Set<String> words = Overlap.words(text);
		for (String word : text.split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty() && word.chars().allMatch(Character::isDigit)) {
				words.add(word);
			}
		}
		return words;
	}

	/**
	 * Whether the question holds a word, other than the kind's, that one reading has
	 * while another reading and its passage do not speak of it at all ("Minneapolis"
	 * against a clinic in Boston; not "services", which every clinic's page speaks of).
	 */
	private static boolean tellsApart(Set<String> asked, String kind, Map<String, ScoredChunk> readings) {
		Set<String> kindWords = Overlap.words(kind);
		List<Set<String>> labels = readings.keySet().stream().map(Readings::words).toList();
		List<Set<String>> spoken = readings.entrySet()
			.stream()
			.map((reading) -> words(reading.getKey() + "\n" + reading.getValue().chunk().title() + "\n"
					+ reading.getValue().chunk().text()))
			.toList();
		for (String word : asked) {
			if (kindWords.contains(word)) {
				continue;
			}
			for (int i = 0; i < labels.size(); i++) {
				if (!labels.get(i).contains(word)) {
					continue;
				}
				for (int j = 0; j < labels.size(); j++) {
					if (j != i && !spoken.get(j).contains(word)) {
						return true;
					}
				}
			}
		}
		return false;
	}

}
