package dev.ragchat.retrieval.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.util.IOUtils;

/**
 * English stop words: the Snowball project's list as Lucene ships it
 * ({@code org/apache/lucene/analysis/snowball/english_stop.txt}, 174 words: pronouns,
 * question words, auxiliaries, articles, prepositions, conjunctions). A general list, not
 * one about any subject; the words a question asks with ("what", "which", "how", "does")
 * are in it.
 */
public final class StopWords {

	private static final CharArraySet WORDS = load();

	private StopWords() {
	}

	/**
	 * @param word a word, any case; a typographic apostrophe counts as {@code '}
	 * @return whether it is an English stop word
	 */
	public static boolean contains(String word) {
		return WORDS.contains(word.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
	}

	private static CharArraySet load() {
		try (InputStream list = SnowballFilter.class.getResourceAsStream("english_stop.txt")) {
			if (list == null) {
				throw new IOException("english_stop.txt not found beside " + SnowballFilter.class.getName());
			}
			return WordlistLoader.getSnowballWordSet(IOUtils.getDecodingReader(list, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Lucene's English stop list is missing", ex);
		}
	}

}
