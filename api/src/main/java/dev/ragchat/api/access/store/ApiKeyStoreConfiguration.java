package dev.ragchat.api.access.store;

import dev.ragchat.api.access.ApiKeyStore;
import dev.ragchat.ingestion.catalog.CatalogProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The API key store's adapters, on the catalog of {@code ragchat.catalog.store}.
 */
@Configuration(proxyBeanMethods = false)
class ApiKeyStoreConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = CatalogProperties.STORE, havingValue = "embedded", matchIfMissing = true)
	static class Embedded {

		@Bean
		ApiKeyStore apiKeyStore(JdbcClient jdbc) {
			return new JdbcApiKeyStore(jdbc);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = CatalogProperties.STORE, havingValue = "mongodb")
	static class Mongo {

		@Bean
		ApiKeyStore apiKeyStore(MongoTemplate mongo) {
			return new MongoApiKeyStore(mongo);
		}

	}

}
