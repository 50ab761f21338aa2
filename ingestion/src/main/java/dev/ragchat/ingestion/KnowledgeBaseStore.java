package dev.ragchat.ingestion;

import java.util.List;
import java.util.Optional;

/**
 * The catalog port for knowledge bases. Every adapter passes
 * {@code KnowledgeBaseStoreContractTests}.
 */
public interface KnowledgeBaseStore {

	/**
	 * Stores a new knowledge base unless one with its id exists.
	 * @param knowledgeBase the knowledge base
	 * @return whether it was stored
	 */
	boolean saveIfAbsent(KnowledgeBase knowledgeBase);

	Optional<KnowledgeBase> findById(String id);

	/**
	 * @return all knowledge bases, oldest first
	 */
	List<KnowledgeBase> findAll();

	boolean delete(String id);

	/**
	 * Moves a knowledge base to another embedding model if it is still built with the one
	 * given: a migration's switch, one conditional write, after which every search reads
	 * the new model's index.
	 * @param id the knowledge base
	 * @param fromModel the model it must be on
	 * @param fromDimensions that model's dimensions
	 * @param toModel the new model
	 * @param toDimensions the new model's dimensions
	 * @return whether it moved
	 */
	boolean switchModel(String id, String fromModel, int fromDimensions, String toModel, int toDimensions);

}
