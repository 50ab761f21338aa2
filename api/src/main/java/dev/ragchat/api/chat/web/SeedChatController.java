package dev.ragchat.api.chat.web;

import java.util.List;

import dev.ragchat.answer.Citation;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.chat.AnswerAdmission;
import dev.ragchat.api.chat.ChatMessage;
import dev.ragchat.api.chat.ChatSessions;
import dev.ragchat.api.chat.Conversations;
import dev.ragchat.api.chat.SessionStart;
import dev.ragchat.ingestion.KnowledgeBase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The original Flask service's chat endpoints on the {@code default} knowledge base:
 * start a chat with a temporary key, then ask with the raw token in
 * {@code Authorization}.
 */
@RestController
@Tag(name = "seed-compatible")
class SeedChatController {

	static final String CHAT_URL = "/api/chat";

	private final ChatSessions sessions;

	private final Conversations conversations;

	private final AnswerAdmission admission;

	SeedChatController(ChatSessions sessions, Conversations conversations, AnswerAdmission admission) {
		this.sessions = sessions;
		this.conversations = conversations;
		this.admission = admission;
	}

	@PostMapping(path = { "/api/start_chat", "/start_chat" }, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Start a chat on the default knowledge base (X-API-Key: a temporary key)")
	StartedChat start(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
		ChatSessions.Started started = this.sessions.start(caller, new SessionStart(KnowledgeBase.DEFAULT, null, null));
		return new StartedChat(started.token(), CHAT_URL);
	}

	@PostMapping(path = { "/api/chat", "/chat" }, consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Ask (Authorization: the token from start_chat, with or without 'Bearer')")
	SeedAnswer chat(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
			@RequestBody SeedQuestion question) {
		try (AnswerAdmission.Permit permit = this.admission.admit()) {
			ChatMessage answer = this.conversations
				.ask(Conversations.Question.of(caller, caller.sessionId(), question.query()), (token) -> {
				})
				.message();
			return new SeedAnswer(question.query(), answer.content(), answer.citations());
		}
	}

	/**
	 * @param jwt_token the session token
	 * @param url where to chat
	 */
	record StartedChat(String jwt_token, String url) {

	}

	/**
	 * @param query the question
	 * @param url where the client chats (echoed, not used)
	 */
	record SeedQuestion(String query, String url) {

	}

	record SeedAnswer(String query, String answer, List<Citation> citations) {

	}

}
