package dev.ragchat.api.chat.store;

import dev.ragchat.api.chat.MessageStore;
import dev.ragchat.api.chat.SessionScopeStore;
import dev.ragchat.api.chat.SessionStore;
import dev.ragchat.api.chat.config.ChatConfigStore;
import dev.ragchat.ingestion.catalog.CatalogProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The session, session-scope, message and chat-config stores' adapters, on the catalog of
 * {@code ragchat.catalog.store}.
 */
@Configuration(proxyBeanMethods = false)
class ChatStoreConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = CatalogProperties.STORE, havingValue = "embedded", matchIfMissing = true)
	static class Embedded {

		@Bean
		SessionStore sessionStore(JdbcClient jdbc) {
			return new JdbcSessionStore(jdbc);
		}

		@Bean
		MessageStore messageStore(JdbcClient jdbc) {
			return new JdbcMessageStore(jdbc);
		}

		@Bean
		ChatConfigStore chatConfigStore(JdbcClient jdbc) {
			return new JdbcChatConfigStore(jdbc);
		}

		@Bean
		SessionScopeStore sessionScopeStore(JdbcClient jdbc) {
			return new JdbcSessionScopeStore(jdbc);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = CatalogProperties.STORE, havingValue = "mongodb")
	static class Mongo {

		@Bean
		SessionStore sessionStore(MongoTemplate mongo) {
			return new MongoSessionStore(mongo);
		}

		@Bean
		MessageStore messageStore(MongoTemplate mongo) {
			return new MongoMessageStore(mongo);
		}

		@Bean
		ChatConfigStore chatConfigStore(MongoTemplate mongo) {
			return new MongoChatConfigStore(mongo);
		}

		@Bean
		SessionScopeStore sessionScopeStore(MongoTemplate mongo) {
			return new MongoSessionScopeStore(mongo);
		}

	}

}
