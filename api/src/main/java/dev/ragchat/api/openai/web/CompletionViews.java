package dev.ragchat.api.openai.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.ragchat.answer.Answer;
import dev.ragchat.answer.Citation;
import dev.ragchat.answer.Clarification;
import dev.ragchat.answer.Listing;
import dev.ragchat.answer.Refusal;
import dev.ragchat.answer.Trace;
import dev.ragchat.api.openai.ChatApiModels;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The chat API's answers in OpenAI's shapes, with ragchat's extension fields
 * ({@code citations}, {@code grounded}, {@code refusal}, {@code trace}).
 */
final class CompletionViews {

	static final String OWNER = "ragchat";

	private CompletionViews() {
	}

	record ModelList(String object, List<ModelView> data) {

		static ModelList of(List<ChatApiModels.Model> models) {
			return new ModelList("list",
					models.stream()
						.map((model) -> new ModelView(model.id(), "model",
								(model.created() != null) ? model.created().getEpochSecond() : 0, OWNER, model.name()))
						.toList());
		}

	}

	/**
	 * @param name the knowledge base's name or the configuration's title (an extension)
	 */
	record ModelView(String id, String object, long created, @JsonProperty("owned_by") String ownedBy, String name) {

	}

	/**
	 * A cited source, as {@code /messages} has it, with the URL of its page preview.
	 *
	 * @param index the {@code [n]} the answer cites it with
	 * @param documentId the document
	 * @param filename its file name
	 * @param page the page
	 * @param quote the sentence of the source the answer rests on
	 * @param url the page's preview with the quote highlighted (a PNG; send the same
	 * key), or {@code null} when the document has no page images (not a PDF)
	 * @param knowledgeBase the document's knowledge base (a completion may ask several)
	 */
	record SourceView(int index, String documentId, String filename, int page, String quote, String url,
			String knowledgeBase) {

		static SourceView of(Citation citation, String base, String asked) {
			String knowledgeBase = (citation.knowledgeBase() != null) ? citation.knowledgeBase() : asked;
			String url = null;
			if (!citation.boxes().isEmpty()) {
				UriComponentsBuilder preview = UriComponentsBuilder.fromUriString(base)
					.path("/api/v1/knowledge-bases/{kb}/documents/{doc}/pages/{page}");
				preview = (citation.quote() != null) ? preview.queryParam("quote", "{passage}")
						: preview.queryParam("highlight", "{passage}");
				url = preview.encode()
					.buildAndExpand(knowledgeBase, citation.documentId(), citation.page(),
							(citation.quote() != null) ? citation.quote() : citation.chunkId())
					.toUriString();
			}
			return new SourceView(citation.index(), citation.documentId(), citation.filename(), citation.page(),
					citation.quote(), url, knowledgeBase);
		}

	}

	/**
	 * A {@code chat.completion}, with the extension fields {@code citations},
	 * {@code grounded}, {@code outcome} ({@code answer}, {@code refused}, {@code clarify}
	 * or {@code list}), {@code refusal} (when not grounded), {@code clarification} (the
	 * readings of a question asked back), the fields of a question about the whole scope
	 * ({@code asks}, {@code says}, {@code count}, {@code scanned}, {@code truncated},
	 * {@code items}) and {@code trace} (when asked).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Completion(String id, String object, long created, String model, List<Choice> choices,
			List<SourceView> citations, Boolean grounded, String outcome, Refusal refusal, Clarification clarification,
			Trace trace, @JsonUnwrapped Listing listing) {

		static Completion of(String id, long created, String model, Answer answer, List<SourceView> citations) {
			return new Completion(id, "chat.completion", created, model,
					List.of(new Choice(0, new Message("assistant", answer.text(), null), "stop", null)), citations,
					answer.grounded(), answer.outcome(), answer.refusal(), answer.clarification(), answer.trace(),
					answer.listing());
		}

	}

	record Choice(int index, Message message, @JsonProperty("finish_reason") String finishReason, Object logprobs) {

	}

	record Message(String role, String content, String refusal) {

	}

	/**
	 * A {@code chat.completion.chunk}; the last one carries the citations, grounded, the
	 * refusal (when not grounded) and the trace (when asked).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Chunk(String id, String object, long created, String model, List<Delta> choices, List<SourceView> citations,
			Boolean grounded, String outcome, Refusal refusal, Clarification clarification, Trace trace,
			@JsonUnwrapped Listing listing) {

		static Chunk role(String id, long created, String model) {
			return of(id, created, model, new Delta(0, Map.of("role", "assistant", "content", ""), null, null), null,
					null);
		}

		static Chunk content(String id, long created, String model, String text) {
			return of(id, created, model, new Delta(0, Map.of("content", text), null, null), null, null);
		}

		static Chunk last(String id, long created, String model, Answer answer, List<SourceView> citations) {
			return new Chunk(id, "chat.completion.chunk", created, model, List.of(new Delta(0, Map.of(), "stop", null)),
					citations, answer.grounded(), answer.outcome(), answer.refusal(), answer.clarification(),
					answer.trace(), answer.listing());
		}

		private static Chunk of(String id, long created, String model, Delta delta, List<SourceView> citations,
				Boolean grounded) {
			return new Chunk(id, "chat.completion.chunk", created, model, List.of(delta), citations, grounded, null,
					null, null, null, null);
		}

	}

	record Delta(int index, Map<String, String> delta, @JsonProperty("finish_reason") String finishReason,
			Object logprobs) {

	}

}
