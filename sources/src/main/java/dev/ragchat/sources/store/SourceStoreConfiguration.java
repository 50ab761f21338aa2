package dev.ragchat.sources.store;

import dev.ragchat.ingestion.catalog.CatalogProperties;
import dev.ragchat.sources.SourceStore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sync source store's adapter, on the catalog of {@code ragchat.catalog.store}.
 */
@Configuration(proxyBeanMethods = false)
class SourceStoreConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = CatalogProperties.STORE, havingValue = "embedded", matchIfMissing = true)
	static class Embedded {

		@Bean
		SourceStore sourceStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
			return new JdbcSourceStore(jdbc, new TransactionTemplate(transactions));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = CatalogProperties.STORE, havingValue = "mongodb")
	static class Mongo {

		@Bean
		SourceStore sourceStore(MongoTemplate mongo) {
			return new MongoSourceStore(mongo.getDb());
		}

	}

}
