package dev.ragchat.api.access;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.ragchat.errors.ForbiddenException;
import dev.ragchat.ingestion.KnowledgeBase;

/**
 * Who is calling: the master key, a temporary API key, or a chat session holding a JWT.
 * Controllers take it with {@code @AuthenticationPrincipal}.
 *
 * @param kind how the caller authenticated
 * @param keyId the API key behind the call ({@code null} for the master key)
 * @param scopes what the key may do
 * @param knowledgeBases the knowledge bases it may touch ({@code *} for all)
 * @param keyExpiresAt when the key expires ({@code null} for the master key)
 * @param sessionId the chat session ({@code null} unless {@code kind} is SESSION)
 * @param person the person who holds the key ({@code null} for a key issued with the
 * master key): the key acts with at most what they may do in each knowledge base
 */
public record Caller(Kind kind, String keyId, Set<Scope> scopes, List<String> knowledgeBases, Instant keyExpiresAt,
		String sessionId, Person person) {

	public Caller {
		scopes = Set.copyOf(scopes);
		knowledgeBases = List.copyOf(knowledgeBases);
	}

	public static Caller master() {
		return new Caller(Kind.MASTER, null, Set.of(Scope.values()), List.of(ApiKey.ALL_KNOWLEDGE_BASES), null, null,
				null);
	}

	public static Caller apiKey(ApiKey key) {
		return new Caller(Kind.API_KEY, key.id(), key.scopes(), key.knowledgeBases(), key.expiresAt(), null, null);
	}

	public static Caller session(ApiKey key, String sessionId) {
		return new Caller(Kind.SESSION, key.id(), key.scopes(), key.knowledgeBases(), key.expiresAt(), sessionId, null);
	}

	/**
	 * @param sessionId a session this API key started
	 * @return the same key, as the session's token would present it
	 */
	public Caller inSession(String sessionId) {
		if (this.kind != Kind.API_KEY) {
			throw new ForbiddenException("A session is started with an API key");
		}
		return new Caller(Kind.SESSION, this.keyId, this.scopes, this.knowledgeBases, this.keyExpiresAt, sessionId,
				this.person);
	}

	/**
	 * @param holder the person who holds this key, with their rights now
	 * @return this key acting with at most what they may do: its scopes those they have
	 * somewhere, its knowledge bases those they may use (checked per knowledge base by
	 * {@link #require})
	 */
	public Caller heldBy(Person holder) {
		if (this.kind == Kind.MASTER) {
			throw new IllegalStateException("The master key is held by no one");
		}
		Set<Scope> scopes = this.scopes.stream()
			.filter(holder.anyScopes()::contains)
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
		List<String> knowledgeBases;
		if (holder.rights().containsKey(ApiKey.ALL_KNOWLEDGE_BASES)) {
			knowledgeBases = this.knowledgeBases;
		}
		else {
			knowledgeBases = holder.rights()
				.keySet()
				.stream()
				.filter((kb) -> this.knowledgeBases.contains(ApiKey.ALL_KNOWLEDGE_BASES)
						|| this.knowledgeBases.contains(kb))
				.sorted()
				.toList();
		}
		return new Caller(this.kind, this.keyId, scopes, knowledgeBases, this.keyExpiresAt, this.sessionId, holder);
	}

	/**
	 * @return whether this caller may touch every knowledge base ({@code *})
	 */
	public boolean mayUseAll() {
		return this.knowledgeBases.contains(ApiKey.ALL_KNOWLEDGE_BASES);
	}

	/**
	 * @param knowledgeBase a knowledge base id
	 * @return whether this caller may touch it; never a chat session's own knowledge base
	 * (its dropped files), which only its session reaches, through the session
	 */
	public boolean mayUse(String knowledgeBase) {
		if (KnowledgeBase.isPrivate(knowledgeBase)) {
			return false;
		}
		return this.knowledgeBases.contains(ApiKey.ALL_KNOWLEDGE_BASES) || this.knowledgeBases.contains(knowledgeBase);
	}

	/**
	 * Whether this caller may chat in a knowledge base now: what a chat session on it
	 * needs at each of its requests, its token's as its key's. The master key may; a key
	 * (or a session token, which acts as its key) needs the chat scope and the knowledge
	 * base in its list, and when a person holds the key, a grant there that still gives
	 * chat (their rights as read for this request: a grant withdrawn, or a group left,
	 * ends it).
	 * @param knowledgeBase a knowledge base id
	 * @return whether it may chat there
	 */
	public boolean mayChatIn(String knowledgeBase) {
		if (this.kind == Kind.MASTER && !KnowledgeBase.isPrivate(knowledgeBase)) {
			return true;
		}
		return this.scopes.contains(Scope.CHAT) && mayUse(knowledgeBase)
				&& (this.person == null || this.person.scopesIn(knowledgeBase).contains(Scope.CHAT));
	}

	/**
	 * Checks that this caller may act on a knowledge base with a scope: the master key
	 * may do anything; an API key needs the scope and the knowledge base in its list.
	 * @param scope what the action needs
	 * @param knowledgeBase the knowledge base, or {@code null} for none in particular
	 * @throws ForbiddenException without the scope (or for a session token)
	 * @throws dev.ragchat.errors.NotFoundException for a knowledge base outside the key
	 */
	public void require(Scope scope, String knowledgeBase) {
		if (KnowledgeBase.isPrivate(knowledgeBase)) {
			throw new dev.ragchat.errors.NotFoundException("No knowledge base '" + knowledgeBase + "'");
		}
		if (this.kind == Kind.MASTER) {
			return;
		}
		if (this.kind != Kind.API_KEY || !this.scopes.contains(scope)) {
			throw new ForbiddenException("This needs an API key with the '" + scope.value() + "' scope");
		}
		if (knowledgeBase != null && !mayUse(knowledgeBase)) {
			throw new dev.ragchat.errors.NotFoundException("No knowledge base '" + knowledgeBase + "'");
		}
		if (knowledgeBase != null && this.person != null && !this.person.scopesIn(knowledgeBase).contains(scope)) {
			throw new ForbiddenException("Your grants in '" + knowledgeBase + "' do not include '" + scope.value()
					+ "'; its owner can grant it");
		}
	}

	/**
	 * How a caller authenticated.
	 */
	public enum Kind {

		/** {@code X-Master-Key}. */
		MASTER,

		/** {@code X-API-Key}. */
		API_KEY,

		/** {@code Authorization: Bearer} session token. */
		SESSION

	}

}
