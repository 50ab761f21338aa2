package dev.ragchat.api.models.store;

import dev.ragchat.api.models.ModelChoiceStore;
import dev.ragchat.ingestion.catalog.CatalogProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The model choice's store adapter, on the catalog of {@code ragchat.catalog.store}.
 */
@Configuration(proxyBeanMethods = false)
class ModelStoreConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = CatalogProperties.STORE, havingValue = "embedded", matchIfMissing = true)
	static class Embedded {

		@Bean
		ModelChoiceStore modelChoiceStore(JdbcClient jdbc) {
			return new JdbcModelChoiceStore(jdbc);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = CatalogProperties.STORE, havingValue = "mongodb")
	static class Mongo {

		@Bean
		ModelChoiceStore modelChoiceStore(MongoTemplate mongo) {
			return new MongoModelChoiceStore(mongo);
		}

	}

}
