package dev.ragchat.api.access.store;

import dev.ragchat.api.access.ApiKeyStore;
import dev.ragchat.ingestion.catalog.Catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API key store's adapters, on the catalog of {@code ragchat.catalog.store}.
 */
@Configuration(proxyBeanMethods = false)
class ApiKeyStoreConfiguration {

	@Bean
	ApiKeyStore apiKeyStore(Catalog catalog) {
		return catalog.choose(JdbcApiKeyStore::new, MongoApiKeyStore::new);
	}

}
