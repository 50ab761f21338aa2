package dev.ragchat.api.media.store;

import dev.ragchat.api.media.ExtractionStore;
import dev.ragchat.api.media.MediaStore;
import dev.ragchat.ingestion.catalog.CatalogProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The media and extraction stores' adapters, on the catalog of
 * {@code ragchat.catalog.store}.
 */
@Configuration(proxyBeanMethods = false)
class MediaStoreConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = CatalogProperties.STORE, havingValue = "embedded", matchIfMissing = true)
	static class Embedded {

		@Bean
		MediaStore mediaStore(JdbcClient jdbc) {
			return new JdbcMediaStore(jdbc);
		}

		@Bean
		ExtractionStore extractionStore(JdbcClient jdbc) {
			return new JdbcExtractionStore(jdbc);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = CatalogProperties.STORE, havingValue = "mongodb")
	static class Mongo {

		@Bean
		MediaStore mediaStore(MongoTemplate mongo) {
			return new MongoMediaStore(mongo);
		}

		@Bean
		ExtractionStore extractionStore(MongoTemplate mongo) {
			return new MongoExtractionStore(mongo);
		}

	}

}
