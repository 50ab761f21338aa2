package dev.ragchat.answer;

import java.util.List;
import java.util.function.Consumer;

import dev.ragchat.answer.text.Asks;
import dev.ragchat.retrieval.ScoredChunk;

import org.springframework.ai.content.Media;

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

	/**
	 * What a generator answers from.
	 *
	 * @param text the user's message
	 * @param query the standalone query the sources were retrieved with (the message, or
	 * the message with the turn it follows up on)
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
	record Question(String text, String query, List<Turn> history, List<ScoredChunk> sources, String systemPrompt,
			String model, Double temperature, List<Media> media, Asked asked) {

		public Question {
			media = (media != null) ? List.copyOf(media) : List.of();
			asked = (asked != null) ? asked : new Asked(Asks.of(text), List.of(), List.of(), null, List.of());
			if (asked.sides().isEmpty() && asked.operator() == Asks.COMPARISON) {
				// the sides a comparison names, when its conversation gave none
				asked = new Asked(asked.operator(), Asks.sides(text), asked.periods(), asked.subject(),
						asked.documents(), asked.focus());
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
		 * @param periods the years asked: a quote is of one of them, or the answer says
		 * which years the sources give
		 * @param subject the subject in focus a follow-up asks of ("summarise it"), or
		 * {@code null} when the message says what it is about
		 * @param documents the documents a turn named of the subject in focus: a quote
		 * comes from them when one of theirs answers (empty: any source)
		 * @param focus the documents of what the message is about, whoever named them:
		 * the message itself or its conversation (empty: none known)
		 */
		public record Asked(Asks operator, List<String> sides, List<String> periods, String subject,
				List<String> documents, List<String> focus) {

			public Asked {
				sides = List.copyOf(sides);
				periods = List.copyOf(periods);
				documents = List.copyOf(documents);
				focus = List.copyOf(focus);
			}

			public Asked(Asks operator, List<String> sides, List<String> periods, String subject,
					List<String> documents) {
				this(operator, sides, periods, subject, documents, List.of());
			}

		}

	}

}
