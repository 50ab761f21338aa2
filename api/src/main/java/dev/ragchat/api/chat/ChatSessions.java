package dev.ragchat.api.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ragchat.answer.AnswerGenerator;
import dev.ragchat.answer.SearchScope;
import dev.ragchat.api.access.ActiveSessions;
import dev.ragchat.api.access.ApiKeyRevoked;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.access.KeyLineages;
import dev.ragchat.api.access.SessionTokens;
import dev.ragchat.api.chatconfig.ChatConfig;
import dev.ragchat.api.chatconfig.ChatConfigStore;
import dev.ragchat.errors.ConflictException;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.KnowledgeBases;

import org.springframework.context.event.EventListener;

/**
 * Starts, shows and ends chat sessions. A session belongs to the lineage of the key that
 * started it (that key, the keys it renewed and its renewals: {@link KeyLineages}) and
 * lasts until it is ended (deleted, or its key revoked); its tokens live for the
 * configured TTL but never beyond the key that asked, and a key of its lineage gets a new
 * one whenever it asks ({@link #token}). What a node read about a session is trusted for
 * a couple of seconds at most (and forgotten at once when it ends here). A key's list of
 * its sessions is {@code chat.list}'s.
 */
public final class ChatSessions implements ActiveSessions {

	private static final Duration CACHE_TTL = Duration.ofSeconds(2);

	private final SessionStore store;

	/** The models people may pick: a session's model is checked against them. */
	private final SessionModels models;

	private final SessionTokens tokens;

	private final Clock clock;

	private final Cache<String, Optional<ChatSession>> cache;

	private final KnowledgeBases knowledgeBases;

	private final ChatConfigStore configs;

	private final MessageStore messages;

	private final KeyLineages lineages;

	private final SessionScopes scopes;

	ChatSessions(SessionStore store, SessionTokens tokens, KnowledgeBases knowledgeBases, ChatConfigStore configs,
			MessageStore messages, KeyLineages lineages, Clock clock, SessionScopes scopes, SessionModels models) {
		this.scopes = scopes;
		this.models = models;
		this.store = store;
		this.lineages = lineages;
		this.messages = messages;
		this.configs = configs;
		this.knowledgeBases = knowledgeBases;
		this.tokens = tokens;
		this.clock = clock;
		this.cache = Caffeine.newBuilder().expireAfterWrite(CACHE_TTL).maximumSize(100_000).build();
	}

	public Started start(Caller caller, SessionStart request) {
		ChatSession session = resolve(caller, request);
		SearchScope scope = this.scopes.checked(caller, session.knowledgeBase(), request.knowledgeBases(),
				request.documents());
		this.store.save(session);
		this.scopes.keep(session.id(), scope);
		return new Started(session, this.tokens.issue(session.id(), caller.keyId(), session.expiresAt()));
	}

	/**
	 * A session as {@link #start} would start it, not stored: its knowledge base and
	 * settings checked against the key and resolved from its configuration, for an answer
	 * that keeps no session (a stateless chat API).
	 * @param caller the key
	 * @param request where to ask, with what settings
	 * @return the session, not stored and with no token
	 */
	public ChatSession resolve(Caller caller, SessionStart request) {
		ChatConfig config = null;
		if (request.configId() != null) {
			config = this.configs.findById(request.configId())
				.filter((c) -> caller.mayUse(c.knowledgeBase()))
				.orElseThrow(() -> new NotFoundException("No chat configuration '" + request.configId() + "'"));
			refuseOverridesOfLocked(config, request);
		}
		this.models.check(request.settings().model(), config);
		if (config != null && request.settings().model() == null) {
			this.models.checkChatConfig(config);
		}
		String knowledgeBase = (request.knowledgeBase() != null) ? request.knowledgeBase() : (config != null)
				? config.knowledgeBase() : !request.knowledgeBases().isEmpty() ? request.knowledgeBases().get(0) : null;
		if (knowledgeBase == null) {
			throw new RejectedInputException("knowledgeBase is required (or a configId that names one)");
		}
		if (!caller.mayUse(knowledgeBase)) {
			throw new NotFoundException("No knowledge base '" + knowledgeBase + "'");
		}
		this.knowledgeBases.searchable(knowledgeBase);
		Instant now = this.clock.instant();
		Instant expiresAt = tokenExpiry(caller, now);
		return new ChatSession("ses_" + UUID.randomUUID().toString().replace("-", ""), caller.keyId(), knowledgeBase,
				request.configId(),
				first(request.settings().systemPrompt(), (config != null) ? config.systemPrompt() : null),
				first(request.settings().model(), (config != null) ? config.model() : null),
				first(request.settings().temperature(), (config != null) ? config.temperature() : null),
				first(request.settings().topK(), (config != null) ? config.topK() : null), now, expiresAt, null);
	}

	/**
	 * A session started from a configuration that is not editable takes its settings as
	 * they are, as {@link #update} keeps them: the same refusal, at the start.
	 */
	private static void refuseOverridesOfLocked(ChatConfig config, SessionStart request) {
		if (config.editable()) {
			return;
		}
		SessionSettings settings = request.settings();
		boolean otherKnowledgeBase = (request.knowledgeBase() != null
				&& !request.knowledgeBase().equals(config.knowledgeBase()))
				|| request.knowledgeBases().stream().anyMatch((kb) -> !kb.equals(config.knowledgeBase()));
		if (otherKnowledgeBase || settings.systemPrompt() != null || settings.model() != null
				|| settings.temperature() != null || settings.topK() != null) {
			throw new ConflictException("Chat configuration '" + config.id() + "' is not editable: a session"
					+ " started from it takes its knowledge base and settings as they are (send only configId)");
		}
	}

	/**
	 * @return when a token issued now expires: after the configured TTL, but never after
	 * the key
	 */
	private Instant tokenExpiry(Caller caller, Instant now) {
		Instant expiresAt = now.plus(this.tokens.ttl());
		if (caller.keyExpiresAt() != null && caller.keyExpiresAt().isBefore(expiresAt)) {
			expiresAt = caller.keyExpiresAt();
		}
		return expiresAt;
	}

	private static <T> T first(T preferred, T fallback) {
		return (preferred != null) ? preferred : fallback;
	}

	/**
	 * @param caller the session's token
	 * @param id the session
	 * @return the session, when the token is its and may still chat in its knowledge base
	 * @throws NotFoundException for another session, or one whose knowledge base the
	 * caller may no longer use
	 */
	public ChatSession get(Caller caller, String id) {
		if (!id.equals(caller.sessionId())) {
			throw new NotFoundException("No session '" + id + "'");
		}
		return this.store.findById(id)
			.map((session) -> usable(caller, session))
			.orElseThrow(() -> new NotFoundException("No session '" + id + "'"));
	}

	/**
	 * Every use of a session, with its token or its key, comes here (through {@link #get}
	 * or {@link #ofKey}): the caller's rights are those read for this request, so a grant
	 * withdrawn (or a group its person left) ends the session's use at the next request,
	 * as it ends the knowledge base's. The refusal is that of a knowledge base the caller
	 * cannot see; the session goes on, for when the grant comes back.
	 */
	private ChatSession usable(Caller caller, ChatSession session) {
		// every knowledge base of its scope, each time (a session that asks several is
		// refused when the caller may no longer chat in one of them)
		for (String knowledgeBase : this.scopes.of(session).knowledgeBases()) {
			// its own knowledge base (the files dropped into it) is the session's
			if (!knowledgeBase.equals(session.id()) && !caller.mayChatIn(knowledgeBase)) {
				throw new NotFoundException("No knowledge base '" + knowledgeBase + "' (session '" + session.id()
						+ "' asks it, and this key may no longer chat there)");
			}
		}
		return session;
	}

	/**
	 * @param session a session a caller may use now ({@link #get})
	 * @return where it asks: its knowledge bases, maybe only some documents
	 */
	public SearchScope scope(ChatSession session) {
		return this.scopes.of(session);
	}

	/**
	 * Changes where a session asks (with its token): the knowledge base it started on,
	 * with these others and only these documents, each checked against the caller as at
	 * the start.
	 * @param caller the session's token
	 * @param id the session
	 * @param knowledgeBases the other knowledge bases to ask, or empty
	 * @param documents only these documents, or empty for all
	 * @return the scope as it is now
	 */
	public SearchScope rescope(Caller caller, String id, List<String> knowledgeBases, List<String> documents) {
		ChatSession session = get(caller, id);
		if (session.configId() != null && !knowledgeBases.stream().allMatch(session.knowledgeBase()::equals)) {
			this.configs.findById(session.configId()).filter((config) -> !config.editable()).ifPresent((config) -> {
				throw new ConflictException("Session '" + id + "' started from chat configuration '" + config.id()
						+ "', which is not editable: it asks its knowledge base only");
			});
		}
		List<String> others = knowledgeBases;
		if (this.scopes.of(session).knowledgeBases().contains(id) && !others.contains(id)) {
			// the files dropped into it stay asked (they leave it when deleted)
			others = new java.util.ArrayList<>(others);
			others.add(id);
		}
		SearchScope scope = this.scopes.checked(caller, id, session.knowledgeBase(), others, documents);
		this.scopes.keep(id, scope);
		return scope;
	}

	/**
	 * Deletes a session with its history and citations: with its own token, or with the
	 * API key that started it. Its token stops working.
	 * @param caller the session's token or its API key
	 * @param id the session
	 */
	public void end(Caller caller, String id) {
		ChatSession session = ofCaller(caller, id);
		this.store.end(session.id(), this.clock.instant());
		this.cache.invalidate(id);
		this.messages.deleteSession(id);
		if (this.knowledgeBases.exists(id)) {
			// the files dropped into it, their chunks and originals
			this.knowledgeBases.delete(id);
		}
		this.scopes.forget(id);
		this.store.delete(id);
		this.cache.invalidate(id);
	}

	/**
	 * Changes a session's settings; fields left {@code null} keep their value.
	 * @param caller the session's token
	 * @param id the session
	 * @param settings the new settings
	 * @return the session as it is now
	 * @throws ConflictException if the chat configuration it started from is not editable
	 */
	public ChatSession update(Caller caller, String id, SessionSettings settings) {
		ChatSession session = get(caller, id);
		if (session.configId() != null) {
			this.configs.findById(session.configId()).filter((config) -> !config.editable()).ifPresent((config) -> {
				throw new ConflictException("Session '" + id + "' started from chat configuration '" + config.id()
						+ "', which is not editable: its settings cannot be changed");
			});
		}
		// an empty model goes back to the chat config's (its model, or its own or the
		// service's model that answers): a model picked is dropped
		ChatConfig config = (session.configId() != null) ? this.configs.findById(session.configId()).orElse(null)
				: null;
		boolean backToConfig = settings.model() != null && settings.model().isBlank();
		String model = backToConfig ? ((config != null) ? config.model() : null)
				: first(settings.model(), session.model());
		if (backToConfig && config != null) {
			this.models.checkChatConfig(config);
		}
		else if (model != null && !model.equals(session.model())) {
			this.models.check(model, config);
		}
		ChatSession updated = new ChatSession(session.id(), session.keyId(), session.knowledgeBase(),
				session.configId(), first(settings.systemPrompt(), session.systemPrompt()), model,
				first(settings.temperature(), session.temperature()), first(settings.topK(), session.topK()),
				session.createdAt(), session.expiresAt(), session.endedAt(), session.title(), session.pinnedAt());
		this.store.updateSettings(updated);
		this.cache.invalidate(id);
		return updated;
	}

	/**
	 * @param session a session
	 * @return the generator of the model that answers its questions (picked, else its
	 * chat config's own, else the service's; {@code null}: the engine's configured one)
	 * @throws ConflictException when the session took up its chat config's model and
	 * people may not use it (asked for each answer, before any model is)
	 */
	public AnswerGenerator answering(ChatSession session) {
		return this.models.answering(this.models.modelKey(session.model(), session.configId()));
	}

	private ChatSession ofKey(Caller caller, String id) {
		return this.store.findById(id)
			.filter((session) -> this.lineages.sameLineage(session.keyId(), caller.keyId()))
			.map((session) -> usable(caller, session))
			.orElseThrow(() -> new NotFoundException("No session '" + id + "'"));
	}

	/**
	 * @param caller an API key
	 * @param id a session
	 * @return the session, as its token would present it, when this key started it and it
	 * was not ended
	 * @throws NotFoundException for another key's session, or one that ended
	 */
	public Caller resume(Caller caller, String id) {
		ChatSession session = ofKey(caller, id);
		if (!session.isOpen()) {
			throw new NotFoundException("No session '" + id + "'");
		}
		return caller.inSession(session.id());
	}

	/**
	 * @param caller the session's token or the API key that started it
	 * @param id a session
	 * @return the session, when the caller may use it now (the rights of {@link #get} and
	 * {@link #ofKey}, read for this request) and it was not ended
	 * @throws NotFoundException for another's session, or one that ended
	 */
	public ChatSession open(Caller caller, String id) {
		ChatSession session = ofCaller(caller, id);
		if (!session.isOpen()) {
			throw new NotFoundException("No session '" + id + "' (it was ended)");
		}
		return session;
	}

	/**
	 * @param caller the session's token or the API key that started it
	 * @param id a session
	 * @return the session, when the caller may use it now (the rights of {@link #get} and
	 * {@link #ofKey}, read for this request), ended or not
	 * @throws NotFoundException for another's session
	 */
	public ChatSession ofCaller(Caller caller, String id) {
		return (caller.kind() == Caller.Kind.API_KEY) ? ofKey(caller, id) : get(caller, id);
	}

	/**
	 * A new token for a session the key started, so that a client (the console after a
	 * reload, or when the last token expired) can take a conversation up again, however
	 * long ago the session started: it lives for the configured TTL, never beyond the
	 * key. The session's {@code expiresAt} becomes the new token's.
	 * @param caller an API key
	 * @param id a session
	 * @return the session and its new token
	 * @throws NotFoundException for another key's session, or one that ended
	 */
	public Started token(Caller caller, String id) {
		ChatSession session = ofKey(caller, id);
		if (!session.isOpen()) {
			throw new NotFoundException("No session '" + id + "' (it was ended)");
		}
		Instant expiresAt = tokenExpiry(caller, this.clock.instant());
		this.store.renew(id, expiresAt);
		this.cache.invalidate(id);
		ChatSession renewed = new ChatSession(session.id(), session.keyId(), session.knowledgeBase(),
				session.configId(), session.systemPrompt(), session.model(), session.temperature(), session.topK(),
				session.createdAt(), expiresAt, session.endedAt(), session.title(), session.pinnedAt());
		return new Started(renewed, this.tokens.issue(session.id(), caller.keyId(), expiresAt));
	}

	/**
	 * Whether a token's session goes on; the token's own expiry is checked where it is
	 * verified, so a session outlives each of its tokens.
	 */
	@Override
	public boolean isActive(String sessionId, String keyId) {
		return this.cache.get(sessionId, this.store::findById)
			.filter((s) -> this.lineages.sameLineage(s.keyId(), keyId) && s.isOpen())
			.isPresent();
	}

	@EventListener
	void on(ApiKeyRevoked revoked) {
		this.store.endAllOfKey(revoked.keyId(), this.clock.instant());
		this.cache.invalidateAll();
	}

	/**
	 * A started session and its token.
	 *
	 * @param session the session
	 * @param token its JWT
	 */
	public record Started(ChatSession session, String token) {

	}

}
