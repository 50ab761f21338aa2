package dev.ragchat.answer.whole;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words English grants a permission with: any of them says what another asks ("allow"
 * of "is permitted"), and so does the modal "may" ("the staff may work from home"), the
 * way contracts, policies and rules grant one. A closed class of the language, as the
 * negations of {@link Says} are; a negation is read as any other's ("may not work
 * remotely" grants nothing).
 */
final class Permission {

	/** The verbs, as stems. */
	private static final Set<String> WORDS = Set.of(Stems.stem("allow"), Stems.stem("permit"), Stems.stem("let"));

	/** The modal, in small letters: "May" is as often the month ("dated 9 May 2023"). */
	private static final Pattern MAY = Pattern.compile("\\bmay\\b");

	private Permission() {
	}

	/**
	 * @param stem a word, as a stem
	 * @return whether it grants a permission ("allow", "permit", "let")
	 */
	static boolean word(String stem) {
		return WORDS.contains(stem);
	}

	/**
	 * @param token a word as the sentence writes it
	 * @return whether it is the modal that grants a permission ("may")
	 */
	static boolean modal(String token) {
		return MAY.matcher(token.replaceAll("\\W", "")).matches();
	}

	/**
	 * @param sentence a sentence
	 * @param words its words, as stems
	 * @return whether it grants a permission: it writes one of the verbs, or "may"
	 */
	static boolean granted(String sentence, List<String> words) {
		return MAY.matcher(sentence).find() || words.stream().anyMatch(WORDS::contains);
	}

}
