package dev.ragchat.answer.whole;

import java.util.regex.Pattern;

/**
 * Where a clause of a sentence begins and ends, and the words that negate what their
 * clause says: what {@link Says} reads a negation in ("no termination fee applies"; not
 * "no cap applies, and a termination fee of EUR 5,000 is owed").
 */
final class Clauses {

	/** A word that negates the words near it in its clause. */
	private static final Pattern NEGATION = Pattern.compile(
			"^\\W*(?:no|not|never|neither|nor|none|without|cannot|nothing|waives?|waived|\\w+n['\u2019]t)\\W*$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern FREE_OF = Pattern.compile("^\\W*free\\s+of\\W*$", Pattern.CASE_INSENSITIVE);

	/**
	 * Any of those, anywhere: most sentences write none, and are not read word by word.
	 */
	private static final Pattern ANY_NEGATION = Pattern.compile(
			"\\b(?:no|not|never|neither|nor|none|without|cannot|nothing|waives?|waived|free\\s+of)\\b|n['\u2019]t\\b",
			Pattern.CASE_INSENSITIVE);

	/**
	 * A comparative after a negation: "not less than 90 days" bounds a figure, it does
	 * not deny it.
	 */
	private static final Pattern COMPARATIVE = Pattern
		.compile("^\\W*(?:less|more|fewer|later|earlier|greater|longer|shorter|sooner)\\W*$", Pattern.CASE_INSENSITIVE);

	/** A word that begins a clause of its own. */
	private static final Pattern CLAUSE_WORD = Pattern.compile(
			"^\\W*(?:but|however|except|unless|although|whereas|while|and|or|which|who)\\W*$",
			Pattern.CASE_INSENSITIVE);

	/** A word that ends its clause. */
	private static final Pattern CLAUSE_END = Pattern.compile("[,;:()]$|[.;:]\\W*$");

	/**
	 * An auxiliary or modal after "that": "that" then begins a relative clause ("tasks
	 * that do not need access"), not a noun phrase ("that earlier agreement").
	 */
	private static final Pattern AUXILIARY = Pattern.compile(
			"^\\W*(?:do|does|did|is|are|was|were|has|have|had|can|could|may|might|must|shall|should|will|would)\\W*$",
			Pattern.CASE_INSENSITIVE);

	private Clauses() {
	}

	/**
	 * @param sentence a sentence
	 * @return whether it writes a negation anywhere (most write none)
	 */
	static boolean anyNegation(String sentence) {
		return ANY_NEGATION.matcher(sentence).find();
	}

	/**
	 * @param word a word with any marks around it
	 * @return whether it negates
	 */
	static boolean negates(String word) {
		return NEGATION.matcher(word).find();
	}

	/**
	 * @param tokens the words of a sentence
	 * @param i one of them
	 * @return whether it negates the words near it ("not less than" bounds a figure
	 * instead; "free of" negates)
	 */
	static boolean negation(String[] tokens, int i) {
		boolean bounding = i + 1 < tokens.length && COMPARATIVE.matcher(tokens[i + 1]).matches();
		return (NEGATION.matcher(tokens[i]).find() && !bounding)
				|| (i + 1 < tokens.length && FREE_OF.matcher(tokens[i] + " " + tokens[i + 1]).matches());
	}

	/**
	 * @param tokens the words of a sentence
	 * @param i one of them
	 * @return whether it begins a clause of its own
	 */
	static boolean begins(String[] tokens, int i) {
		return CLAUSE_WORD.matcher(tokens[i]).matches() || (tokens[i].equalsIgnoreCase("that") && i + 1 < tokens.length
				&& AUXILIARY.matcher(tokens[i + 1]).matches());
	}

	/**
	 * @param token a word with any marks around it
	 * @return whether it ends its clause
	 */
	static boolean ends(String token) {
		return CLAUSE_END.matcher(token).find();
	}

}
