package dev.ragchat.answer.judge;

import java.util.Locale;
import java.util.Set;

import dev.ragchat.retrieval.query.StopWords;

/**
 * Whether a message points back with a personal pronoun before it says anything of its
 * own ("Did it receive any recent updates?", "How does it affect the performance?"): only
 * words of no content come before the pronoun, so it stands for something said before the
 * message, not in it ("If I order a present, can it be returned?"). An "it" beside a form
 * of "be" with what it stands for after it ("Is it true that …", "is it possible to …")
 * is no pointer: English writes it where nothing is meant. Written by hand: a rule of
 * English pronouns, the same for every subject; no library here reads coreference.
 */
final class Pointing {

	private static final Set<String> PRONOUNS = Set.of("it", "its", "they", "them", "their", "he", "him", "his", "she",
			"her");

	private static final Set<String> BE = Set.of("is", "was", "be", "been", "being", "were", "are", "seems");

	private Pointing() {
	}

	/**
	 * @param text a message
	 * @return whether it points back before it says anything of its own
	 */
	static boolean atNothing(String text) {
		String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}'’]+");
		for (int i = 0; i < words.length; i++) {
			String word = words[i];
			if (word.isEmpty()) {
				continue;
			}
			if (PRONOUNS.contains(word)) {
				return !("it".equals(word) && expletive(words, i));
			}
			if (!StopWords.contains(word)) {
				return false;
			}
		}
		return false;
	}

	/**
	 * Whether the "it" at {@code i} stands for nothing: beside a form of "be", with what
	 * it stands for coming after it ("Is it true that …", "it was hard to …"), not "How
	 * is it treated?".
	 */
	private static boolean expletive(String[] words, int i) {
		boolean be = (i > 0 && BE.contains(words[i - 1])) || (i + 1 < words.length && BE.contains(words[i + 1]));
		for (int j = i + 1; be && j < words.length; j++) {
			if ("that".equals(words[j]) || "to".equals(words[j])) {
				return true;
			}
		}
		return false;
	}

}
