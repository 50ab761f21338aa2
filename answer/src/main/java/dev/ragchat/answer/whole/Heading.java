package dev.ragchat.answer.whole;

import java.util.List;

/**
 * The headings above a passage's sentences, stemmed once for all of them: what
 * {@link Says} reads beside each sentence.
 *
 * @param text the title and headings
 * @param stems their words as stems
 */
record Heading(String text, List<String> stems) {

	static Heading of(String text) {
		return new Heading(text, Stems.of(text));
	}

}
