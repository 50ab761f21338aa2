package dev.ragchat.api.models;

import java.util.Map;
import java.util.Optional;

/**
 * The catalog port for the model choices: the service's (one at most), the chat configs'
 * (one at most per chat config, chosen by the master key) and the models people may use
 * (offered by the master key, picked per conversation). Every adapter passes
 * {@code ModelChoiceStoreContractTests}.
 */
public interface ModelChoiceStore {

	/**
	 * The key the service's own choice is kept under, beside the chat configs' ids.
	 */
	String SERVICE = "service";

	/**
	 * @return the choice, or empty for the configured model
	 */
	default Optional<ModelChoice> find() {
		return find(SERVICE);
	}

	/**
	 * @param choice replaces the one kept, if any
	 */
	default void save(ModelChoice choice) {
		save(SERVICE, choice);
	}

	/**
	 * Forgets the choice: the configured model answers again.
	 */
	default void clear() {
		clear(SERVICE);
	}

	/**
	 * @param configId a chat config's id
	 * @return the chat config's own model, or empty for the service's
	 */
	Optional<ModelChoice> find(String configId);

	/**
	 * @return every chat config's own model, by chat config id
	 */
	Map<String, ModelChoice> chatConfigs();

	/**
	 * @param configId a chat config's id
	 * @param choice replaces the chat config's own, if any
	 */
	void save(String configId, ModelChoice choice);

	/**
	 * Forgets a chat config's own model: the service's answers for it again.
	 * @param configId a chat config's id
	 */
	void clear(String configId);

	/**
	 * @return the models people may use, by the name they pick them by, in name order
	 */
	Map<String, ModelChoice> offered();

	/**
	 * @param name the name people pick it by
	 * @param choice replaces the one offered under that name, if any
	 */
	void offer(String name, ModelChoice choice);

	/**
	 * @param name the name people pick it by
	 * @return whether it was offered
	 */
	boolean withdraw(String name);

}
