package dev.ragchat.api.chatconfig;

import java.util.List;
import java.util.Optional;

/**
 * The catalog port for chat configurations. Every adapter passes
 * {@code ChatConfigStoreContractTests}.
 */
public interface ChatConfigStore {

	void save(ChatConfig config);

	/**
	 * @param config the new state of an existing configuration
	 * @return whether it existed
	 */
	boolean update(ChatConfig config);

	Optional<ChatConfig> findById(String id);

	/**
	 * @param knowledgeBases the knowledge bases whose configurations are wanted, or
	 * {@code null} for all
	 * @param offset how many to skip
	 * @param limit how many to return at most
	 * @return configurations by title (then id)
	 */
	List<ChatConfig> page(List<String> knowledgeBases, int offset, int limit);

	long count(List<String> knowledgeBases);

}
