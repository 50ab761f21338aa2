package dev.ragchat.api.chatconfig.store;

import dev.ragchat.api.chatconfig.ChatConfigStore;
import dev.ragchat.ingestion.catalog.Catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The chat-config store's adapter, on the catalog of {@code ragchat.catalog.store}.
 */
@Configuration(proxyBeanMethods = false)
class ChatConfigStoreConfiguration {

	@Bean
	ChatConfigStore chatConfigStore(Catalog catalog) {
		return catalog.choose(JdbcChatConfigStore::new, MongoChatConfigStore::new);
	}

}
