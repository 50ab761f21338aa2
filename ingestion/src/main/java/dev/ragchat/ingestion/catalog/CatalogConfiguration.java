package dev.ragchat.ingestion.catalog;

import dev.ragchat.ingestion.DocumentStore;
import dev.ragchat.ingestion.KnowledgeBaseStore;
import dev.ragchat.ingestion.catalog.CatalogProperties.Store;
import dev.ragchat.ingestion.migration.EmbeddingMigrationStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The catalog: the one place that reads {@code ragchat.catalog.store}. Its nested
 * configurations import the chosen backend's client (Spring Boot's datasource, or its
 * MongoDB client), which the application otherwise leaves out, on
 * {@link ConditionalOnCatalog}; the {@link Catalog} it makes builds every feature's
 * stores on that client, knowledge bases' and documents' here as the api and sources
 * modules' in their store packages. The embedded catalog's Flyway migrates
 * {@link Catalog#MIGRATIONS}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogProperties.class)
public class CatalogConfiguration {

	@Bean
	Catalog catalog(CatalogProperties properties, ObjectProvider<JdbcClient> jdbc,
			ObjectProvider<PlatformTransactionManager> transactions, ObjectProvider<MongoTemplate> mongo) {
		return new Catalog(properties.store(), jdbc, transactions, mongo);
	}

	@Bean
	KnowledgeBaseStore knowledgeBaseStore(Catalog catalog) {
		return catalog.choose(JdbcKnowledgeBaseStore::new, MongoKnowledgeBaseStore::new);
	}

	@Bean
	DocumentStore documentStore(Catalog catalog) {
		return catalog.choose((jdbc) -> new JdbcDocumentStore(jdbc, catalog.transactions()),
				(mongo) -> new MongoDocumentStore(mongo.getDb()));
	}

	@Bean
	EmbeddingMigrationStore embeddingMigrationStore(Catalog catalog) {
		return catalog.choose(JdbcEmbeddingMigrationStore::new,
				(mongo) -> new MongoEmbeddingMigrationStore(mongo.getDb()));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnCatalog(Store.EMBEDDED)
	@Import(DataSourceAutoConfiguration.class)
	static class Embedded {

		/**
		 * Every feature's migrations, wherever they lie below {@link Catalog#MIGRATIONS},
		 * so no list of folders can leave a new one out.
		 */
		@Bean
		FlywayConfigurationCustomizer catalogMigrations() {
			return (flyway) -> flyway.locations(Catalog.MIGRATIONS);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnCatalog(Store.MONGODB)
	@Import(MongoAutoConfiguration.class)
	static class Mongo {

	}

}
