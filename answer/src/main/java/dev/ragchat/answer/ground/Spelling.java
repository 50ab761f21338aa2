package dev.ragchat.answer.ground;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.ragchat.answer.EngineSettings.NamesRule;
import dev.ragchat.retrieval.ScoredChunk;

/**
 * How a name is written, read once for all the sources it is looked for in.
 *
 * @param words the name as {@link Grounding#words} writes it
 * @param capitalised for a proper name, the name as a word with its capital or in
 * capitals ("Block", "BLOCK"; not the common word "block"); {@code null} for others
 */
record Spelling(String words, Pattern capitalised) {

	/**
	 * Whether one of the chunks writes a proper name in lower case, as the common word it
	 * is spelled like ("revenue" for "Revenue").
	 */
	boolean writtenAsAWord(List<ScoredChunk> chunks) {
		Pattern word = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(this.words) + "(?![\\p{L}\\p{N}])");
		return chunks.stream().anyMatch((chunk) -> word.matcher(chunk.chunk().text()).find());
	}

	static Spelling of(String name) {
		Pattern capitalised = NamesRule.PROPER_NAME.matcher(name).matches() ? Pattern.compile("(?<![\\p{L}\\p{N}])(?:"
				+ Pattern.quote(name) + "|" + Pattern.quote(name.toUpperCase(Locale.ROOT)) + ")(?![\\p{L}\\p{N}])")
				: null;
		return new Spelling(Grounding.words(name), capitalised);
	}

}
