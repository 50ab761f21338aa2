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

}
