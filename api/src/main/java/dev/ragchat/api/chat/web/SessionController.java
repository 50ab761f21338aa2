package dev.ragchat.api.chat.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.answer.SearchScope;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.audit.Audit;
import dev.ragchat.api.chat.ChatMessage;
import dev.ragchat.api.chat.ChatSession;
import dev.ragchat.api.chat.ChatSessions;
import dev.ragchat.api.chat.SessionSettings;
import dev.ragchat.api.chat.SessionStart;
import dev.ragchat.api.chat.list.ConversationList;
import dev.ragchat.errors.RejectedInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chat sessions: started with an API key, then used with the session token.
 */
@RestController
@RequestMapping(path = "/api/v1/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "sessions", description = "Chat sessions and their tokens")
public class SessionController {

	private static final int MAX_PAGE = 100;

	private static final int PREVIEW_LENGTH = 200;

	private final ChatSessions sessions;

	private final ConversationList conversations;

	private final Audit audit;

	private final Clock clock;

	SessionController(ChatSessions sessions, ConversationList conversations, Audit audit, Clock clock) {
		this.audit = audit;
		this.clock = clock;
		this.sessions = sessions;
		this.conversations = conversations;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Start a chat session on a knowledge base; returns its short-lived token;"
			+ " 409 when it changes the settings of a chat configuration that is not editable")
	@SecurityRequirement(name = "apiKey")
	ResponseEntity<StartedResponse> start(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
			@Valid @RequestBody StartRequest request) {
		ChatSessions.Started started = this.sessions.start(caller, request.toStart());
		this.audit.sessionStarted(caller.keyId(), started.session().knowledgeBase(), started.session().id());
		String url = "/api/v1/sessions/" + started.session().id();
		return ResponseEntity.created(URI.create(url))
			.body(new StartedResponse(started.session().id(), started.token(), "Bearer", started.session().expiresAt(),
					url + "/messages"));
	}

	@GetMapping
	@Operation(summary = "The sessions this API key started, pinned first, then newest first, paged, each with its"
			+ " first question and its last message; q: only those whose title or one of whose questions or"
			+ " answers holds this text (ignoring case)")
	@SecurityRequirement(name = "apiKey")
	SessionList list(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "20") int limit,
			@RequestParam(required = false) String q) {
		if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
			throw new RejectedInputException("offset must be 0 or more, limit between 1 and " + MAX_PAGE);
		}
		ConversationList.Listed listed = this.conversations.list(caller, q, offset, limit);
		return new SessionList(listed.sessions().stream().map(SessionController::summary).toList(), offset, limit,
				listed.total());
	}

	@PostMapping("/{id}/token")
	@Operation(summary = "A new token for a session this API key started and did not end, however long ago"
			+ " (to take a conversation up again after a reload or when its token expired); it lives for the"
			+ " configured token lifetime, never beyond the key")
	@SecurityRequirement(name = "apiKey")
	StartedResponse token(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String id) {
		ChatSessions.Started started = this.sessions.token(caller, id);
		this.audit.sessionStarted(caller.keyId(), started.session().knowledgeBase(), started.session().id());
		String url = "/api/v1/sessions/" + started.session().id();
		return new StartedResponse(started.session().id(), started.token(), "Bearer", started.session().expiresAt(),
				url + "/messages");
	}

	@GetMapping("/{id}")
	@Operation(summary = "Show the session this token belongs to")
	@SecurityRequirement(name = "sessionToken")
	SessionView get(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String id) {
		return view(this.sessions.get(caller, id));
	}

	@PutMapping(path = "/{id}/scope", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change where the session asks (its token): the knowledge base it started on with the"
			+ " knowledgeBases listed, only the documents listed (empty: all of them); every knowledge base one"
			+ " this caller may chat in, checked again on every request")
	@SecurityRequirement(name = "sessionToken")
	SessionView scope(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String id,
			@Valid @RequestBody ScopeRequest request) {
		this.sessions.rescope(caller, id, request.knowledgeBasesOrNone(), request.documentsOrNone());
		return view(this.sessions.get(caller, id));
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change the session's settings (fields left out keep their value);"
			+ " 409 when its chat configuration is not editable")
	@SecurityRequirement(name = "sessionToken")
	SessionView update(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String id,
			@Valid @RequestBody SettingsRequest request) {
		return view(this.sessions.update(caller, id, request.toSettings()));
	}

	private SessionView view(ChatSession session) {
		SearchScope scope = this.sessions.scope(session);
		return new SessionView(session.id(), session.title(), session.knowledgeBase(), session.configId(),
				session.systemPrompt(), session.model(), session.temperature(), session.topK(), session.createdAt(),
				session.expiresAt(), session.endedAt(), session.isPinned(), session.pinnedAt(), scope.knowledgeBases(),
				scope.documentIds());
	}

	private static SessionSummary summary(ConversationList.Summary summary) {
		ChatSession session = summary.session();
		ChatMessage last = summary.lastMessage();
		LastMessage preview = null;
		if (last != null) {
			preview = new LastMessage(last.role(), preview(last.content()), last.createdAt());
		}
		return new SessionSummary(session.id(), session.title(), session.knowledgeBase(), session.configId(),
				session.model(), session.createdAt(), summary.updatedAt(), session.expiresAt(), session.endedAt(),
				(summary.firstQuestion() != null) ? preview(summary.firstQuestion()) : null, preview,
				session.isPinned(), session.pinnedAt());
	}

	private static String preview(String text) {
		return (text.length() > PREVIEW_LENGTH) ? text.substring(0, PREVIEW_LENGTH) + "…" : text;
	}

	@PutMapping(path = "/{id}/title", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Name the session (its token, or the API key that started it); a blank title removes it")
	@SecurityRequirement(name = "sessionToken")
	@SecurityRequirement(name = "apiKey")
	SessionView rename(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String id,
			@RequestBody TitleRequest request) {
		return view(this.conversations.rename(caller, id, request.title()));
	}

	@PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Rename and pin the session (its token, or the API key that started it): title (blank or"
			+ " null removes it) and pinned (pinned sessions come first in the list); fields left out keep their"
			+ " value")
	@SecurityRequirement(name = "sessionToken")
	@SecurityRequirement(name = "apiKey")
	SessionView change(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String id,
			@RequestBody JsonNode request) {
		return view(this.conversations.change(caller, id, change(request)));
	}

	/**
	 * A body of {@code PATCH}: an object with a title, pinned, or both, and nothing else.
	 */
	private static ConversationList.Change change(JsonNode request) {
		if (request == null || !request.isObject() || request.isEmpty()) {
			throw new RejectedInputException("Send an object with title, pinned or both");
		}
		request.fieldNames().forEachRemaining((field) -> {
			if (!field.equals("title") && !field.equals("pinned")) {
				throw new RejectedInputException(
						"Only title and pinned change here (" + field + " does not; PUT changes the settings)");
			}
		});
		JsonNode title = request.get("title");
		if (title != null && !title.isNull() && !title.isTextual()) {
			throw new RejectedInputException("title must be a string (blank or null removes it)");
		}
		JsonNode pinned = request.get("pinned");
		if (pinned != null && !pinned.isBoolean()) {
			throw new RejectedInputException("pinned must be true or false");
		}
		return new ConversationList.Change(title != null, (title != null) ? title.textValue() : null,
				(pinned != null) ? pinned.booleanValue() : null);
	}

	@GetMapping(path = "/{id}/export", produces = { MediaType.APPLICATION_JSON_VALUE, ConversationExport.MARKDOWN })
	@Operation(summary = "The conversation to take away (its token, or the API key that started it), as a file"
			+ " named after its title and its knowledge base's name: format=markdown (default; the title, each turn,"
			+ " answers with their citations as footnotes: document, page, quote; what documents and people wrote"
			+ " escaped to show as text) or format=json (the session and every message with its citations)")
	@SecurityRequirement(name = "sessionToken")
	@SecurityRequirement(name = "apiKey")
	ResponseEntity<?> export(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String id,
			@RequestParam(defaultValue = "markdown") String format) {
		boolean json = switch (format) {
			case "json" -> true;
			case "markdown", "md" -> false;
			default -> throw new RejectedInputException("format must be markdown or json");
		};
		ConversationList.Exported exported = this.conversations.export(caller, id);
		Instant now = this.clock.instant();
		ResponseEntity.BodyBuilder file = ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ConversationExport.contentDisposition(exported, json));
		if (json) {
			return file.contentType(MediaType.APPLICATION_JSON).body(ConversationExport.json(exported, now));
		}
		return file.contentType(MediaType.parseMediaType(ConversationExport.MARKDOWN + ";charset=UTF-8"))
			.body(ConversationExport.markdown(exported, now));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete the session with its history (its token, or the API key that started it);"
			+ " its token stops working")
	@SecurityRequirement(name = "sessionToken")
	@SecurityRequirement(name = "apiKey")
	void end(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String id) {
		this.sessions.end(caller, id);
	}

	/**
	 * What starts a session.
	 *
	 * @param knowledgeBase the knowledge base to ask (default: the configuration's)
	 * @param configId a chat configuration to start from
	 * @param systemPrompt overrides the configuration's system prompt
	 * @param model overrides the configured model
	 * @param temperature overrides the configured temperature
	 * @param topK how many chunks to retrieve per question
	 * @param knowledgeBases more knowledge bases to ask at once (the first is the one to
	 * ask when knowledgeBase and configId are left out)
	 * @param documents only these documents of them
	 */
	public record StartRequest(@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}") String knowledgeBase,
			@Size(max = 100) String configId, @Size(max = 8000) String systemPrompt, @Size(max = 100) String model,
			@DecimalMin(SessionSettings.MIN_TEMPERATURE) @DecimalMax(SessionSettings.MAX_TEMPERATURE) Double temperature,
			@Min(1) @Max(50) Integer topK,
			@Size(max = SearchScope.MAX_KNOWLEDGE_BASES) List<@Pattern(
					regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}") String> knowledgeBases,
			@Size(max = SearchScope.MAX_DOCUMENTS) List<@Size(min = 1, max = 100) String> documents) {

		SessionStart toStart() {
			return new SessionStart(this.knowledgeBase, this.configId,
					new SessionSettings(this.systemPrompt, this.model, this.temperature, this.topK),
					this.knowledgeBases, this.documents);
		}

	}

	/**
	 * Where a session asks, besides the knowledge base it started on.
	 *
	 * @param knowledgeBases more knowledge bases to ask at once, or none
	 * @param documents only these documents of them, or none for all
	 */
	public record ScopeRequest(
			@Size(max = SearchScope.MAX_KNOWLEDGE_BASES) List<@Pattern(
					regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}") String> knowledgeBases,
			@Size(max = SearchScope.MAX_DOCUMENTS) List<@Size(min = 1, max = 100) String> documents) {

		List<String> knowledgeBasesOrNone() {
			return (this.knowledgeBases != null) ? this.knowledgeBases : List.of();
		}

		List<String> documentsOrNone() {
			return (this.documents != null) ? this.documents : List.of();
		}

	}

	/**
	 * New settings of a session; what is left out keeps its value. The limits are those
	 * of {@link StartRequest}.
	 *
	 * @param systemPrompt the system prompt
	 * @param model the model
	 * @param temperature the temperature
	 * @param topK how many chunks to retrieve per question
	 */
	public record SettingsRequest(@Size(max = 8000) String systemPrompt, @Size(max = 100) String model,
			@DecimalMin(SessionSettings.MIN_TEMPERATURE) @DecimalMax(SessionSettings.MAX_TEMPERATURE) Double temperature,
			@Min(1) @Max(50) Integer topK) {

		SessionSettings toSettings() {
			return new SessionSettings(this.systemPrompt, this.model, this.temperature, this.topK);
		}

	}

	record SessionList(List<SessionSummary> sessions, int offset, int limit, long total) {

	}

	/**
	 * A session's new name.
	 *
	 * @param title the title (at most 200 characters); blank or missing for none
	 */
	record TitleRequest(String title) {

	}

	/**
	 * A session in its key's list.
	 *
	 * @param expiresAt when its latest token expires (the key gets a new one for as long
	 * as the session was not ended)
	 * @param firstQuestion its first question, cut as a preview: what a client names it
	 * after when it has no title
	 * @param pinned whether its user pinned it (pinned sessions come first)
	 * @param pinnedAt when, or {@code null}
	 */
	record SessionSummary(String sessionId, String title, String knowledgeBase, String configId, String model,
			Instant createdAt, Instant updatedAt, Instant expiresAt, Instant endedAt, String firstQuestion,
			LastMessage lastMessage, boolean pinned, Instant pinnedAt) {

	}

	record LastMessage(String role, String preview, Instant createdAt) {

	}

	record StartedResponse(String sessionId, String token, String tokenType, Instant expiresAt, String messagesUrl) {

	}

	/**
	 * A session.
	 *
	 * @param knowledgeBases where it asks: its knowledge base first, then the others its
	 * scope names
	 * @param documents only these documents of them, empty for all
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record SessionView(String sessionId, String title, String knowledgeBase, String configId, String systemPrompt,
			String model, Double temperature, Integer topK, Instant createdAt, Instant expiresAt, Instant endedAt,
			boolean pinned, Instant pinnedAt, List<String> knowledgeBases, List<String> documents) {

	}

}
