package dev.ragchat.answer.generate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ragchat.answer.AnswerGenerator.Question;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ScoredChunk;

/**
 * The versions a question asks ("What did version 1.7 add?", "v2.1", "release 5"), held
 * against what the extract may quote as the year asked is ({@link AskedPeriods}): a
 * sentence is of a version when it, its heading, its document's title or file name writes
 * it, after the word version (or v, release), or with a dot ("1.6"), so that "5 minutes"
 * is not version 5. Release notes that end at version 1.6 do not answer what version 1.7
 * added: the answer says which versions the sources give.
 * <p>
 * A numbered name is a version of its kind too ("Plan 3" of "Plan 1" and "Plan 2", route
 * "F5" of "F2" and "F4"): when the question asks one that no source writes, and a source
 * writes the same name with another number, the sources are of a family the knowledge
 * base knows but not of the one asked, and the answer says which ones they give. A name
 * whose number no source writes with any other is left to the judge: it may be written
 * out ("interleukin 6" of "IL-6").
 */
final class AskedVersions {

	/** A version as a question or a sentence writes it: after its word, or "v1.7". */
	private static final Pattern VERSION = Pattern
		.compile("\\b(?:versions?|release|v)\\s?(\\d+(?:\\.\\d+)*)(?![\\p{N}.]?\\p{N})", Pattern.CASE_INSENSITIVE);

	/** A number with a dot, which names a version without its word ("Fixed in 1.6"). */
	private static final Pattern DOTTED = Pattern.compile("(?<![\\p{N}.])\\d+\\.\\d+(?:\\.\\d+)*(?![\\p{N}.]?\\p{N})");

	/**
	 * A numbered name as a question writes it: capitals ("F5", "ATF4"), or a capitalised
	 * word not opening a sentence, then a space ("a Plan 3 loan"; "Rad3" is a name of its
	 * own, as genes are), then a number of up to three digits, no part of a larger
	 * figure.
	 */
	private static final Pattern NUMBERED = Pattern
		.compile("(?<![\\p{L}\\p{N}])(\\p{Lu}+(?=[ -]?\\d)|\\p{Lu}\\p{Ll}+(?=[ -]\\d))"
				+ "[ -]?(\\d{1,3})(?![\\p{L}\\p{N}%]|[.,:]\\p{N})");

	/** How many of the versions the sources give an answer names at most. */
	static final int NAMED = 3;

	private AskedVersions() {
	}

	/**
	 * @param text a question as asked
	 * @return the versions it asks, each once, in order
	 */
	static List<String> asked(String text) {
		Set<String> versions = new LinkedHashSet<>();
		Matcher matcher = VERSION.matcher(text);
		while (matcher.find()) {
			versions.add(plain(matcher.group(1)));
		}
		return List.copyOf(versions);
	}

	/**
	 * @param question the question and its sources
	 * @param candidates the sentences of the sources
	 * @param versions the versions asked
	 * @return the sentences of one of those versions, in their order
	 */
	static List<Candidate> of(Question question, List<Candidate> candidates, List<String> versions) {
		return candidates.stream().filter((candidate) -> {
			Set<String> written = written(context(question, candidate));
			return versions.stream().anyMatch(written::contains);
		}).toList();
	}

	/**
	 * @param candidates the sentences near the question
	 * @param question the question and its sources
	 * @param versions the versions asked
	 * @return what the answer says of the versions: those the sources give other than
	 * those asked, and those asked
	 */
	static String covered(Question question, List<Candidate> candidates, List<String> versions) {
		// only versions written after their word are named: a number with a dot may be a
		// price or a length
		Set<String> given = new LinkedHashSet<>();
		candidates.forEach((candidate) -> asked(context(question, candidate)).stream()
			.filter((version) -> !versions.contains(version))
			.forEach(given::add));
		String asked = String.join(" or ", versions);
		if (given.isEmpty()) {
			return "The passages found do not say which version they are of, and none is of version " + asked + ".";
		}
		List<String> named = given.stream().limit(NAMED).toList();
		return "The passages found give version " + String.join(", ", named) + ", not " + asked + ".";
	}

	/**
	 * @param question the question and its sources
	 * @return the numbered names it asks that no source writes, while one writes the name
	 * with another number, as the question writes them
	 */
	static List<String> otherNumbers(Question question) {
		List<String> missing = new ArrayList<>();
		Matcher asked = NUMBERED.matcher(question.text());
		while (asked.find()) {
			boolean opens = asked.group(1).length() > 1
					&& !asked.group(1).equals(asked.group(1).toUpperCase(Locale.ROOT))
					&& question.text().substring(0, asked.start()).strip().matches("(?s)|.*[.?!:]");
			if (opens) {
				// a sentence's first word is capitalised whatever it is ("Pay 300 a
				// month")
				continue;
			}
			Set<Integer> numbers = numbers(question, asked.group(1));
			if (!numbers.isEmpty() && !numbers.contains(Integer.parseInt(asked.group(2)))) {
				missing.add(asked.group());
			}
		}
		return missing;
	}

	/**
	 * @param question the question and its sources
	 * @param missing the numbered names asked that no source writes
	 * @return what the answer says of them: the numbers the sources give the name
	 */
	static String coveredNumbers(Question question, List<String> missing) {
		Set<String> given = new LinkedHashSet<>();
		for (String name : missing) {
			// the name's number as the question writes it: "Plan 2" of "Plan 3", "F2" of
			// "F5"
			String kind = name.replaceAll("[ -]?\\d+$", "");
			String between = name.substring(kind.length()).replaceAll("\\d", "");
			numbers(question, kind).stream().limit(NAMED).forEach((number) -> given.add(kind + between + number));
		}
		return "The passages found give " + String.join(", ", given) + ", not " + String.join(" or ", missing) + ".";
	}

	/**
	 * The numbers the sources (their text, headings, titles and file names) write after a
	 * name, in any case ("F2", "plan 1"), but for those of a larger figure ("F2.5").
	 */
	private static Set<Integer> numbers(Question question, String name) {
		Pattern numbered = Pattern.compile(
				"(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "[ -]?(\\d{1,3})(?![\\p{L}\\p{N}%]|[.,:]\\p{N})",
				Pattern.CASE_INSENSITIVE);
		Set<Integer> numbers = new TreeSet<>();
		for (ScoredChunk source : question.sources()) {
			Chunk chunk = source.chunk();
			Matcher written = numbered.matcher(chunk.text() + "\n" + chunk.headingPath() + "\n" + chunk.title() + "\n"
					+ chunk.filename().replaceAll("[_]+", " "));
			while (written.find()) {
				numbers.add(Integer.parseInt(written.group(1)));
			}
		}
		return numbers;
	}

	/** The versions a text writes, as a version (after its word) or with a dot. */
	private static Set<String> written(String text) {
		Set<String> versions = new LinkedHashSet<>(asked(text));
		Matcher dotted = DOTTED.matcher(text);
		while (dotted.find()) {
			versions.add(plain(dotted.group()));
		}
		return versions;
	}

	/** A version without the zeros it may end with: "4.0" is version 4. */
	private static String plain(String version) {
		return version.replaceAll("(\\.0+)+$", "");
	}

	/** A sentence with its chunk's heading, title and file name. */
	private static String context(Question question, Candidate candidate) {
		Chunk chunk = question.sources().get(candidate.source - 1).chunk();
		return (candidate.text + "\n" + chunk.headingPath() + "\n" + chunk.title() + "\n"
				+ chunk.filename().replaceAll("[_]+", " "))
			.toLowerCase(Locale.ROOT);
	}

}
