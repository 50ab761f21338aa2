package dev.ragchat.answer.text;

import java.util.regex.Pattern;

/**
 * How documents' titles tell apart things of one name: a qualifier in brackets at the end
 * ("Ingrid (steamer)", "The Salt Winter (film)"), as encyclopedias write them.
 */
public final class Qualifiers {

	/** A qualifier in brackets at the end of a title's part: " (film)". */
	private static final Pattern QUALIFIER = Pattern.compile("\\s*\\([^()]+\\)\\s*$");

	private Qualifiers() {
	}

	/**
	 * @param part a title or a part of one
	 * @return the part without its qualifier in brackets: the name the thing is called by
	 * ("Ingrid (steamer)" is "Ingrid"), or the part as it is when it has none
	 */
	public static String unqualified(String part) {
		return QUALIFIER.matcher(part).replaceFirst("");
	}

}
