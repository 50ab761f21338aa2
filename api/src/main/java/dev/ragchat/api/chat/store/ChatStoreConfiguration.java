package dev.ragchat.api.chat.store;

import dev.ragchat.api.chat.MessageStore;
import dev.ragchat.api.chat.SessionScopeStore;
import dev.ragchat.api.chat.SessionStore;
import dev.ragchat.ingestion.catalog.Catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The session, session-scope and message stores' adapters, on the catalog of
 * {@code ragchat.catalog.store}.
 */
@Configuration(proxyBeanMethods = false)
class ChatStoreConfiguration {

	@Bean
	SessionStore sessionStore(Catalog catalog) {
		return catalog.choose(JdbcSessionStore::new, MongoSessionStore::new);
	}

	@Bean
	MessageStore messageStore(Catalog catalog) {
		return catalog.choose(JdbcMessageStore::new, MongoMessageStore::new);
	}

	@Bean
	SessionScopeStore sessionScopeStore(Catalog catalog) {
		return catalog.choose(JdbcSessionScopeStore::new, MongoSessionScopeStore::new);
	}

}
