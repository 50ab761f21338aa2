package dev.ragchat.api.media.store;

import dev.ragchat.api.media.ExtractionStore;
import dev.ragchat.api.media.MediaStore;
import dev.ragchat.ingestion.catalog.Catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The media and extraction stores' adapters, on the catalog of
 * {@code ragchat.catalog.store}.
 */
@Configuration(proxyBeanMethods = false)
class MediaStoreConfiguration {

	@Bean
	MediaStore mediaStore(Catalog catalog) {
		return catalog.choose(JdbcMediaStore::new, MongoMediaStore::new);
	}

	@Bean
	ExtractionStore extractionStore(Catalog catalog) {
		return catalog.choose(JdbcExtractionStore::new, MongoExtractionStore::new);
	}

}
