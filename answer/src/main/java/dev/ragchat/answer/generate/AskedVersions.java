package dev.ragchat.answer.generate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ragchat.answer.AnswerGenerator.Question;
import dev.ragchat.retrieval.Chunk;

/**
 * The versions a question asks ("What did version 1.7 add?", "v2.1", "release 5"), held
 * against what the extract may quote as the year asked is ({@link AskedPeriods}): a
 * sentence is of a version when it, its heading, its document's title or file name writes
 * it, after the word version (or v, release), or with a dot ("1.6"), so that "5 minutes"
 * is not version 5. Release notes that end at version 1.6 do not answer what version 1.7
 * added: the answer says which versions the sources give.
 */
final class AskedVersions {

	/** A version as a question or a sentence writes it: after its word, or "v1.7". */
	private static final Pattern VERSION = Pattern
		.compile("\\b(?:versions?|release|v)\\s?(\\d+(?:\\.\\d+)*)(?![\\p{N}.]?\\p{N})", Pattern.CASE_INSENSITIVE);

	/** A number with a dot, which names a version without its word ("Fixed in 1.6"). */
	private static final Pattern DOTTED = Pattern.compile("(?<![\\p{N}.])\\d+\\.\\d+(?:\\.\\d+)*(?![\\p{N}.]?\\p{N})");

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
