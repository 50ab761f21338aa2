package dev.ragchat.answer;

import java.util.List;
import java.util.function.UnaryOperator;

import dev.ragchat.retrieval.MetadataFilter;
import dev.ragchat.retrieval.SearchMode;

import org.springframework.ai.content.Media;
import org.springframework.util.Assert;

/**
 * A question for the engine.
 *
 * @param knowledgeBase the knowledge base that answers
 * @param question the question, checked
 * @param history the earlier turns, oldest first
 * @param media images and audio for a generator that reads them
 * @param imageText text read in attached images without a model, or {@code null}
 * @param settings how to answer
 * @param filter only sources whose values pass it, or {@code null}
 * @param trace whether the answer comes with its {@link Trace} (off by default: an
 * untraced answer does no work for it)
 * @param scope where the question is searched and answered: {@code knowledgeBase} first,
 * maybe more, maybe only some of their documents (all of {@code knowledgeBase} when
 * {@code null}); nothing of the answer comes from outside it
 */
public record AnswerRequest(String knowledgeBase, String question, List<Turn> history, List<Media> media,
		String imageText, Settings settings, MetadataFilter filter, boolean trace, SearchScope scope) {

	public AnswerRequest {
		Assert.hasText(knowledgeBase, "knowledgeBase must not be empty");
		scope = (scope != null) ? scope : SearchScope.of(knowledgeBase);
		Assert.isTrue(scope.knowledgeBase().equals(knowledgeBase), "the scope starts with the knowledge base");
		Assert.hasText(question, "question must not be empty");
		Assert.notNull(settings, "settings must not be null");
		history = (history != null) ? List.copyOf(history) : List.of();
		media = (media != null) ? List.copyOf(media) : List.of();
	}

	/**
	 * A question to one whole knowledge base.
	 */
	public AnswerRequest(String knowledgeBase, String question, List<Turn> history, List<Media> media, String imageText,
			Settings settings, MetadataFilter filter, boolean trace) {
		this(knowledgeBase, question, history, media, imageText, settings, filter, trace, null);
	}

	/**
	 * A question whose answer comes without its trace.
	 */
	public AnswerRequest(String knowledgeBase, String question, List<Turn> history, List<Media> media, String imageText,
			Settings settings, MetadataFilter filter) {
		this(knowledgeBase, question, history, media, imageText, settings, filter, false);
	}

	/**
	 * @return the same question, its answer with its {@link Answer#trace() trace}
	 */
	public AnswerRequest traced() {
		return new AnswerRequest(this.knowledgeBase, this.question, this.history, this.media, this.imageText,
				this.settings, this.filter, true, this.scope);
	}

	/**
	 * @param reading how the engine reads what the user wrote
	 * @return the same request, its question and the user's earlier turns read so; the
	 * answers before as they were written
	 */
	public AnswerRequest readAs(UnaryOperator<String> reading) {
		List<Turn> before = this.history.stream()
			.map((turn) -> turn.byUser()
					? new Turn(turn.role(), reading.apply(turn.content()), turn.cited(), turn.refused()) : turn)
			.toList();
		return new AnswerRequest(this.knowledgeBase, reading.apply(this.question), before, this.media, this.imageText,
				this.settings, this.filter, this.trace, this.scope);
	}

	/**
	 * @param within where to search and answer
	 * @return the same question, asked there (its first knowledge base the one that
	 * answers)
	 */
	public AnswerRequest within(SearchScope within) {
		return new AnswerRequest(within.knowledgeBase(), this.question, this.history, this.media, this.imageText,
				this.settings, this.filter, this.trace, within);
	}

	/**
	 * How to answer.
	 *
	 * @param topK how many chunks the answer reads
	 * @param systemPrompt the system prompt, or {@code null}
	 * @param model the model's name, or {@code null} for the default of the model that
	 * answers
	 * @param temperature the sampling temperature, or {@code null}
	 * @param generator the generator of the model that answers, as its caller chose it
	 * (the service's, the chat config's own, or a model the session picked:
	 * {@code api.models} keeps the choices), or {@code null} for the configured model's
	 * @param mode how the search stage retrieves (hybrid unless an evaluation chooses
	 * otherwise)
	 * @param rerank whether a hybrid search is reranked when a reranker is configured
	 */
	public record Settings(int topK, String systemPrompt, String model, Double temperature, AnswerGenerator generator,
			SearchMode mode, boolean rerank) {

		public Settings {
			mode = (mode != null) ? mode : SearchMode.HYBRID;
		}

		/**
		 * Settings of a chat config (or a picked model): a hybrid search, reranked when a
		 * reranker is configured.
		 */
		public Settings(int topK, String systemPrompt, String model, Double temperature, AnswerGenerator generator) {
			this(topK, systemPrompt, model, temperature, generator, SearchMode.HYBRID, true);
		}

		/**
		 * Settings of no chat config: the configured model answers.
		 */
		public Settings(int topK, String systemPrompt, String model, Double temperature) {
			this(topK, systemPrompt, model, temperature, (AnswerGenerator) null);
		}

	}

}
