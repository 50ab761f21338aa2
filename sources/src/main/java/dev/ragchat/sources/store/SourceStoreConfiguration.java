package dev.ragchat.sources.store;

import dev.ragchat.ingestion.catalog.Catalog;
import dev.ragchat.sources.SourceStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sync source store's adapter, on the catalog of {@code ragchat.catalog.store}.
 */
@Configuration(proxyBeanMethods = false)
class SourceStoreConfiguration {

	@Bean
	SourceStore sourceStore(Catalog catalog) {
		return catalog.choose((jdbc) -> new JdbcSourceStore(jdbc, catalog.transactions()),
				(mongo) -> new MongoSourceStore(mongo.getDb()));
	}

}
