package dev.ragchat.answer.query;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ragchat.answer.SearchRequest;
import dev.ragchat.answer.search.KnowledgeBaseSearch;
import dev.ragchat.answer.text.Nouns;
import dev.ragchat.retrieval.query.StopWords;

/**
 * The thing a message says it asks about: English puts it after "what about" or "how
 * about" ("What about a microwave? What wattage is yours?", "what about harrier house? is
 * that cheaper?"), and the rest of the message asks of it what was asked before. When a
 * word that says which thing it is is written in no document of the scope, the knowledge
 * base has nothing on it: the message is no follow-up on the subject before, whose page
 * would answer for it, but a subject with no document.
 * <p>
 * Written by hand: a rule of English, read with the part-of-speech tagger
 * ({@link Nouns#things}); whether a word is written is one keyword look-up in the index.
 */
final class AskedAbout {

	private static final Pattern ABOUT = Pattern.compile("\\b(?:what|how)\\s+about\\s+([^?.!,;:]+)",
			Pattern.CASE_INSENSITIVE);

	private AskedAbout() {
	}

	/**
	 * @param message the message
	 * @param scope where it is searched
	 * @param search the one search
	 * @return the thing it asks about, when a word of it is written in no document of the
	 * scope, else {@code null}
	 */
	static Subject unwritten(String message, SearchRequest scope, KnowledgeBaseSearch search) {
		Matcher about = ABOUT.matcher(message);
		if (!about.find()) {
			return null;
		}
		String thing = about.group(1).strip();
		List<String> words = Nouns.things(thing);
		for (String word : words) {
			if (!StopWords.contains(word) && search.search(scope.lookingUp(word, 1)).chunks().isEmpty()) {
				return new Subject(String.join(" ", words), List.of(), Subject.UNWRITTEN);
			}
		}
		return null;
	}

}
