package dev.ragchat.answer.judge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.ragchat.answer.Clarification;
import dev.ragchat.answer.text.Kinds;
import dev.ragchat.answer.text.Overlap;
import dev.ragchat.answer.text.Qualifiers;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.query.StopWords;

/**
 * Asks back when a message names a thing by a name that several documents are titled with
 * and none is titled by alone: "When was Eke born?" over the pages "Tomas Eke" and
 * "Anders Eke", "How does The Salt Winter end?" over "The Salt Winter (novel)" and "The
 * Salt Winter (film)". A title is of the name when it ends with it (a family name after a
 * given name) or is the name with a qualifier in brackets, as encyclopedias title things
 * of one name. The answer would otherwise stitch both together.
 * <p>
 * It answers instead when a title is the name alone (that is the thing meant), when a
 * word of the message is in some of the titles or their passages and not in all ("the
 * film"), or when the answer before wrote one of the titles and not all. The extract's
 * judge (a language model may ask back itself), like {@link Readings}.
 */
public final class SharedName implements Judge {

	/** Its name in an answer's trace. */
	static final String NAME = "shared-name";

	/**
	 * Words written with capitals one after another, a figure within a word its part:
	 * "The Salt Winter", "Eke", "COVID-19".
	 */
	private static final Pattern NAME_WORDS = Pattern
		.compile("\\p{Lu}[\\p{L}\\p{N}'’-]*(?:\\s+\\p{Lu}[\\p{L}\\p{N}'’-]*)*");

	/** A year, as a title writes one: "2021". */
	private static final Pattern YEAR = Pattern.compile("(?:1[89]|2[01])\\d\\d");

	@Override
	public Verdict judge(Judged judged) {
		String message = judged.message();
		if (judged.media() || message == null) {
			return Verdict.answerable(judged.sources());
		}
		Matcher written = NAME_WORDS.matcher(message + "\n" + unwritten(message, judged.sources()));
		while (written.find()) {
			List<String> name = plain(written.group());
			// the words that only stand first in a sentence ("When", "The")
			while (!name.isEmpty() && StopWords.contains(name.get(0))) {
				name = name.subList(1, name.size());
			}
			Map<String, List<ScoredChunk>> readings = name.isEmpty() ? Map.of() : titled(name, judged.sources());
			if (readings.size() < 2 || tellsApart(message, name, readings)
					|| Readings.saidBefore(judged.answered(), readings.keySet())) {
				continue;
			}
			List<Clarification.Reading> offered = new ArrayList<>();
			readings.forEach((label, sources) -> {
				if (offered.size() < Readings.MAX_READINGS) {
					offered.add(new Clarification.Reading(label, judged.sources().indexOf(sources.get(0)) + 1));
				}
			});
			String asked = String.join(" ", name);
			Verdict verdict = Verdict.clarify(judged.sources(), new Clarification(written.group().strip(), offered));
			if (judged.decisions().on()) {
				judged.decisions()
					.decided(NAME, verdict,
							"the message names '" + asked + "', which " + readings.size()
									+ " documents are titled with (" + String.join("; ", readings.keySet())
									+ ") and none alone; nothing in it tells them apart");
			}
			return verdict;
		}
		return Verdict.answerable(judged.sources());
	}

	/**
	 * The titles of the sources' documents that are of the name, each with the sources of
	 * its document; none when a title is the name alone.
	 */
	private static Map<String, List<ScoredChunk>> titled(List<String> name, List<ScoredChunk> sources) {
		Map<String, List<ScoredChunk>> readings = new LinkedHashMap<>();
		Map<String, String> byDocument = new LinkedHashMap<>();
		for (ScoredChunk source : sources) {
			String document = source.chunk().documentId();
			if (!byDocument.containsKey(document)) {
				String title = source.chunk().title().strip();
				for (String part : Readings.TITLE_PARTS.split(title)) {
					String unqualified = Qualifiers.unqualified(part).strip();
					List<String> bare = withoutArticle(plain(unqualified));
					boolean qualifier = !unqualified.equals(part.strip());
					if (bare.equals(name) && !qualifier) {
						return Map.of();
					}
					if ((bare.equals(name) && qualifier) || givenNames(unqualified, bare, name)
							|| numbered(bare, name)) {
						byDocument.put(document, part.strip());
						break;
					}
				}
			}
			String label = byDocument.get(document);
			if (label != null) {
				readings.computeIfAbsent(label, (key) -> new ArrayList<>()).add(source);
			}
		}
		return readings;
	}

	/**
	 * Whether the title is a person's name that ends with the name asked: one or two
	 * given names before it, each written with a capital ("Tomas Eke"; not "Getting
	 * started with IBM Cloud").
	 */
	private static boolean givenNames(String title, List<String> bare, List<String> name) {
		int before = bare.size() - name.size();
		if (before < 1 || before > 2 || !bare.subList(before, bare.size()).equals(name)) {
			return false;
		}
		String[] words = title.split("\\s+");
		return words.length == bare.size() && Arrays.stream(words)
			.limit(before)
			.allMatch((word) -> Character.isUpperCase(word.charAt(0)) && !StopWords.contains(plain(word).get(0)));
	}

	/**
	 * Whether the title is the name with a number after it: a strength, a size or a
	 * version of one thing ("Velanor 200 mg Tablets" and "Velanor 400 mg Tablets" of
	 * "Velanor"; not "IBM Cloud Object Storage" of "IBM Cloud"). A year is no version:
	 * "Corning 2021 10-K" and "Corning 2022 10-K" are one company's filings, told apart
	 * by the period a question asks.
	 */
	private static boolean numbered(List<String> bare, List<String> name) {
		return bare.size() > name.size() && bare.subList(0, name.size()).equals(name)
				&& Character.isDigit(bare.get(name.size()).charAt(0)) && !YEAR.matcher(bare.get(name.size())).matches();
	}

	/**
	 * The words of a message written in lower case that are no English word WordNet
	 * knows, each written with a capital: names typed without one ("how long can I take
	 * velanor for?"). Only words a source's title writes are looked up: no other can name
	 * a reading.
	 */
	private static String unwritten(String message, List<ScoredChunk> sources) {
		Set<String> titled = new HashSet<>();
		sources.forEach((source) -> titled.addAll(plain(source.chunk().title())));
		return Arrays.stream(message.split("[^\\p{L}\\p{N}'’-]+"))
			.filter((word) -> word.length() > 2 && Character.isLowerCase(word.charAt(0)))
			.filter((word) -> titled.contains(word.toLowerCase(Locale.ROOT)))
			.filter((word) -> !StopWords.contains(word) && !Kinds.english(word))
			.map((word) -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
			.collect(Collectors.joining("\n"));
	}

	/** The words without the article a title may open with ("The Salt Winter"). */
	private static List<String> withoutArticle(List<String> words) {
		return (!words.isEmpty() && StopWords.contains(words.get(0))) ? words.subList(1, words.size()) : words;
	}

	/**
	 * Whether a word of the message, other than the name's, is in some of the titles or
	 * their passages and not in all ("the film", "the viaduct" that one page speaks of).
	 */
	private static boolean tellsApart(String message, List<String> name, Map<String, List<ScoredChunk>> readings) {
		// versions of one thing ("Velanor 200 mg Tablets", "Velanor 400 mg Tablets") are
		// written alike but for their figures: only their titles say which is meant
		boolean versions = readings.keySet().stream().allMatch((label) -> numbered(plain(label), name));
		List<Set<String>> spoken = new ArrayList<>();
		readings.forEach((label, sources) -> {
			StringBuilder text = new StringBuilder(label);
			if (!versions) {
				sources.forEach((source) -> text.append('\n').append(source.chunk().text()));
			}
			spoken.add(Overlap.words(text.toString()));
		});
		for (String word : Overlap.words(message)) {
			long holding = spoken.stream().filter((words) -> words.contains(word)).count();
			if (!name.contains(word) && holding > 0 && holding < spoken.size()) {
				return true;
			}
		}
		// a number says which too, as the titles write it ("velanor 400")
		List<List<String>> titles = readings.keySet().stream().map(SharedName::plain).toList();
		return plain(message).stream()
			.filter((word) -> word.chars().allMatch(Character::isDigit))
			.anyMatch((figure) -> {
				long holding = titles.stream().filter((title) -> title.contains(figure)).count();
				return holding > 0 && holding < titles.size();
			});
	}

	/** The words, lower case, without punctuation. */
	private static List<String> plain(String text) {
		return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
			.filter((word) -> !word.isEmpty())
			.toList();
	}

}
