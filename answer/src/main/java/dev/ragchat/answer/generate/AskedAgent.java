package dev.ragchat.answer.generate;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who did something, as a question asks it ("who bred it?", "who founded the museum",
 * "different question - who directed the film?"): answered only by a sentence that names
 * who did it, the way English names the doer of a deed: after "by" in the deed's clause
 * ("bred by Edwin Tarrant", "founded by the town council") or as the name before the verb
 * ("Per Lund directed it"). A sentence that only describes the thing ("Copper Lantern is
 * a climbing rose …") or uses the verb of something else ("the only pharmacy that opens
 * on Sundays") names no one. A rule of the language, the same for every subject; written
 * by hand as no library here reads the doer of a sentence.
 */
final class AskedAgent {

	/**
	 * "who" at the start of a clause, then the verb of the deed: not a form of "be",
	 * "do", "have" or a modal ("who is she", "who can use it" ask something else), not a
	 * word that only goes on asking ("who else"); a second verb joined to it ("who
	 * collects and maintains these data") asks of the same doer.
	 */
	private static final Pattern WHO_DID = Pattern.compile("(?:^|[.?!,;:–—-])\\W*(?:(?:and|but|so|ok|okay)\\W+)?who\\s+"
			+ "(?!(?:is|was|are|were|be|been|am|do|does|did|can|could|should|will|would|shall|may|might|must|has|have|had"
			+ "|else|exactly|here|there|in|of|at|on|to|among)\\b)(\\p{L}{3,})(?:\\s+(?:and|or)\\s+(?!(?:when|where|why|how|what|which|then)\\b)(\\p{L}{3,}))?\\b"
			+ "(\\s+(?:it|them|him|her|this|that|these|those|the|a|an|its|his|their|my|our|your|all)\\b)?",
			Pattern.CASE_INSENSITIVE);

	/** Articles and possessives a body named after "by" opens with. */
	private static final String ARTICLE = "(?:(?:the|a|an|its|his|her|their)\\s+)?";

	/**
	 * Words after which a verb has no object: a preposition's ("the pharmacy opened in
	 * 1988" says when it opened, not who opened it).
	 */
	private static final String NO_OBJECT = "(?:in|on|at|from|for|until|till|to|with|during|after|before|since|by"
			+ "|into|over|under|around|about|as|again|early|late)";

	/**
	 * Words after which a verb names no doer: a passive's, a relative clause's, a
	 * pronoun's.
	 */
	private static final String NOT_DOER = "(?:is|was|are|were|be|been|being|has|have|had|that|which|who|it|this)";

	/**
	 * A sentence whose deed is a passive, then in its clause a name after "by": the doer
	 * of what the sentence tells, whichever verb the question chose for it ("was opened
	 * in 1962 by Agnes Cole" for "who started it").
	 */
	private static final Pattern PASSIVE_BY = Pattern.compile("(?i:\\b(?:was|were|is|are|been|be|being)\\s+"
			+ "(?:\\p{L}+ly\\s+)?(?:\\p{L}+(?:ed|en|wn|ht|lt|nt)|made|led|held|run|set|begun|done|won|paid|laid)\\b)"
			+ "[^;:,]*?\\b(?i:by)\\s+(?i:" + ARTICLE + ")\\p{Lu}");

	/**
	 * The deed "by" someone ("founded by a group of farmers"), or the verb as asked after
	 * its doer ("Per Lund directed", "three keepers lived"), not after a word that makes
	 * it a passive or a clause of something else ("was founded", "the only one that
	 * opened").
	 */
	private final Pattern doneBy;

	/**
	 * The deed, then further in its clause a name after "by" ("opened in 1962 by Agnes
	 * Cole", "founded in 1890 by the Ossby council"); a name after "by" of another deed
	 * ("directed by Per Lund" for "who played him") names no one.
	 */
	private final Pattern doneLaterBy;

	/**
	 * @param verbs the verbs as asked ("opened")
	 * @param transitive whether the question gives them an object ("who opened it?"):
	 * then the verb as written after a doer needs one too, as a verb that also says what
	 * its subject did by itself does without ("Market Square Pharmacy opened in 1988")
	 */
	private AskedAgent(List<String> verbs, boolean transitive) {
		String asked = verbs.stream().map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")"));
		String stems = verbs.stream()
			.map(AskedAgent::stem)
			.map(Pattern::quote)
			.collect(Collectors.joining("|", "(?:", ")"));
		this.doneBy = Pattern.compile("(?i)\\b" + stems + "\\p{L}*\\s+by\\b|\\b(?!" + NOT_DOER + "\\b)\\p{L}+\\s+"
				+ asked + "\\b" + (transitive ? "(?=\\s+(?!" + NO_OBJECT + "\\b)\\p{L})" : ""));
		this.doneLaterBy = Pattern
			.compile("(?i:\\b" + stems + "\\p{L}*)\\b[^;:,]*?\\b(?i:by)\\s+(?i:" + ARTICLE + ")\\p{Lu}");
	}

	/**
	 * @param question a question as asked
	 * @return who it asks to be named, when it asks who did something
	 */
	static Optional<AskedAgent> asked(String question) {
		Matcher who = WHO_DID.matcher(question);
		if (!who.find()) {
			return Optional.empty();
		}
		List<String> verbs = Stream.of(who.group(1), who.group(2))
			.filter(Objects::nonNull)
			.map((verb) -> verb.toLowerCase(Locale.ROOT))
			.toList();
		return Optional.of(new AskedAgent(verbs, who.group(3) != null));
	}

	/**
	 * @param sentence a sentence of the sources
	 * @return whether it names who did the deed asked
	 */
	boolean namedBy(String sentence) {
		return this.doneBy.matcher(sentence).find() || this.doneLaterBy.matcher(sentence).find()
				|| PASSIVE_BY.matcher(sentence).find();
	}

	/** A verb's form as asked, without the ending its other forms do not share. */
	private static String stem(String verb) {
		String stem = verb.replaceFirst("(?:ed|es|s|d)$", "");
		return (stem.length() >= 3) ? stem : verb;
	}

}
