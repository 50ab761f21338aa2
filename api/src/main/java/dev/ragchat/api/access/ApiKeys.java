package dev.ragchat.api.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ragchat.api.keys.ApiKeyProperties;
import dev.ragchat.api.keys.Base62;
import dev.ragchat.api.keys.Hashes;
import dev.ragchat.api.keys.KeyFormat;
import dev.ragchat.errors.ConflictException;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Issues, renews, lists, revokes and authenticates temporary API keys. What a node read
 * about a key is trusted for {@link ApiKeyProperties#cacheTtl()} at most, so a revocation
 * made on another node takes effect within that time (and at once on this one). A key
 * renewed is of the renewed key's lineage, which owns what its keys start; revoking a key
 * ends its lineage.
 */
public final class ApiKeys implements KeyLineages {

	private static final Pattern KNOWLEDGE_BASE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

	private static final int MAX_NAME_LENGTH = 200;

	private final ApiKeyStore store;

	private final ApiKeyProperties properties;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Cache<String, Optional<ApiKey>> byHash;

	private final Cache<String, Optional<ApiKey>> byId;

	/**
	 * Keys whose use was recorded within the last minute: no write for them until it
	 * passes.
	 */
	private final Cache<String, Boolean> recentlyUsed;

	public ApiKeys(ApiKeyStore store, ApiKeyProperties properties, Clock clock, ApplicationEventPublisher events) {
		this.store = store;
		this.properties = properties;
		this.clock = clock;
		this.events = events;
		this.byHash = Caffeine.newBuilder().expireAfterWrite(properties.cacheTtl()).maximumSize(100_000).build();
		this.byId = Caffeine.newBuilder().expireAfterWrite(properties.cacheTtl()).maximumSize(100_000).build();
		this.recentlyUsed = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(100_000).build();
	}

	public IssuedKey issue(KeyRequest request) {
		return issue(request, null);
	}

	/**
	 * Issues a key that expires at the latest when another does: a key issued in the name
	 * of a key (a person's console) never outlives it.
	 * @param request what is asked for
	 * @param notAfter the latest expiry, or {@code null} for none but
	 * {@link ApiKeyProperties#maxTtl()}
	 * @return the key
	 */
	public IssuedKey issue(KeyRequest request, Instant notAfter) {
		return issue(request, notAfter, null);
	}

	/**
	 * Renews a key: a new key with its name, scopes and knowledge bases, a fresh
	 * lifetime, and its lineage, so that it takes up the conversations, chat configs and
	 * feedback of the keys before it. The renewed key goes on until its own expiry unless
	 * retired (it then expires now: expired, not revoked, the lineage goes on).
	 * @param id the key to renew (active or expired, not revoked)
	 * @param request the new key's scopes and knowledge bases as {@link #issue} takes
	 * them (the renewed key's, or narrower for a person's) and its lifetime
	 * @param notAfter the latest expiry, or {@code null}
	 * @param retire whether the renewed key expires now
	 * @return the new key
	 * @throws NotFoundException for an unknown key
	 * @throws ConflictException for a revoked key: its lineage ended
	 */
	public IssuedKey renew(String id, KeyRequest request, Instant notAfter, boolean retire) {
		ApiKey renewed = renewable(id);
		IssuedKey issued = issue(request, notAfter, renewed.lineage());
		if (this.store.findById(id).map(ApiKey::revokedAt).isPresent()) {
			// revoked meanwhile: the lineage ended, the renewal with it (revoking looks
			// for keys of the lineage once more after it revoked them, so one of the two
			// sees the other)
			revoke(issued.record().id());
			renewable(id);
		}
		if (retire) {
			this.store.expire(renewed.id(), issued.record().createdAt());
			this.byHash.invalidateAll();
			this.byId.invalidate(renewed.id());
		}
		return issued;
	}

	/**
	 * @param id a key
	 * @return the key, when it may be renewed
	 * @throws NotFoundException for an unknown key
	 * @throws ConflictException for a revoked key: its lineage ended
	 */
	public ApiKey renewable(String id) {
		ApiKey key = this.store.findById(id)
			.orElseThrow(() -> new NotFoundException("No API key with id '" + id + "'"));
		if (key.revokedAt() != null) {
			throw new ConflictException("API key '" + id + "' was revoked, which ended its lineage: it cannot be"
					+ " renewed, and its conversations ended with it. Issue a new key (POST /api/v1/keys)");
		}
		return key;
	}

	private IssuedKey issue(KeyRequest request, Instant notAfter, String lineage) {
		Duration ttl = (request.ttlSeconds() != null) ? Duration.ofSeconds(request.ttlSeconds())
				: this.properties.defaultTtl();
		if (ttl.isNegative() || ttl.isZero()) {
			throw new RejectedInputException("ttlSeconds must be positive");
		}
		if (ttl.compareTo(this.properties.maxTtl()) > 0) {
			throw new RejectedInputException("ttlSeconds may be at most " + this.properties.maxTtl().toSeconds() + " ("
					+ this.properties.maxTtl().toDays() + " days)");
		}
		String name = request.name();
		if (name != null && (name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl))) {
			throw new RejectedInputException(
					"name must be at most " + MAX_NAME_LENGTH + " characters without control characters");
		}
		Set<Scope> scopes = scopes(request.scopes());
		List<String> knowledgeBases = knowledgeBases(request.knowledgeBases());
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(ttl);
		if (notAfter != null && expiresAt.isAfter(notAfter)) {
			if (!notAfter.isAfter(now)) {
				throw new RejectedInputException("The key that issues this one has expired");
			}
			expiresAt = notAfter;
		}
		String key = KeyFormat.newKey();
		String id = "key_" + Base62.random(16);
		ApiKey record = new ApiKey(id, name, scopes, knowledgeBases, now, expiresAt, null, null,
				(lineage != null) ? lineage : id);
		this.store.save(record, Hashes.sha256Hex(key));
		return new IssuedKey(record, key);
	}

	public List<ApiKey> list() {
		return this.store.findAll();
	}

	/**
	 * Revokes a key, which ends its lineage: every key of it is revoked (what they
	 * started ends with them) and none can be renewed.
	 * @param id the key
	 * @return the key's id, then those of the other keys of its lineage revoked now
	 */
	public List<String> revoke(String id) {
		ApiKey key = this.store.findById(id)
			.orElseThrow(() -> new NotFoundException("No API key with id '" + id + "'"));
		Instant now = this.clock.instant();
		List<String> revoked = new java.util.ArrayList<>();
		revoked.add(key.id());
		this.store.revoke(key.id(), now);
		// twice: a renewal stored while the first pass ran is found by the second
		for (int pass = 0; pass < 2; pass++) {
			for (ApiKey other : this.store.findByLineage(key.lineage())) {
				if (other.revokedAt() == null && !revoked.contains(other.id())) {
					this.store.revoke(other.id(), now);
					revoked.add(other.id());
				}
			}
		}
		this.byHash.invalidateAll();
		this.byId.invalidateAll(revoked);
		revoked.forEach((keyId) -> this.events.publishEvent(new ApiKeyRevoked(keyId)));
		return revoked;
	}

	@Override
	public boolean sameLineage(String keyId, String otherKeyId) {
		if (keyId == null || otherKeyId == null) {
			return false;
		}
		if (keyId.equals(otherKeyId)) {
			return true;
		}
		return lineage(keyId).equals(lineage(otherKeyId));
	}

	@Override
	public List<String> lineageOf(String keyId) {
		List<String> ids = this.store.findByLineage(lineage(keyId)).stream().map(ApiKey::id).toList();
		return ids.contains(keyId) ? ids : Stream.concat(Stream.of(keyId), ids.stream()).toList();
	}

	/**
	 * @return a key's lineage, as last read (it never changes), or its own id for a key
	 * not known
	 */
	private String lineage(String keyId) {
		return this.byId.get(keyId, this.store::findById).map(ApiKey::lineage).orElse(keyId);
	}

	/**
	 * @param presented what the caller sent in {@code X-API-Key}
	 * @return the key if it is well-formed, known, unrevoked and unexpired
	 */
	public Optional<ApiKey> authenticate(String presented) {
		if (!KeyFormat.isWellFormed(presented)) {
			return Optional.empty();
		}
		Optional<ApiKey> key = this.byHash.get(Hashes.sha256Hex(presented), this.store::findByHash)
			.filter((k) -> k.isActive(this.clock.instant()));
		key.ifPresent(this::recordUse);
		return key;
	}

	/**
	 * @param presented what the caller sent in {@code X-API-Key}
	 * @return the key if it is known and has expired (not revoked): the audit trail
	 * records such a use
	 */
	public Optional<ApiKey> expired(String presented) {
		if (!KeyFormat.isWellFormed(presented)) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.byHash.get(Hashes.sha256Hex(presented), this.store::findByHash)
			.filter((k) -> k.revokedAt() == null && !k.isActive(now));
	}

	/**
	 * @param id a key id, as carried in a session token
	 * @return the key if it is known and has expired (not revoked): a session token of
	 * such a key is a use after expiry, which the audit trail records
	 */
	public Optional<ApiKey> expiredById(String id) {
		if (id == null) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.byId.get(id, this.store::findById).filter((k) -> k.revokedAt() == null && !k.isActive(now));
	}

	/**
	 * @param id a key id, as carried in a session token
	 * @return the key if it is unrevoked and unexpired
	 */
	public Optional<ApiKey> active(String id) {
		Optional<ApiKey> key = this.byId.get(id, this.store::findById).filter((k) -> k.isActive(this.clock.instant()));
		key.ifPresent(this::recordUse);
		return key;
	}

	public Instant now() {
		return this.clock.instant();
	}

	private void recordUse(ApiKey key) {
		if (this.recentlyUsed.asMap().putIfAbsent(key.id(), Boolean.TRUE) == null) {
			this.store.recordUse(key.id(), this.clock.instant());
		}
	}

	private static Set<Scope> scopes(List<String> requested) {
		if (requested == null) {
			return Set.of(Scope.CHAT);
		}
		if (requested.isEmpty()) {
			// an empty list is a choice left unmade (no box ticked), not a wish for the
			// default
			throw new RejectedInputException("scopes is empty: name at least one of "
					+ java.util.Arrays.stream(Scope.values()).map(Scope::value).toList()
					+ ", or leave scopes out for [chat]");
		}
		Set<Scope> scopes = new LinkedHashSet<>();
		for (String value : requested) {
			try {
				scopes.add(Scope.parse(value));
			}
			catch (IllegalArgumentException ex) {
				throw new RejectedInputException(ex.getMessage());
			}
		}
		return scopes;
	}

	private static List<String> knowledgeBases(List<String> requested) {
		if (requested == null || requested.isEmpty()) {
			return List.of(ApiKey.ALL_KNOWLEDGE_BASES);
		}
		for (String id : requested) {
			if (id == null || !(ApiKey.ALL_KNOWLEDGE_BASES.equals(id) || KNOWLEDGE_BASE_ID.matcher(id).matches())) {
				throw new RejectedInputException(
						"knowledgeBases holds knowledge base ids (letters, digits, '_' and '-',"
								+ " at most 64) or \"*\"; got '" + id + "'");
			}
		}
		return List.copyOf(new LinkedHashSet<>(requested));
	}

	/**
	 * What a caller asks for when issuing a key.
	 *
	 * @param name optional label
	 * @param ttlSeconds lifetime, default {@link ApiKeyProperties#defaultTtl()}
	 * @param scopes default {@code [chat]} when left out; an empty list is refused
	 * @param knowledgeBases default {@code ["*"]}
	 */
	public record KeyRequest(String name, Long ttlSeconds, List<String> scopes, List<String> knowledgeBases) {

	}

	/**
	 * A newly issued key; the only time the key itself is at hand.
	 *
	 * @param record what the catalog keeps
	 * @param key the key
	 */
	public record IssuedKey(ApiKey record, String key) {

	}

}
