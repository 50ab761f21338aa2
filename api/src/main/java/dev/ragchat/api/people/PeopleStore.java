package dev.ragchat.api.people;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where people, the keys they hold and the grants of knowledge bases are kept (the
 * catalog's store).
 */
public interface PeopleStore {

	/**
	 * @param person a person to add or update (by id)
	 */
	void save(PersonRecord person);

	Optional<PersonRecord> findById(String id);

	Optional<PersonRecord> findBySubject(String issuer, String subject);

	List<PersonRecord> findAll();

	/**
	 * @param keyId an API key
	 * @param personId the person who holds it
	 */
	void holdKey(String keyId, String personId);

	/**
	 * @param keyId an API key
	 * @return the person who holds it
	 */
	Optional<String> holderOf(String keyId);

	/**
	 * @param personId a person
	 * @return the keys they hold
	 */
	List<String> keysOf(String personId);

	/**
	 * @param grant a grant to add, or to replace (by knowledge base and grantee)
	 */
	void grant(Grant grant);

	/**
	 * @return whether there was such a grant
	 */
	boolean revoke(String knowledgeBase, String grantee);

	List<Grant> grantsOf(String knowledgeBase);

	/**
	 * @param grantees {@code group:…} and {@code person:…} names
	 * @return every grant to any of them
	 */
	List<Grant> grantsTo(List<String> grantees);

	/**
	 * @param knowledgeBase a deleted knowledge base
	 */
	void revokeAll(String knowledgeBase);

	/**
	 * @param personId a person
	 * @param at when they were removed
	 */
	default void remove(String personId, Instant at) {
		findById(personId).ifPresent((p) -> save(new PersonRecord(p.id(), p.issuer(), p.subject(), p.name(), p.email(),
				p.groups(), p.consoleKeyId(), p.createdAt(), p.signedInAt(), at)));
	}

}
