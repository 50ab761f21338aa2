package dev.ragchat.answer.generate;

import java.util.List;

import dev.ragchat.answer.text.Asks;
import dev.ragchat.retrieval.ScoredChunk;

import org.springframework.ai.content.Media;

/**
 * What a generator answers from.
 *
 * @param text the user's message
 * @param query the standalone query the sources were retrieved with (the message, or the
 * message with the turn it follows up on)
 * @param history the recent turns before it, oldest first
 * @param sources the retrieved chunks, numbered from 1 in this order
 * @param systemPrompt the session's system prompt, or {@code null}
 * @param model the model to use, or {@code null} for the generator's default
 * @param temperature the sampling temperature, or {@code null}
 * @param media images and audio attached to the message, for a generator that
 * {@link AnswerGenerator#readsMedia() reads them}
 * @param asked what the message asks, as its conversation's state reads it, or
 * {@code null} to read it from the message alone
 */
public record Question(String text, String query, List<Turn> history, List<ScoredChunk> sources, String systemPrompt,
		String model, Double temperature, List<Media> media, Asked asked) {

	public Question {
		media = (media != null) ? List.copyOf(media) : List.of();
		asked = (asked != null) ? asked : new Asked(Asks.of(text), List.of(), List.of(), null, List.of());
		if (asked.sides().isEmpty() && asked.operator() == Asks.COMPARISON) {
			// the sides a comparison names, when its conversation gave none
			asked = new Asked(asked.operator(), Asks.sides(text), asked.periods(), asked.subject(), asked.documents());
		}
	}

	public Question(String text, String query, List<Turn> history, List<ScoredChunk> sources, String systemPrompt,
			String model, Double temperature, List<Media> media) {
		this(text, query, history, sources, systemPrompt, model, temperature, media, null);
	}

	public Question(String text, String query, List<Turn> history, List<ScoredChunk> sources, String systemPrompt,
			String model, Double temperature) {
		this(text, query, history, sources, systemPrompt, model, temperature, List.of());
	}

	/**
	 * What a message asks.
	 *
	 * @param operator what it asks for
	 * @param sides the two things a comparison compares, as written or as the
	 * conversation asked them (empty: it names none)
	 * @param periods the years asked: a quote is of one of them, or the answer says which
	 * years the sources give
	 * @param subject the subject in focus a follow-up asks of ("summarise it"), or
	 * {@code null} when the message says what it is about
	 * @param documents the documents a turn named of the subject in focus: a quote comes
	 * from them when one of theirs answers (empty: any source)
	 */
	public record Asked(Asks operator, List<String> sides, List<String> periods, String subject,
			List<String> documents) {

		public Asked {
			sides = List.copyOf(sides);
			periods = List.copyOf(periods);
			documents = List.copyOf(documents);
		}

	}

}
