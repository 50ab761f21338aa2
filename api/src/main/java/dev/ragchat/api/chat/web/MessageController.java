package dev.ragchat.api.chat.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.ragchat.answer.Answer;
import dev.ragchat.answer.Citation;
import dev.ragchat.answer.Clarification;
import dev.ragchat.answer.Listing;
import dev.ragchat.answer.Refusal;
import dev.ragchat.answer.Trace;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.audit.Audit;
import dev.ragchat.api.chat.AnswerAdmission;
import dev.ragchat.api.chat.ChatMessage;
import dev.ragchat.api.chat.Conversations;
import dev.ragchat.api.web.Problems;
import dev.ragchat.errors.RagChatException;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.retrieval.MetadataFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Questions and answers of a session: JSON, or Server-Sent Events with
 * {@code Accept: text/event-stream}.
 */
@RestController
@RequestMapping("/api/v1/sessions/{id}/messages")
@Tag(name = "sessions")
@SecurityRequirement(name = "sessionToken")
class MessageController {

	private static final Logger logger = LoggerFactory.getLogger(MessageController.class);

	private static final int MAX_PAGE = 100;

	private final Conversations conversations;

	private final AnswerAdmission admission;

	private final Audit audit;

	MessageController(Conversations conversations, AnswerAdmission admission, Audit audit) {
		this.audit = audit;
		this.conversations = conversations;
		this.admission = admission;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Ask a question; the answer cites its sources as [n] markers mapped to citations")
	AnswerView ask(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String id,
			@RequestBody AskRequest request) {
		MetadataFilter filter = MetadataFilter.parse(request.filter());
		try (AnswerAdmission.Permit permit = this.admission.admit()) {
			this.audit.questionAsked(keyId(caller), id, request.message());
			Conversations.Asked asked = this.conversations.ask(question(caller, id, request, filter), (token) -> {
			});
			this.audit.sourcesCited(keyId(caller), id, sources(asked.message()));
			return AnswerView.of(asked.message(), asked.trace());
		}
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Ask a question and stream the answer: events token, then citations, then done (or error);"
			+ " done carries the answer's id, grounded, its whole text, the passages it was built from, refusal when"
			+ " it is not grounded and trace when asked")
	SseEmitter stream(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String id,
			@RequestBody AskRequest request) throws IOException {
		// refused before the stream starts, so that a busy server answers 429 itself, and
		// a session the caller may not use (now) 404
		MetadataFilter filter = MetadataFilter.parse(request.filter());
		Conversations.Question question = question(caller, id, request, filter);
		this.conversations.session(caller, id);
		AnswerAdmission.Permit permit = this.admission.admit();
		this.audit.questionAsked(keyId(caller), id, request.message());
		String address = this.audit.address();
		SseEmitter emitter = opened();
		// the stream ended by the container (the client went away, or the time ran out):
		// the answer stops at its next token
		AtomicBoolean ended = new AtomicBoolean();
		emitter.onError((ex) -> ended.set(true));
		emitter.onTimeout(() -> ended.set(true));
		emitter.onCompletion(() -> ended.set(true));
		Thread.ofVirtual().name("ragchat-answer").start(() -> {
			try (permit) {
				Conversations.Asked asked = this.conversations.ask(question,
						(token) -> send(emitter, ended, "token", Map.of("text", token)));
				ChatMessage answer = asked.message();
				this.audit.sourcesCited(keyId(caller), id, sources(answer), address);
				send(emitter, ended, "citations", answer.citations());
				send(emitter, ended, "done",
						new Done(answer.id(), answer.grounded(), answer.outcome(), answer.content(), answer.passages(),
								answer.refusal(), answer.clarification(), asked.trace(), answer.listing()));
				emitter.complete();
			}
			catch (Conversations.AskerGone ex) {
				// a normal event (the console's Stop, a closed tab): one line, no trace
				logger.info("The client of session {} went away while its answer streamed: the answer stopped", id);
				try {
					emitter.complete();
				}
				catch (IllegalStateException gone) {
					// the container ended the stream already (its error listener
					// returned): it is over either way
				}
			}
			catch (RuntimeException ex) {
				ProblemDetail problem;
				if (ex instanceof RagChatException refusal) {
					problem = Problems.refusal(refusal);
				}
				else {
					logger.error("Streaming answer failed", ex);
					problem = Problems.unexpected();
				}
				try {
					emitter.send(SseEmitter.event().name("error").data(problem, MediaType.APPLICATION_JSON));
				}
				catch (IOException | IllegalStateException ignored) {
					// the client is gone
				}
				emitter.complete();
			}
		});
		return emitter;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The session's history, oldest first, paged (an answer asked with trace: true with its trace)")
	HistoryView history(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String id,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
		if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
			throw new RejectedInputException("offset must be 0 or more, limit between 1 and " + MAX_PAGE);
		}
		List<ChatMessage> page = this.conversations.history(caller, id, offset, limit);
		return new HistoryView(page.stream().map((message) -> AnswerView.of(message, message.trace())).toList(), offset,
				limit, this.conversations.count(id));
	}

	/**
	 * A stream that opens with a comment, sent here, on the request's thread. An emitter
	 * keeps what is sent before Spring MVC initializes it, and its initialization (on
	 * this thread, in {@code ResponseBodyEmitterReturnValueHandler}, as this method
	 * returns) writes and flushes it: the response, and with it the security headers
	 * (written when it commits), is committed here. Without it the answering thread's
	 * first token committed it, while this thread was still on its way out of the
	 * security filters, which write the same headers at the end of the chain: two threads
	 * writing one response's headers at once (under HTTP/2 this broke Tomcat's header
	 * encoder). Clients skip the comment, as every SSE client skips lines that start with
	 * {@code :}.
	 */
	private static SseEmitter opened() throws IOException {
		SseEmitter emitter = new SseEmitter(120_000L);
		emitter.send(SseEmitter.event().comment("answer"));
		return emitter;
	}

	/**
	 * @param caller the session's caller; the security chain always puts one here, the
	 * web slice tests of this controller do not
	 * @return its key id for the audit trail
	 */
	private static Conversations.Question question(Caller caller, String id, AskRequest request,
			MetadataFilter filter) {
		return Conversations.Question.of(caller, id, request.message())
			.withAttachments(request.attachments())
			.withFilter(filter)
			.withTrace(request.traced())
			.withReading(request.readingDocument());
	}

	private static String keyId(Caller caller) {
		return (caller != null) ? caller.keyId() : null;
	}

	private static List<Audit.Source> sources(ChatMessage answer) {
		List<Citation> citations = (answer.citations() != null) ? answer.citations() : List.of();
		return citations.stream().map((c) -> new Audit.Source(c.documentId(), c.page())).toList();
	}

	/**
	 * Sends one event; a stream the client left (or that ended) stops the answer.
	 */
	private static void send(SseEmitter emitter, AtomicBoolean ended, String event, Object data) {
		try {
			emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
		}
		catch (IOException ex) {
			throw new Conversations.AskerGone(ex);
		}
		catch (IllegalStateException ex) {
			// sending on an emitter the container completed (an error, a timeout)
			if (ended.get()) {
				throw new Conversations.AskerGone(ex);
			}
			throw ex;
		}
	}

	/**
	 * @param message the question
	 * @param attachments ids of images or audio stored with {@code POST /api/v1/media} by
	 * the same key
	 * @param filter only sources whose document values pass this filter
	 * ({@link MetadataFilter#parse}), or {@code null}
	 * @param trace {@code true} for the answer's trace (the stages as they ran); off by
	 * default
	 * @param reading the reading chosen among those a question asked back offered (its
	 * document, the {@code documentId} of the citation its {@code source} numbers): this
	 * question alone is asked of that document only; or {@code null}
	 */
	record AskRequest(String message, List<String> attachments, Object filter, Boolean trace, Reading reading) {

		boolean traced() {
			return Boolean.TRUE.equals(this.trace);
		}

		/**
		 * @return the chosen reading's document, or {@code null} when none was chosen
		 * @throws RejectedInputException for a reading without a document
		 */
		String readingDocument() {
			if (this.reading == null) {
				return null;
			}
			if (this.reading.documentId() == null || this.reading.documentId().isBlank()) {
				throw new RejectedInputException("reading.documentId must name a document");
			}
			return this.reading.documentId();
		}

	}

	/**
	 * A reading chosen among those a question asked back offered.
	 *
	 * @param documentId its document
	 */
	record Reading(String documentId) {

	}

	/**
	 * The streamed answer's last event.
	 *
	 * @param id the stored answer's id
	 * @param grounded whether it rests on the documents
	 * @param answer its whole text
	 * @param passages the passages it was built from
	 * @param outcome {@code answer}, {@code refused} or {@code clarify}
	 * @param refusal why the documents do not answer, when it is not grounded
	 * @param clarification the readings offered, when it asks back
	 * @param trace its trace, when asked
	 * @param listing for a question about the whole scope, its fields ({@code asks},
	 * {@code says}, {@code count}, {@code scanned}, {@code truncated}, {@code items})
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Done(String id, Boolean grounded, String outcome, String answer, List<Answer.Passage> passages,
			Refusal refusal, Clarification clarification, Trace trace, @JsonUnwrapped Listing listing) {

	}

	/**
	 * A question or an answer.
	 *
	 * @param citations for an answer: the sources it cites
	 * @param passages for an answer: the passages the search found for it, best first
	 * with their scores, cited or not (at most {@value ChatMessage#MAX_PASSAGES}; empty
	 * for answers stored before they were kept)
	 * @param refusal for an answer that is not grounded: why the documents do not answer
	 * (its reason code and detail; none for answers stored before refusals were kept)
	 * @param trace the answer's trace, when the question asked for it (in the history as
	 * kept: without the generate stage's text and repeated snippets)
	 * @param outcome for an answer: {@code answer}, {@code refused} or {@code clarify}
	 * @param clarification for a question asked back: what it points at and the readings
	 * it offers, each with the {@code index} of the citation that names it (kept with the
	 * history; none for questions asked back stored before readings were kept)
	 * @param stopped {@code true} for an answer its asker stopped while it streamed (its
	 * text is what was streamed until then); absent otherwise
	 * @param listing for an answer to a question about the whole scope: {@code asks}
	 * ({@code which}, {@code how-many}, {@code list}, {@code each}), {@code says},
	 * {@code count}, {@code scanned}, {@code truncated} and every one of its
	 * {@code items}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record AnswerView(String id, String role, String answer, Boolean grounded, String outcome, List<Citation> citations,
			Instant createdAt, List<Answer.Passage> passages, Refusal refusal, Clarification clarification, Trace trace,
			Boolean stopped, @JsonUnwrapped Listing listing) {

		static AnswerView of(ChatMessage message) {
			return of(message, null);
		}

		static AnswerView of(ChatMessage message, Trace trace) {
			boolean answer = ChatMessage.ASSISTANT.equals(message.role());
			return new AnswerView(message.id(), message.role(), message.content(), message.grounded(),
					message.outcome(), answer ? message.citations() : null, message.createdAt(),
					answer ? message.passages() : null, answer ? message.refusal() : null,
					answer ? message.clarification() : null, trace, message.stopped() ? Boolean.TRUE : null,
					answer ? message.listing() : null);
		}

	}

	record HistoryView(List<AnswerView> messages, int offset, int limit, long total) {

	}

}
