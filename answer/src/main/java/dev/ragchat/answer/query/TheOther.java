package dev.ragchat.answer.query;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.ragchat.answer.SearchRequest;
import dev.ragchat.answer.Turn;
import dev.ragchat.answer.text.Overlap;
import dev.ragchat.answer.text.Sentences;

/**
 * "What about the other one?": of the things the question before named, the one the
 * conversation is not about. English says "the other" of two things named together when
 * one of them was spoken of; the message asks the question before again, of that one
 * ("We're choosing between Birchwater and Cinder Flats. What's check-out time at
 * Birchwater?", "At Birchwater by 11:00.", "what about the other one?": "What's check-out
 * time at … Cinder Flats", the words of the one's name left out wherever they stand).
 */
final class TheOther {

	/** How a message picks the one of two things not spoken of. */
	private static final Pattern OTHER = Pattern.compile("\\bthe other(?:\\s+one)?\\b", Pattern.CASE_INSENSITIVE);

	private TheOther() {
	}

	/**
	 * @param message the message
	 * @param history the turns before it, oldest first
	 * @param focus the subjects in focus
	 * @param mentions what turns name
	 * @param scope where the conversation searches
	 * @return the user's question before, asked of the other thing it named, or
	 * {@code null} when the message says no "the other" or the question before named no
	 * other thing than one in focus
	 */
	static String question(String message, List<Turn> history, List<Subject> focus, Mentions mentions,
			SearchRequest scope) {
		if (!OTHER.matcher(message).find() || focus.isEmpty()) {
			return null;
		}
		Turn asked = history.stream().filter(Turn::byUser).reduce((first, second) -> second).orElse(null);
		if (asked == null) {
			return null;
		}
		List<String> documents = ConversationState.documentsOf(focus);
		List<Subject> named = mentions.in(asked.content(), scope, Subject.USER)
			.stream()
			.filter(Subject::documented)
			.toList();
		List<Subject> others = named.stream()
			.filter((subject) -> subject.documentIds().stream().noneMatch(documents::contains))
			.toList();
		Subject spoken = named.stream().filter((subject) -> !others.contains(subject)).findFirst().orElse(null);
		if (others.size() != 1 || spoken == null) {
			return null;
		}
		// the sentence that asked of the one spoken of, asked of the other: without the
		// words of the one's name ("at kestrel" of Kestrel House), with the other's
		Set<String> words = Overlap.words(spoken.label());
		return Sentences.of(asked.content())
			.stream()
			.filter((sentence) -> Overlap.words(sentence).stream().anyMatch(words::contains))
			.reduce((first, second) -> second)
			.map((sentence) -> Arrays.stream(sentence.split("\\s+"))
				.filter((word) -> Overlap.words(word).stream().noneMatch(words::contains))
				.collect(Collectors.joining(" ")) + " " + others.get(0).label())
			.orElse(null);
	}

}
