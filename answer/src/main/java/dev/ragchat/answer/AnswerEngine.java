package dev.ragchat.answer;

import java.util.function.Consumer;

/**
 * The answer engine: a question in, a cited answer out, stateless. Everything it reads
 * comes in the {@link AnswerRequest} (the caller keeps sessions, history and media); its
 * stages (query, search, judge, widen, generate, cite) are the engine's own.
 */
public interface AnswerEngine {

	/**
	 * @param settings how a question will be answered
	 * @return whether images and audio reach the generator that writes its answer
	 * (otherwise images are read with OCR first and audio is refused)
	 */
	boolean readsMedia(AnswerRequest.Settings settings);

	/**
	 * @param request the question, its history and settings
	 * @param tokens told the answer's text as it is produced (the same text the answer
	 * holds)
	 * @return the answer
	 */
	Answer answer(AnswerRequest request, Consumer<String> tokens);

}
