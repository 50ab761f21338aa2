package dev.ragchat.api.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ragchat.api.access.ActiveSessions;
import dev.ragchat.api.access.ApiKeyRevoked;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.access.SessionTokens;
import dev.ragchat.api.chat.web.SessionController;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.KnowledgeBases;

import org.springframework.context.event.EventListener;

/**
 * Starts, shows and ends chat sessions. A session's token lives for the configured TTL
 * but never beyond its key. What a node read about a session is trusted for a couple of
 * seconds at most (and forgotten at once when it ends here).
 */
public final class ChatSessions implements ActiveSessions {

	private static final Duration CACHE_TTL = Duration.ofSeconds(2);

	private final SessionStore store;

	private final SessionTokens tokens;

	private final Clock clock;

	private final Cache<String, Optional<ChatSession>> cache;

	private final KnowledgeBases knowledgeBases;

	private final ChatConfigStore configs;

	ChatSessions(SessionStore store, SessionTokens tokens, KnowledgeBases knowledgeBases, ChatConfigStore configs,
			Clock clock) {
		this.store = store;
		this.configs = configs;
		this.knowledgeBases = knowledgeBases;
		this.tokens = tokens;
		this.clock = clock;
		this.cache = Caffeine.newBuilder().expireAfterWrite(CACHE_TTL).maximumSize(100_000).build();
	}

	public Started start(Caller caller, SessionController.StartRequest request) {
		ChatConfig config = null;
		if (request.configId() != null) {
			config = this.configs.findById(request.configId())
				.filter((c) -> caller.mayUse(c.knowledgeBase()))
				.orElseThrow(() -> new NotFoundException("No chat configuration '" + request.configId() + "'"));
		}
		String knowledgeBase = (request.knowledgeBase() != null) ? request.knowledgeBase()
				: (config != null) ? config.knowledgeBase() : null;
		if (knowledgeBase == null) {
			throw new RejectedInputException("knowledgeBase is required (or a configId that names one)");
		}
		if (!caller.mayUse(knowledgeBase)) {
			throw new NotFoundException("No knowledge base '" + knowledgeBase + "'");
		}
		this.knowledgeBases.searchable(knowledgeBase);
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.tokens.ttl());
		if (caller.keyExpiresAt() != null && caller.keyExpiresAt().isBefore(expiresAt)) {
			expiresAt = caller.keyExpiresAt();
		}
		ChatSession session = new ChatSession("ses_" + UUID.randomUUID().toString().replace("-", ""), caller.keyId(),
				knowledgeBase, request.configId(),
				first(request.systemPrompt(), (config != null) ? config.systemPrompt() : null),
				first(request.model(), (config != null) ? config.model() : null),
				first(request.temperature(), (config != null) ? config.temperature() : null),
				first(request.topK(), (config != null) ? config.topK() : null), now, expiresAt, null);
		this.store.save(session);
		return new Started(session, this.tokens.issue(session.id(), caller.keyId(), expiresAt));
	}

	private static <T> T first(T preferred, T fallback) {
		return (preferred != null) ? preferred : fallback;
	}

	public ChatSession get(Caller caller, String id) {
		if (!id.equals(caller.sessionId())) {
			throw new NotFoundException("No session '" + id + "'");
		}
		return this.store.findById(id).orElseThrow(() -> new NotFoundException("No session '" + id + "'"));
	}

	public void end(Caller caller, String id) {
		get(caller, id);
		this.store.end(id, this.clock.instant());
		this.cache.invalidate(id);
	}

	@Override
	public boolean isActive(String sessionId, String keyId) {
		Instant now = this.clock.instant();
		return this.cache.get(sessionId, this.store::findById)
			.filter((s) -> s.keyId().equals(keyId) && s.isActive(now))
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
