package dev.ragchat.api.chat.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.audit.Audit;
import dev.ragchat.api.chat.ChatMessage;
import dev.ragchat.api.chat.ChatSession;
import dev.ragchat.api.chat.ChatSessions;
import dev.ragchat.api.chat.SessionSettings;
import dev.ragchat.api.chat.SessionStart;
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

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
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

	private final Audit audit;

	SessionController(ChatSessions sessions, Audit audit) {
		this.audit = audit;
		this.sessions = sessions;
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
	@Operation(summary = "The sessions this API key started, newest first, paged, each with its first question"
			+ " and its last message")
	@SecurityRequirement(name = "apiKey")
	SessionList list(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "20") int limit) {
		if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
			throw new RejectedInputException("offset must be 0 or more, limit between 1 and " + MAX_PAGE);
		}
		ChatSessions.Listed listed = this.sessions.list(caller, offset, limit);
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

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change the session's settings (fields left out keep their value);"
			+ " 409 when its chat configuration is not editable")
	@SecurityRequirement(name = "sessionToken")
	SessionView update(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String id,
			@Valid @RequestBody SettingsRequest request) {
		return view(this.sessions.update(caller, id, request.toSettings()));
	}

	private static SessionView view(ChatSession session) {
		return new SessionView(session.id(), session.title(), session.knowledgeBase(), session.configId(),
				session.systemPrompt(), session.model(), session.temperature(), session.topK(), session.createdAt(),
				session.expiresAt(), session.endedAt());
	}

	private static SessionSummary summary(ChatSessions.Summary summary) {
		ChatSession session = summary.session();
		ChatMessage last = summary.lastMessage();
		LastMessage preview = null;
		if (last != null) {
			preview = new LastMessage(last.role(), preview(last.content()), last.createdAt());
		}
		return new SessionSummary(session.id(), session.title(), session.knowledgeBase(), session.configId(),
				session.model(), session.createdAt(), summary.updatedAt(), session.expiresAt(), session.endedAt(),
				(summary.firstQuestion() != null) ? preview(summary.firstQuestion()) : null, preview);
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
		return view(this.sessions.rename(caller, id, request.title()));
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
	 */
	public record StartRequest(@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}") String knowledgeBase,
			@Size(max = 100) String configId, @Size(max = 8000) String systemPrompt, @Size(max = 100) String model,
			@DecimalMin(SessionSettings.MIN_TEMPERATURE) @DecimalMax(SessionSettings.MAX_TEMPERATURE) Double temperature,
			@Min(1) @Max(50) Integer topK) {

		SessionStart toStart() {
			return new SessionStart(this.knowledgeBase, this.configId,
					new SessionSettings(this.systemPrompt, this.model, this.temperature, this.topK));
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
	 */
	record SessionSummary(String sessionId, String title, String knowledgeBase, String configId, String model,
			Instant createdAt, Instant updatedAt, Instant expiresAt, Instant endedAt, String firstQuestion,
			LastMessage lastMessage) {

	}

	record LastMessage(String role, String preview, Instant createdAt) {

	}

	record StartedResponse(String sessionId, String token, String tokenType, Instant expiresAt, String messagesUrl) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record SessionView(String sessionId, String title, String knowledgeBase, String configId, String systemPrompt,
			String model, Double temperature, Integer topK, Instant createdAt, Instant expiresAt, Instant endedAt) {

	}

}
