package dev.ragchat.api.openai.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.answer.Answer;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.access.Scope;
import dev.ragchat.api.audit.Audit;
import dev.ragchat.api.chat.AnswerAdmission;
import dev.ragchat.api.chat.Conversations;
import dev.ragchat.api.chat.SessionStart;
import dev.ragchat.api.openai.ChatApiModels;
import dev.ragchat.api.openai.web.CompletionViews.Chunk;
import dev.ragchat.api.openai.web.CompletionViews.Completion;
import dev.ragchat.api.openai.web.CompletionViews.ModelList;
import dev.ragchat.api.openai.web.CompletionViews.SourceView;
import dev.ragchat.api.web.OpenAiErrors;
import dev.ragchat.api.web.Problems;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RagChatException;
import dev.ragchat.errors.RejectedInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * OpenAI's chat API over the knowledge bases: a client that speaks it works by setting
 * the base URL to {@code https://<host>/v1} and its API key to a ragchat key. Every
 * answer goes the answer path of {@code /messages} in a session that ends with it; the
 * citations travel in the extension field {@code citations}, why an answer is not
 * grounded in {@code refusal}, and its trace, when the request asks with
 * {@code "trace": true}, in {@code trace}.
 */
@RestController
@Tag(name = "openai-compatible")
class ChatCompletionController {

	private static final Logger logger = LoggerFactory.getLogger(ChatCompletionController.class);

	private static final long STREAM_TIMEOUT_MILLIS = 120_000L;

	private final ChatApiModels models;

	private final Conversations conversations;

	private final AnswerAdmission admission;

	private final ObjectMapper objectMapper;

	private final Audit audit;

	ChatCompletionController(ChatApiModels models, Conversations conversations, AnswerAdmission admission,
			ObjectMapper objectMapper, Audit audit) {
		this.audit = audit;
		this.models = models;
		this.conversations = conversations;
		this.admission = admission;
		this.objectMapper = objectMapper;
	}

	@GetMapping(path = "/v1/models", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The models this key may use: kb:<id> per knowledge base, config:<id> per chat configuration,"
			+ " kb:<id>@<model> per knowledge base and model people may use")
	ModelList models(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
		caller.require(Scope.CHAT, null);
		return ModelList.of(this.models.list(caller));
	}

	@PostMapping(path = "/v1/chat/completions", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Answer the last user message from the model's knowledge base, the earlier messages as"
			+ " history; a chat.completion, or chat.completion.chunk events with stream: true; citations in the"
			+ " extension field 'citations'")
	ResponseEntity<ResponseBodyEmitter> complete(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
			@RequestBody JsonNode body) throws IOException {
		caller.require(Scope.CHAT, null);
		CompletionRequest request = CompletionRequest.of(body);
		String previews = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		// refused before an answer is promised: busy, unknown model, a model of another
		// key
		AnswerAdmission.Permit permit = this.admission.admit();
		Conversations.Stateless open;
		try {
			open = open(caller, request);
		}
		catch (RuntimeException ex) {
			permit.close();
			throw ex;
		}
		// no session is kept: the audit trail names the completion
		String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
		this.audit.questionAsked(caller.keyId(), id, request.question());
		long created = System.currentTimeMillis() / 1000;
		if (!request.stream()) {
			try (permit) {
				Answer answer = open.answer(request.history(), request.question(), request.filter(), request.trace(),
						(token) -> {
						});
				this.audit.sourcesCited(caller.keyId(), id, auditSources(answer));
				ResponseBodyEmitter emitter = new ResponseBodyEmitter();
				emitter.send(Completion.of(id, created, request.model(), answer, sources(previews, open, answer)),
						MediaType.APPLICATION_JSON);
				emitter.complete();
				return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(emitter);
			}
		}
		// the stream opens with a comment sent on this thread: the response and its
		// security headers are committed here as the emitter is initialized, not by the
		// answering thread's first chunk while this thread still leaves the security
		// filters (see MessageController#opened); clients skip comments
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MILLIS);
		emitter.send(SseEmitter.event().comment("answer"));
		// the caller's address is the request's, taken on its thread
		Cited cited = new Cited(caller.keyId(), this.audit.address());
		Thread.ofVirtual()
			.name("ragchat-completion")
			.start(() -> stream(emitter, permit, open, request, id, created, previews, cited));
		return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM).body(emitter);
	}

	private static List<Audit.Source> auditSources(Answer answer) {
		return answer.citations().stream().map((c) -> new Audit.Source(c.documentId(), c.page())).toList();
	}

	private Conversations.Stateless open(Caller caller, CompletionRequest request) {
		try {
			SessionStart start = this.models.start(request.model(), request.settings());
			return this.conversations.stateless(caller, new SessionStart(start.knowledgeBase(), start.configId(),
					start.settings(), request.knowledgeBases(), request.documents()));
		}
		catch (NotFoundException ex) {
			throw new OpenAiRefusal(HttpStatus.NOT_FOUND, ex.getMessage(), "model", "model_not_found");
		}
		catch (RejectedInputException ex) {
			// the place and its settings all come from the model id (a model picked that
			// a configuration's model may not be)
			throw OpenAiRefusal.invalid(ex.getMessage(), "model");
		}
	}

	private void stream(SseEmitter emitter, AnswerAdmission.Permit permit, Conversations.Stateless open,
			CompletionRequest request, String id, long created, String previews, Cited cited) {
		try (permit) {
			send(emitter, Chunk.role(id, created, request.model()));
			Answer answer = open.answer(request.history(), request.question(), request.filter(), request.trace(),
					(token) -> send(emitter, Chunk.content(id, created, request.model(), token)));
			this.audit.sourcesCited(cited.keyId(), id, auditSources(answer), cited.address());
			send(emitter, Chunk.last(id, created, request.model(), answer, sources(previews, open, answer)));
			sendRaw(emitter, "[DONE]");
			emitter.complete();
		}
		catch (ClientGone ex) {
			logger.debug("The client went away while its completion streamed");
			completeGone(emitter);
		}
		catch (RuntimeException ex) {
			HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
			String message = "Something went wrong on our side; the error was logged";
			if (ex instanceof RagChatException refusal) {
				status = Problems.status(refusal);
				message = refusal.getMessage();
			}
			else {
				logger.error("Streaming completion failed", ex);
			}
			try {
				sendRaw(emitter, this.objectMapper.writeValueAsString(OpenAiErrors.body(status, message, null, null)));
			}
			catch (ClientGone | JsonProcessingException ignored) {
				// the client is gone
			}
			emitter.complete();
		}
	}

	/**
	 * Ends the stream of a client that went away: the container may have ended it already
	 * (its error listener returned), and then refuses a completion from this thread;
	 * either way the stream is over.
	 */
	private static void completeGone(SseEmitter emitter) {
		try {
			emitter.complete();
		}
		catch (IllegalStateException ex) {
			logger.debug("The container had ended the stream of the client that went away");
		}
	}

	/**
	 * The container's word that the client of a streamed completion went away (its stream
	 * closed), dispatched here once it has: a normal event, not an error (the answer
	 * stops at its next token, and its model's request with it).
	 * @param ex what the container saw
	 */
	@ExceptionHandler
	void clientGone(AsyncRequestNotUsableException ex) {
		logger.debug("The client of a streamed completion went away: {}", ex.getMessage());
	}

	private static List<SourceView> sources(String previews, Conversations.Stateless open, Answer answer) {
		return answer.citations()
			.stream()
			.map((citation) -> SourceView.of(citation, previews, open.knowledgeBase()))
			.toList();
	}

	private void send(SseEmitter emitter, Object chunk) {
		try {
			sendRaw(emitter, this.objectMapper.writeValueAsString(chunk));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void sendRaw(SseEmitter emitter, String data) {
		try {
			emitter.send(SseEmitter.event().data(data, MediaType.TEXT_PLAIN));
		}
		catch (IOException | IllegalStateException ex) {
			throw new ClientGone(ex);
		}
	}

	/**
	 * The client of a streamed completion went away: the answer stops, nothing to report.
	 */
	private static final class ClientGone extends RuntimeException {

		ClientGone(Exception cause) {
			super(cause);
		}

	}

	/**
	 * Who asked a streamed completion and from where, for its {@code sources.cited}
	 * event.
	 *
	 * @param keyId the caller's key id
	 * @param address the request's client address
	 */
	private record Cited(String keyId, String address) {

	}

}
