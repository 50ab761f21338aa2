package dev.ragchat.answer.query;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.ragchat.answer.text.Overlap;
import dev.ragchat.answer.text.Sentences;

/**
 * What an answer to a question of which one picks: a question that asks which of several
 * things ("Which of your routers supports mesh networking?") is answered first with the
 * pick, and what the answer names after it only sets the others beside it ("The AX3000
 * does. The BX1800 does not."). A follow-up is about the pick.
 * <p>
 * Written by hand: a rule of how an answer to "which" is built, read from its first
 * sentence ({@link Sentences}) and the subjects' names ({@link Overlap}, Porter stems).
 */
final class Picked {

	/** A question that asks which one of several things. */
	private static final Pattern WHICH = Pattern.compile("\\bwhich\\b", Pattern.CASE_INSENSITIVE);

	private Picked() {
	}

	/**
	 * @param question the question the answer answers
	 * @param answer the answer
	 * @param named the subjects the answer names
	 * @return those its first sentence names when the question asks which (several when
	 * it picks several), else all it names; all when the first sentence names none
	 */
	static List<Subject> of(String question, String answer, List<Subject> named) {
		if (named.size() < 2 || !WHICH.matcher(question).find()) {
			return named;
		}
		List<String> sentences = Sentences.of(answer);
		Set<String> first = Overlap.stems(Overlap.words(sentences.isEmpty() ? "" : sentences.get(0)));
		List<Subject> picked = named.stream()
			.filter((subject) -> first.containsAll(Overlap.stems(Overlap.words(subject.label()))))
			.toList();
		return picked.isEmpty() ? named : picked;
	}

}
