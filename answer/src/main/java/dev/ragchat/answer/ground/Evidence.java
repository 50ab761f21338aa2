package dev.ragchat.answer.ground;

import java.util.List;
import java.util.Locale;

import dev.ragchat.answer.EngineSettings.NamesRule;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ScoredChunk;

/**
 * What some sources say, read once for all the names and periods asked about.
 *
 * @param text their texts
 * @param titles their titles and file names
 * @param haystack both as {@link Grounding#words}, between spaces
 * @param compactTitles the titles lower case, letters and digits only
 */
record Evidence(String text, String titles, String haystack, String compactTitles) {

	static Evidence of(List<ScoredChunk> sources) {
		StringBuilder text = new StringBuilder();
		StringBuilder titles = new StringBuilder();
		for (ScoredChunk source : sources) {
			Chunk chunk = source.chunk();
			text.append(chunk.indexText()).append('\n');
			titles.append(chunk.title()).append('\n').append(chunk.filename().replace('_', ' ')).append('\n');
		}
		return new Evidence(text.toString(), titles.toString(), " " + Grounding.words(text + "\n" + titles) + " ",
				titles.toString().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\n]", ""));
	}

	/**
	 * Whether the text or a title holds the name as a word (case, punctuation and a
	 * possessive aside), a proper name ("Block") with its capital or in capitals: the
	 * common word ("block") is not the name.
	 */
	boolean writes(Spelling name) {
		return this.haystack.contains(" " + name.words() + " ")
				&& (name.capitalised() == null || name.capitalised().matcher(this.text + "\n" + this.titles).find());
	}

	/**
	 * Whether the name is one capitalised word in the plural ("Keystores", "Attacks")
	 * that the text or a title writes, in the plural or not, in any case: a common noun
	 * the question capitalised, not a name (names are rarely plurals).
	 */
	boolean writesPlural(String name) {
		if (!NamesRule.PROPER_NAME.matcher(name).matches() || name.length() < 4 || !name.endsWith("s")
				|| name.endsWith("ss")) {
			return false;
		}
		String plural = name.toLowerCase(Locale.ROOT);
		String singular = plural.substring(0, plural.length() - 1);
		return this.haystack.contains(" " + plural + " ") || this.haystack.contains(" " + singular + " ")
				|| (plural.endsWith("es")
						&& this.haystack.contains(" " + singular.substring(0, singular.length() - 1) + " "));
	}

	/**
	 * Whether a title holds the words inside a word ("Activision" in
	 * "ACTIVISIONBLIZZARD").
	 */
	boolean titlesHold(String words) {
		return this.compactTitles.contains(words.replace(" ", "").replace("&", ""));
	}

}
