package dev.ragchat.api.models.store;

import dev.ragchat.api.models.ModelChoiceStore;
import dev.ragchat.ingestion.catalog.Catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The model choice's store adapter, on the catalog of {@code ragchat.catalog.store}.
 */
@Configuration(proxyBeanMethods = false)
class ModelStoreConfiguration {

	@Bean
	ModelChoiceStore modelChoiceStore(Catalog catalog) {
		return catalog.choose(JdbcModelChoiceStore::new, MongoModelChoiceStore::new);
	}

}
