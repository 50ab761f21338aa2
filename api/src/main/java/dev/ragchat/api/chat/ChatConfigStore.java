package dev.ragchat.api.chat;

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

}
