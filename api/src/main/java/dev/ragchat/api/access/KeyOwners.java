package dev.ragchat.api.access;

import java.util.Optional;

/**
 * The people behind API keys: a key a person holds (the console's, or one they issued)
 * acts with at most what that person may do now.
 */
public interface KeyOwners {

	/**
	 * @param keyId an API key
	 * @return the person who holds it, with their rights read now, or empty for a key
	 * issued with the master key
	 */
	Optional<Person> ownerOf(String keyId);

	/**
	 * @param keyId a key a person just issued
	 * @param personId the person, who holds it from now on
	 */
	default void hold(String keyId, String personId) {
		throw new UnsupportedOperationException("No person holds keys here");
	}

	/**
	 * @param personId a person
	 * @return the keys they hold
	 */
	default java.util.List<String> keysOf(String personId) {
		return java.util.List.of();
	}

	/**
	 * No key has an owner (no identity provider configured).
	 * @return owners that own nothing
	 */
	static KeyOwners none() {
		return (keyId) -> Optional.empty();
	}

}
