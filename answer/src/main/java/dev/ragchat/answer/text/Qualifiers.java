package dev.ragchat.answer.text;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How documents' titles tell apart things of one name: a qualifier in brackets at the end
 * ("Ingrid (steamer)", "The Salt Winter (film)"), as encyclopedias write them, or the
 * common words of the thing's kind after its name ("Frostmoor Red tomato", "Playfield
 * lawn seed"), as catalogues write them.
 */
public final class Qualifiers {

	/** A qualifier in brackets at the end of a title's part: " (film)". */
	private static final Pattern QUALIFIER = Pattern.compile("\\s*\\([^()]+\\)\\s*$");

	/**
	 * A name followed by the common words of its kind: "Frostmoor Red tomato", "Playfield
	 * lawn seed" (group 1, the name).
	 */
	private static final Pattern NAME_AND_KIND = Pattern
		.compile("((?:\\p{Lu}[\\p{L}\\p{N}'’-]*\\s+)*\\p{Lu}[\\p{L}\\p{N}'’-]*)(?:\\s+\\p{Ll}[\\p{L}'’-]*)+");

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

	/**
	 * @param part a title or a part of one
	 * @return the name of a part that is a name and the common words of its kind
	 * ("Greyhollow Pippin" of "Greyhollow Pippin apple tree"), or {@code null} when it is
	 * not one
	 */
	public static String nameBeforeKind(String part) {
		Matcher name = NAME_AND_KIND.matcher(part.strip());
		return name.matches() ? name.group(1) : null;
	}

	/**
	 * @param text a text in lower case
	 * @param label a title or a part of one
	 * @return the label as the text writes it, in lower case: whole, or its name alone
	 * when the text does not write it whole and it is a name and its kind
	 */
	public static String written(String text, String label) {
		String whole = label.strip().toLowerCase(Locale.ROOT);
		String name = nameBeforeKind(label);
		return (text.contains(whole) || name == null) ? whole : name.toLowerCase(Locale.ROOT);
	}

}
