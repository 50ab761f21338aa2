package dev.ragchat.api.models;

import java.util.Optional;

/**
 * The catalog port for the service's model choice (one at most). Every adapter passes
 * {@code ModelChoiceStoreContractTests}.
 */
public interface ModelChoiceStore {

	/**
	 * @return the choice, or empty for the configured generator
	 */
	Optional<ModelChoice> find();

	/**
	 * @param choice replaces the one kept, if any
	 */
	void save(ModelChoice choice);

	/**
	 * Forgets the choice: the configured generator answers again.
	 */
	void clear();

}
