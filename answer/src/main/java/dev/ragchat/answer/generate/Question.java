package dev.ragchat.answer.generate;

import java.util.List;

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
 */
public record Question(String text, String query, List<Turn> history, List<ScoredChunk> sources, String systemPrompt,
		String model, Double temperature, List<Media> media) {

	public Question {
		media = (media != null) ? List.copyOf(media) : List.of();
	}

	public Question(String text, String query, List<Turn> history, List<ScoredChunk> sources, String systemPrompt,
			String model, Double temperature) {
		this(text, query, history, sources, systemPrompt, model, temperature, List.of());
	}

}
