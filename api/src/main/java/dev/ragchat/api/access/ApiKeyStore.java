package dev.ragchat.api.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The catalog port for temporary API keys. Every adapter passes
 * {@code ApiKeyStoreContractTests}.
 */
public interface ApiKeyStore {

	/**
	 * Stores a new key.
	 * @param key the key's record
	 * @param keyHash hex SHA-256 of the key itself, unique
	 */
	void save(ApiKey key, String keyHash);

	Optional<ApiKey> findByHash(String keyHash);

	Optional<ApiKey> findById(String id);

	/**
	 * @return all keys, newest first
	 */
	List<ApiKey> findAll();

	/**
	 * @param lineage a lineage ({@link ApiKey#lineage()})
	 * @return its keys, oldest first (a key stored before lineages is its own)
	 */
	List<ApiKey> findByLineage(String lineage);

	/**
	 * Makes a key expire now, if it would expire later (a key retired by its renewal:
	 * expired, not revoked, so its lineage goes on).
	 * @param id the key's id
	 * @param at when it expires
	 * @return whether the key exists
	 */
	boolean expire(String id, Instant at);

	/**
	 * Marks the key revoked; revoking twice keeps the first time.
	 * @param id the key's id
	 * @param at when
	 * @return whether the key exists
	 */
	boolean revoke(String id, Instant at);

	/**
	 * Records that the key was used (adapters may skip writes within a minute of the
	 * last).
	 * @param id the key's id
	 * @param at when
	 */
	void recordUse(String id, Instant at);

}
