package dev.ragchat.answer.whole;

import java.util.regex.Pattern;

/**
 * An earlier document than the one that writes it ("that earlier agreement", "the
 * previous lease"): what it says is not said of the document that writes it.
 */
final class Earlier {

	/** A word that places a document before the one that writes it. */
	private static final Pattern EARLIER = Pattern
		.compile("^\\W*(?:earlier|previous|prior|former|preceding|superseded|expired)\\W*$", Pattern.CASE_INSENSITIVE);

	private static final Pattern ANY_EARLIER = Pattern
		.compile("\\b(?:earlier|previous|prior|former|preceding|superseded|expired)\\b", Pattern.CASE_INSENSITIVE);

	/** A kind of document ("agreement", "lease", "policy"). */
	private static final Pattern DOCUMENT = Pattern.compile(
			"^\\W*(?:agreements?|contracts?|leases?|polic(?:y|ies)|versions?|editions?|arrangements?|deeds?)\\W*$",
			Pattern.CASE_INSENSITIVE);

	private Earlier() {
	}

	/**
	 * @param sentence a sentence
	 * @return whether it writes a word that places something before (most write none)
	 */
	static boolean mentioned(String sentence) {
		return ANY_EARLIER.matcher(sentence).find();
	}

	/**
	 * @param tokens the words of a sentence
	 * @param i one of them
	 * @return whether it places a document before: "earlier" before "agreement" or one
	 * word before it
	 */
	static boolean document(String[] tokens, int i) {
		return EARLIER.matcher(tokens[i]).matches()
				&& ((i + 1 < tokens.length && DOCUMENT.matcher(tokens[i + 1]).matches())
						|| (i + 2 < tokens.length && DOCUMENT.matcher(tokens[i + 2]).matches()));
	}

}
