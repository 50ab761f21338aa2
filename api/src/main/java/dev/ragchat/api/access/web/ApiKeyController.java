package dev.ragchat.api.access.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ragchat.api.access.ApiKey;
import dev.ragchat.api.access.ApiKeys;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.access.KeyOwners;
import dev.ragchat.api.access.Person;
import dev.ragchat.api.access.Scope;
import dev.ragchat.api.audit.Audit;
import dev.ragchat.api.keys.ApiKeyProperties;
import dev.ragchat.errors.ForbiddenException;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.KnowledgeBase;
import dev.ragchat.ingestion.KnowledgeBases;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Temporary API keys, managed with the master key, and by signed-in people for themselves
 * from their console session (the security filter chain lets no key presented in a header
 * manage keys, a person's included).
 */
@RestController
@RequestMapping(path = "/api/v1/keys", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "keys", description = "Temporary API keys (master key, or a signed-in person from the console)")
@SecurityRequirement(name = "masterKey")
class ApiKeyController {

	static final String KEYS_MANAGED_BY = "Keys are managed with the master key, or by a signed-in person for"
			+ " themselves from the console (their session cookie and its CSRF token), never with an API key";

	/** A key's knowledge bases when it may use all of them. */
	private static final String ALL = "*";

	private final ApiKeys keys;

	private final Audit audit;

	private final KnowledgeBases knowledgeBases;

	private final KeyOwners owners;

	private final ApiKeyProperties lifetimes;

	ApiKeyController(ApiKeys keys, Audit audit, KnowledgeBases knowledgeBases, ObjectProvider<KeyOwners> owners,
			ApiKeyProperties lifetimes) {
		this.keys = keys;
		this.audit = audit;
		this.knowledgeBases = knowledgeBases;
		this.owners = owners.getIfAvailable(KeyOwners::none);
		this.lifetimes = lifetimes;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Issue a temporary API key; the key is shown only in this response (master key, or a"
			+ " signed-in person from their console session: a key they hold, with at most their rights and"
			+ " expiring at the latest with their console's key)")
	ResponseEntity<IssuedKeyResponse> issue(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
			@RequestBody ApiKeys.KeyRequest request) {
		Person person = issuer(caller);
		ApiKeys.KeyRequest asked = (person != null) ? withinRights(caller, request) : request;
		checkKnowledgeBasesExist(asked.knowledgeBases());
		// a key issued in the name of a key (the console's) never outlives it
		ApiKeys.IssuedKey issued = this.keys.issue(asked, (person != null) ? caller.keyExpiresAt() : null);
		ApiKey key = issued.record();
		if (person != null) {
			this.owners.hold(key.id(), person.id());
		}
		this.audit.keyIssued((person != null) ? caller.keyId() : Audit.MASTER, key.id());
		return created(issued, null);
	}

	@PostMapping("/{id}/renew")
	@Operation(summary = "Renew a key: a new key with its name, scopes and knowledge bases, a fresh lifetime"
			+ " (ttlSeconds, else the default) and its lineage, so that it lists and continues the conversations,"
			+ " personas and feedback of the keys before it; the key renewed works until its own expiry unless"
			+ " retirePrevious is true (it then expires now). A revoked key cannot be renewed (409): revoking"
			+ " ended its lineage. Master key, or a signed-in person from their console session: their own, its"
			+ " scopes and knowledge bases cut to what they hold now (403 when they hold none of them any more)")
	ResponseEntity<IssuedKeyResponse> renew(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
			@PathVariable String id, @RequestBody(required = false) RenewRequest request) {
		Person person = issuer(caller);
		RenewRequest asked = (request != null) ? request : new RenewRequest(null, null);
		if (person != null && !this.owners.keysOf(person.id()).contains(id)) {
			throw new NotFoundException("No key '" + id + "' of yours");
		}
		ApiKey renewed = this.keys.renewable(id);
		ApiKeys.KeyRequest same = new ApiKeys.KeyRequest(renewed.name(), asked.ttlSeconds(), scopes(renewed),
				renewed.knowledgeBases());
		// a person's renewal gets at most what they may do now, as a key they issue (a
		// grant withdrawn since narrows it)
		ApiKeys.KeyRequest within = (person != null) ? withinRights(caller, heldNow(caller, renewed, same)) : same;
		ApiKeys.IssuedKey issued = this.keys.renew(id, within, (person != null) ? caller.keyExpiresAt() : null,
				Boolean.TRUE.equals(asked.retirePrevious()));
		// the person who held the renewed key holds its renewal (its rights stay theirs)
		Person holder = (person != null) ? person : this.owners.ownerOf(id).orElse(null);
		if (holder != null) {
			this.owners.hold(issued.record().id(), holder.id());
		}
		this.audit.keyIssued((person != null) ? caller.keyId() : Audit.MASTER, issued.record().id());
		return created(issued, id);
	}

	private static ResponseEntity<IssuedKeyResponse> created(ApiKeys.IssuedKey issued, String renews) {
		ApiKey key = issued.record();
		return ResponseEntity.created(URI.create("/api/v1/keys/" + key.id()))
			.body(new IssuedKeyResponse(key.id(), issued.key(), key.name(), scopes(key), key.knowledgeBases(),
					key.createdAt(), key.expiresAt(), key.lineage(), renews));
	}

	@GetMapping
	@Operation(summary = "List temporary API keys (never the keys themselves): all of them with the master key,"
			+ " a signed-in person's own from their console session")
	KeyList list(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
		Person person = issuer(caller);
		java.util.Set<String> own = (person != null) ? java.util.Set.copyOf(this.owners.keysOf(person.id())) : null;
		Instant now = this.keys.now();
		return new KeyList(
				this.keys.list()
					.stream()
					.filter((key) -> own == null || own.contains(key.id()))
					.map((key) -> new KeyView(key.id(), key.name(), scopes(key), key.knowledgeBases(), key.status(now),
							key.createdAt(), key.expiresAt(), key.revokedAt(), key.lastUsedAt(), key.lineage()))
					.toList(),
				new Lifetimes(
						Math.min(this.lifetimes.consoleDefaultTtl().toSeconds(), this.lifetimes.maxTtl().toSeconds()),
						this.lifetimes.maxTtl().toSeconds()));
	}

	@GetMapping("/current")
	@Operation(summary = "What the presented credential may do: its kind, and for an API key its id, name,"
			+ " scopes, knowledge bases and expiry (never the key), and for a person's key what it may do in"
			+ " each knowledge base now; any credential may ask")
	@SecurityRequirement(name = "apiKey")
	@SecurityRequirement(name = "sessionToken")
	CurrentView current(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
		if (caller.kind() == Caller.Kind.MASTER) {
			return new CurrentView("master", null, null,
					java.util.Arrays.stream(Scope.values()).map(Scope::value).sorted().toList(),
					caller.knowledgeBases(), null, null);
		}
		String name = this.keys.active(caller.keyId()).map(ApiKey::name).orElse(null);
		return new CurrentView((caller.kind() == Caller.Kind.SESSION) ? "session" : "api-key", caller.keyId(), name,
				caller.scopes().stream().map(Scope::value).sorted().toList(), caller.knowledgeBases(),
				caller.keyExpiresAt(), heldRights(caller));
	}

	/**
	 * What a person's key may do in each of its knowledge bases now: its scopes within
	 * the person's grants there (which differ from one knowledge base to the next).
	 * @return scopes by knowledge base id, or {@code null} for a key no person holds
	 */
	private static java.util.Map<String, List<String>> heldRights(Caller caller) {
		Person person = caller.person();
		if (person == null) {
			return null;
		}
		java.util.Map<String, List<String>> rights = new java.util.TreeMap<>();
		for (String kb : caller.knowledgeBases()) {
			List<String> scopes = caller.scopes()
				.stream()
				.filter(person.scopesIn(kb)::contains)
				.map(Scope::value)
				.sorted()
				.toList();
			if (!scopes.isEmpty()) {
				rights.put(kb, scopes);
			}
		}
		return rights;
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke a key, which ends its lineage: every key of it (those it renewed and its"
			+ " renewals) is revoked, the sessions they started end, and none can be renewed (master key, or a"
			+ " signed-in person from their console session: their own)")
	void revoke(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String id) {
		Person person = issuer(caller);
		if (person != null && !this.owners.keysOf(person.id()).contains(id)) {
			throw new NotFoundException("No key '" + id + "' of yours");
		}
		for (String revoked : this.keys.revoke(id)) {
			this.audit.keyRevoked((person != null) ? caller.keyId() : Audit.MASTER, revoked);
		}
	}

	/**
	 * Keys are managed with the master key, and by signed-in people for themselves (from
	 * their console session: the security filter chain lets no other key through).
	 * @return the person, or {@code null} for the master key
	 */
	private static Person issuer(Caller caller) {
		if (caller.kind() == Caller.Kind.MASTER) {
			return null;
		}
		if (caller.person() == null || caller.kind() != Caller.Kind.API_KEY) {
			throw new ForbiddenException(KEYS_MANAGED_BY);
		}
		return caller.person();
	}

	/**
	 * A person's key gets at most what they may do and what the key they issue it with
	 * (their console's) may do: the scopes both have, the knowledge bases they may use
	 * (by default all of those, or all when they may use all).
	 */
	private static ApiKeys.KeyRequest withinRights(Caller caller, ApiKeys.KeyRequest request) {
		Person person = caller.person();
		// the issuing key held by the person: its scopes those they have somewhere
		java.util.Set<Scope> theirs = caller.scopes();
		List<String> scopes = (request.scopes() != null) ? request.scopes() : List.of(Scope.CHAT.value());
		for (String scope : scopes) {
			Scope parsed;
			try {
				parsed = Scope.parse(scope);
			}
			catch (IllegalArgumentException ex) {
				throw new RejectedInputException(ex.getMessage());
			}
			if (!theirs.contains(parsed)) {
				throw new ForbiddenException(
						"You may not give a key the '" + scope + "' scope: your grants do not" + " include it");
			}
		}
		boolean all = person.rights().containsKey("*");
		List<String> granted = person.rights().keySet().stream().sorted().toList();
		List<String> knowledgeBases = (request.knowledgeBases() != null) ? request.knowledgeBases()
				: all ? List.of("*") : granted;
		if (knowledgeBases.isEmpty()) {
			throw new ForbiddenException("No knowledge base is granted to you yet");
		}
		for (String kb : knowledgeBases) {
			if ((!all && !granted.contains(kb)) || !caller.mayUse(kb)) {
				throw new ForbiddenException("You may not give a key '" + kb + "': it is not granted to you");
			}
		}
		return new ApiKeys.KeyRequest(request.name(), request.ttlSeconds(), scopes, knowledgeBases);
	}

	/**
	 * A person's key as they may renew it: its scopes and knowledge bases cut to those
	 * they hold now ({@code *} to those granted to them, unless they may use all).
	 * @throws ForbiddenException when they hold none of its knowledge bases, or none of
	 * its scopes, any more
	 */
	private static ApiKeys.KeyRequest heldNow(Caller caller, ApiKey renewed, ApiKeys.KeyRequest same) {
		Person person = caller.person();
		boolean all = person.rights().containsKey(ALL);
		List<String> scopes = renewed.scopes()
			.stream()
			.filter(caller.scopes()::contains)
			.map(Scope::value)
			.sorted()
			.toList();
		boolean anyOf = renewed.knowledgeBases().contains(ALL);
		List<String> knowledgeBases = List.of(ALL);
		if (!anyOf || !all) {
			// in the key's order (the granted ones by id for *)
			java.util.stream.Stream<String> held = anyOf ? person.rights().keySet().stream().sorted()
					: renewed.knowledgeBases().stream();
			knowledgeBases = held.filter((kb) -> (all || person.rights().containsKey(kb)) && caller.mayUse(kb))
				.toList();
		}
		if (knowledgeBases.isEmpty() || scopes.isEmpty()) {
			throw new ForbiddenException("Key '" + renewed.id() + "' cannot be renewed: you hold none of its "
					+ (knowledgeBases.isEmpty() ? "knowledge bases (" + String.join(", ", renewed.knowledgeBases())
							: "scopes (" + String.join(", ", scopes(renewed)))
					+ ") now. Issue a new key for what is granted to you (POST /api/v1/keys)");
		}
		return new ApiKeys.KeyRequest(same.name(), same.ttlSeconds(), scopes, knowledgeBases);
	}

	/**
	 * A key for a knowledge base that does not exist would silently see nothing (a name
	 * typed for an id, a typo): refused, naming the id, and the id when a name was given.
	 */
	private void checkKnowledgeBasesExist(List<String> requested) {
		if (requested == null) {
			return;
		}
		List<KnowledgeBase> known = this.knowledgeBases.list();
		for (String id : requested) {
			if (id == null || "*".equals(id) || known.stream().anyMatch((kb) -> kb.id().equals(id))) {
				continue;
			}
			String hint = known.stream()
				.filter((kb) -> kb.name().equalsIgnoreCase(id))
				.map((kb) -> "; '" + id + "' is the name of " + kb.id() + ", use its id")
				.findFirst()
				.orElse("; GET /api/v1/knowledge-bases lists their ids");
			throw new RejectedInputException("knowledgeBases names no knowledge base '" + id + "'" + hint);
		}
	}

	private static List<String> scopes(ApiKey key) {
		return key.scopes().stream().map(Scope::value).sorted().toList();
	}

	/**
	 * A new key.
	 *
	 * @param lineage what owns the conversations its keys start: its own id, or for a
	 * renewal the renewed key's lineage
	 * @param renews for a renewal, the key it renews
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record IssuedKeyResponse(String id, String key, String name, List<String> scopes, List<String> knowledgeBases,
			Instant createdAt, Instant expiresAt, String lineage, String renews) {

	}

	/**
	 * What a renewal may change.
	 *
	 * @param ttlSeconds the new key's lifetime, default {@code ragchat.keys.default-ttl}
	 * @param retirePrevious whether the renewed key expires now (default: it works until
	 * its own expiry)
	 */
	record RenewRequest(Long ttlSeconds, Boolean retirePrevious) {

	}

	/**
	 * What a credential may do.
	 *
	 * @param kind {@code master}, {@code api-key} or {@code session}
	 * @param id the API key's id
	 * @param name its name
	 * @param scopes what it may do
	 * @param knowledgeBases the knowledge bases it may touch ({@code *} for all)
	 * @param expiresAt when the key expires
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	/**
	 * @param rights for a key a person holds: what it may do in each knowledge base now
	 * (absent for other credentials)
	 */
	record CurrentView(String kind, String id, String name, List<String> scopes, List<String> knowledgeBases,
			Instant expiresAt, @JsonInclude(JsonInclude.Include.NON_NULL) java.util.Map<String, List<String>> rights) {

	}

	/**
	 * Keys, and the lifetimes a new one may have.
	 */
	record KeyList(List<KeyView> keys, Lifetimes lifetimes) {

	}

	/**
	 * The lifetimes the operator set.
	 *
	 * @param defaultSeconds what the console's Keys form picks first
	 * ({@code ragchat.keys.console-default-ttl}, at most the longest)
	 * @param maxSeconds the longest ({@code ragchat.keys.max-ttl})
	 */
	record Lifetimes(long defaultSeconds, long maxSeconds) {

	}

	record KeyView(String id, String name, List<String> scopes, List<String> knowledgeBases, String status,
			Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt, String lineage) {

	}

}
