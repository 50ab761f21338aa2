package dev.ragchat.api.people;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ragchat.api.access.ApiKeys;
import dev.ragchat.api.access.KeyOwners;
import dev.ragchat.api.access.Person;
import dev.ragchat.api.access.PersonSignIn;
import dev.ragchat.api.access.Scope;
import dev.ragchat.api.audit.Audit;
import dev.ragchat.api.keys.ApiKeyProperties;
import dev.ragchat.errors.ConflictException;
import dev.ragchat.errors.ForbiddenException;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;

/**
 * People and what they may do: recorded at each sign-in from the provider's claims, their
 * rights read from the grants of their person and their groups at every request (so a
 * withdrawn grant ends access at the next one), the keys they hold acting with at most
 * those rights.
 */
public class People implements KeyOwners, PersonSignIn {

	private static final String ALL = "*";

	private static final int MAX_GROUPS = 200;

	private static final int MAX_NAME = 300;

	private static final SecureRandom random = new SecureRandom();

	private final PeopleStore store;

	private final ApiKeys keys;

	private final ApiKeyProperties keyProperties;

	private final PeopleProperties properties;

	private final Clock clock;

	private final Audit audit;

	private final Cache<String, Optional<String>> holders = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofMinutes(30))
		.build();

	public People(PeopleStore store, ApiKeys keys, ApiKeyProperties keyProperties, PeopleProperties properties,
			Clock clock, Audit audit) {
		this.store = store;
		this.keys = keys;
		this.keyProperties = keyProperties;
		this.properties = properties;
		this.clock = clock;
		this.audit = audit;
	}

	@Override
	public String signIn(String issuer, String subject, Map<String, Object> claims) {
		Instant now = this.clock.instant();
		Optional<PersonRecord> known = this.store.findBySubject(issuer, subject);
		if (known.isPresent() && known.get().removedAt() != null) {
			throw new ForbiddenException("An operator removed this person from ragchat");
		}
		String id = known.map(PersonRecord::id).orElseGet(() -> "per_" + HexFormat.of().formatHex(bytes(16)));
		String name = text(claims.get("name"));
		if (name == null) {
			name = text(claims.get("preferred_username"));
		}
		String consoleKey = known.map(PersonRecord::consoleKeyId)
			.filter((keyId) -> this.keys.active(keyId).isPresent())
			.orElse(null);
		if (consoleKey == null) {
			ApiKeys.KeyRequest request = new ApiKeys.KeyRequest("console: " + ((name != null) ? name : subject),
					this.keyProperties.maxTtl().toSeconds(),
					List.of(Scope.CHAT.value(), Scope.UPLOAD.value(), Scope.ADMIN.value()), List.of(ALL));
			// the console key that expired is renewed: its conversations carry over to
			// the new one (a revoked one is not: revoking ended its lineage)
			String expired = known.map(PersonRecord::consoleKeyId)
				.filter((keyId) -> this.keys.expiredById(keyId).isPresent())
				.orElse(null);
			consoleKey = ((expired != null) ? this.keys.renew(expired, request, null, false) : this.keys.issue(request))
				.record()
				.id();
			hold(consoleKey, id);
		}
		this.store.save(new PersonRecord(id, issuer, subject, name, text(claims.get("email")),
				groups(claims.get(this.properties.groupsClaim())), consoleKey,
				known.map(PersonRecord::createdAt).orElse(now), now, null));
		this.audit.personSignedIn(consoleKey, id);
		return consoleKey;
	}

	@Override
	public void refreshed(String issuer, String subject, Map<String, Object> claims) {
		PersonRecord known = this.store.findBySubject(issuer, subject)
			.filter((p) -> p.removedAt() == null)
			.orElseThrow(() -> new ForbiddenException("This person may not sign in"));
		String name = text(claims.get("name"));
		this.store
			.save(new PersonRecord(known.id(), known.issuer(), known.subject(), (name != null) ? name : known.name(),
					text(claims.get("email")), groups(claims.get(this.properties.groupsClaim())), known.consoleKeyId(),
					known.createdAt(), known.signedInAt(), null));
	}

	@Override
	public Duration checkEvery() {
		return this.properties.checkEvery();
	}

	@Override
	public java.net.URI publicUrl() {
		return this.properties.publicUrl();
	}

	@Override
	public void hold(String keyId, String personId) {
		this.store.holdKey(keyId, personId);
		this.holders.invalidate(keyId);
	}

	@Override
	public List<String> keysOf(String personId) {
		return this.store.keysOf(personId);
	}

	@Override
	public Optional<Person> ownerOf(String keyId) {
		// who holds a key never changes (recorded before the key is handed out): kept, so
		// that a key no person holds costs no look-up per request; the person and their
		// grants are read anew
		return this.holders.get(keyId, this.store::holderOf).flatMap(this.store::findById).map(this::person);
	}

	/**
	 * @param id a person
	 * @return them with their rights now
	 */
	public Optional<Person> person(String id) {
		return this.store.findById(id).map(this::person);
	}

	/**
	 * @return everyone who ever signed in
	 */
	public List<PersonRecord> list() {
		return this.store.findAll();
	}

	/**
	 * @return the groups of the people who signed in (and were not removed), each with
	 * how many of them it holds: a group no one has signed in with is not among them
	 */
	public Map<String, Integer> groupsSignedIn() {
		Map<String, Integer> groups = new TreeMap<>();
		for (PersonRecord person : this.store.findAll()) {
			if (person.removedAt() == null) {
				person.groups().forEach((group) -> groups.merge(group, 1, Integer::sum));
			}
		}
		return groups;
	}

	/**
	 * Removes a person: their keys are revoked and they may not sign in again.
	 * @param id a person
	 */
	public void remove(String id) {
		PersonRecord person = this.store.findById(id)
			.orElseThrow(() -> new NotFoundException("No person '" + id + "'"));
		for (String keyId : this.store.keysOf(person.id())) {
			this.keys.revoke(keyId);
		}
		this.store.remove(person.id(), this.clock.instant());
	}

	/**
	 * @param knowledgeBase a knowledge base
	 * @return its grants
	 */
	public List<Grant> grantsOf(String knowledgeBase) {
		return this.store.grantsOf(knowledgeBase);
	}

	/**
	 * @param knowledgeBase a knowledge base
	 * @param grantee {@code group:<name>} or {@code person:<id>}
	 * @param permission {@code chat}, {@code upload} or {@code manage}
	 * @return the grant
	 */
	public Grant grant(String knowledgeBase, String grantee, String permission) {
		Grant.Permission parsed;
		try {
			parsed = Grant.Permission.parse(permission);
		}
		catch (IllegalArgumentException ex) {
			throw new RejectedInputException(ex.getMessage());
		}
		if (grantee == null || !(grantee.startsWith(Grant.GROUP) || grantee.startsWith(Grant.PERSON))
				|| grantee.length() > MAX_NAME || grantee.chars().anyMatch(Character::isISOControl)
				|| grantee.substring(grantee.indexOf(':') + 1).isBlank()) {
			// a name after the prefix, too: "group:" names no group
			throw new RejectedInputException("grantee must be group:<name> or person:<id>");
		}
		if (grantee.startsWith(Grant.PERSON)
				&& this.store.findById(grantee.substring(Grant.PERSON.length())).isEmpty()) {
			throw new RejectedInputException("No person '" + grantee.substring(Grant.PERSON.length())
					+ "' has signed in yet; grant their group, or grant them after their first sign-in");
		}
		Grant grant = new Grant(knowledgeBase, grantee, parsed, this.clock.instant());
		this.store.grant(grant);
		return grant;
	}

	/**
	 * Before a person withdraws or lowers a grant: a knowledge base that people manage
	 * keeps one manager, so its last {@code manage} grant is neither withdrawn nor
	 * lowered by a person (who would lock themselves or others out; the master key and
	 * admin keys may, as they manage it anyway).
	 * @param knowledgeBase the knowledge base
	 * @param grantee the grantee whose grant is withdrawn or lowered
	 * @param permission what it is to be, or {@code null} when withdrawn
	 * @throws ConflictException if it holds the last {@code manage} grant
	 */
	public void keepsAManager(String knowledgeBase, String grantee, String permission) {
		if ("manage".equals(permission)) {
			return;
		}
		List<Grant> managers = this.store.grantsOf(knowledgeBase)
			.stream()
			.filter((g) -> g.permission() == Grant.Permission.MANAGE)
			.toList();
		if (managers.size() == 1 && managers.get(0).grantee().equals(grantee)) {
			throw new ConflictException("'" + grantee + "' is the last to manage '" + knowledgeBase
					+ "': grant manage to another group or person first");
		}
	}

	/**
	 * @return whether there was such a grant
	 */
	public boolean revoke(String knowledgeBase, String grantee) {
		return this.store.revoke(knowledgeBase, grantee);
	}

	/**
	 * The person who created a knowledge base manages it.
	 * @param knowledgeBase the new knowledge base
	 * @param personId who created it
	 */
	public void owns(String knowledgeBase, String personId) {
		this.store
			.grant(new Grant(knowledgeBase, Grant.PERSON + personId, Grant.Permission.MANAGE, this.clock.instant()));
	}

	/**
	 * @param knowledgeBase a deleted knowledge base
	 */
	public void forget(String knowledgeBase) {
		this.store.revokeAll(knowledgeBase);
	}

	private Person person(PersonRecord record) {
		Map<String, Set<Scope>> rights = new LinkedHashMap<>();
		if (record.removedAt() == null) {
			if (record.groups().stream().anyMatch(this.properties.adminGroups()::contains)) {
				rights.put(ALL, EnumSet.allOf(Scope.class));
			}
			else {
				List<String> grantees = new ArrayList<>();
				grantees.add(Grant.PERSON + record.id());
				record.groups().forEach((group) -> grantees.add(Grant.GROUP + group));
				for (Grant grant : this.store.grantsTo(grantees)) {
					rights.computeIfAbsent(grant.knowledgeBase(), (kb) -> EnumSet.noneOf(Scope.class))
						.addAll(grant.permission().scopes());
				}
			}
		}
		rights.replaceAll((kb, scopes) -> Set.copyOf(scopes));
		return new Person(record.id(), record.name(), record.email(), record.groups(), rights);
	}

	private static List<String> groups(Object claim) {
		Collection<?> values = (claim instanceof Collection<?> list) ? list
				: (claim != null) ? List.of(claim) : List.of();
		return values.stream()
			.map(People::text)
			.filter((group) -> group != null && group.length() <= MAX_NAME
					&& group.chars().noneMatch(Character::isISOControl))
			.distinct()
			.limit(MAX_GROUPS)
			.toList();
	}

	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		String text = value.toString().strip();
		return text.isEmpty() ? null : text.substring(0, Math.min(text.length(), MAX_NAME));
	}

	private static byte[] bytes(int n) {
		byte[] bytes = new byte[n];
		random.nextBytes(bytes);
		return bytes;
	}

}
