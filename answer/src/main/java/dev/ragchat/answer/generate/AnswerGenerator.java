package dev.ragchat.answer.generate;

import java.util.function.Consumer;

/**
 * Writes an answer from numbered sources, citing them with {@code [n]} markers.
 */
public interface AnswerGenerator {

	/** What every generator answers when the documents do not answer the question. */
	String NOT_FOUND = "The documents in this knowledge base do not answer that question.";

	/**
	 * @param question the question with its sources (never empty)
	 * @param tokens told each piece of text as it is produced, in order
	 * @return the whole answer; {@code grounded} is false when the sources do not answer
	 * it
	 */
	Generated generate(Question question, Consumer<String> tokens);

	/**
	 * @return whether images and audio attached to a question reach this generator
	 * ({@link Question#media()}); otherwise images are read with OCR first and audio is
	 * refused
	 */
	default boolean readsMedia() {
		return false;
	}

	/**
	 * @return whether this generator judges for itself whether the sources answer the
	 * question (a language model, told to say so in a form the code reads), so that only
	 * the similarity floor comes before it; otherwise the rules of the ground step judge
	 * first (the extract)
	 */
	default boolean judgesSources() {
		return false;
	}

	/**
	 * A generated answer.
	 *
	 * @param text the answer with its {@code [n]} markers
	 * @param grounded whether the sources answer the question
	 * @param tokens the tokens a language model spent on it (prompt and answer, as it
	 * reports them), or {@code null} (no model, or none reported)
	 * @param refusal for an answer that is not grounded, the reason code the generator
	 * gives (a {@code Refusal} code such as {@code needs-model}), or {@code null} for the
	 * engine's own
	 */
	record Generated(String text, boolean grounded, Long tokens, String refusal) {

		/**
		 * An answer no model reported tokens for.
		 */
		public Generated(String text, boolean grounded) {
			this(text, grounded, null, null);
		}

		/**
		 * An answer with the tokens a model reported.
		 */
		public Generated(String text, boolean grounded, Long tokens) {
			this(text, grounded, tokens, null);
		}

	}

}
