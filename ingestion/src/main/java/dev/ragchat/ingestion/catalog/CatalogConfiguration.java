package dev.ragchat.ingestion.catalog;

import dev.ragchat.ingestion.DocumentStore;
import dev.ragchat.ingestion.KnowledgeBaseStore;
import dev.ragchat.ingestion.migration.EmbeddingMigrationStore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalog's adapters for knowledge bases and documents, one nested configuration per
 * {@code ragchat.catalog.store}. Each imports the client it needs (Spring Boot's
 * datasource, or its MongoDB client), which the application otherwise leaves out; the api
 * module's stores follow the same switch.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogProperties.class)
public class CatalogConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = CatalogProperties.STORE, havingValue = "embedded", matchIfMissing = true)
	@Import(DataSourceAutoConfiguration.class)
	static class Embedded {

		@Bean
		KnowledgeBaseStore knowledgeBaseStore(JdbcClient jdbc) {
			return new JdbcKnowledgeBaseStore(jdbc);
		}

		@Bean
		DocumentStore documentStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
			return new JdbcDocumentStore(jdbc, new TransactionTemplate(transactions));
		}

		@Bean
		EmbeddingMigrationStore embeddingMigrationStore(JdbcClient jdbc) {
			return new JdbcEmbeddingMigrationStore(jdbc);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = CatalogProperties.STORE, havingValue = "mongodb")
	@Import(MongoAutoConfiguration.class)
	static class Mongo {

		@Bean
		KnowledgeBaseStore knowledgeBaseStore(MongoTemplate mongo) {
			return new MongoKnowledgeBaseStore(mongo);
		}

		@Bean
		DocumentStore documentStore(MongoTemplate mongo) {
			return new MongoDocumentStore(mongo.getDb());
		}

		@Bean
		EmbeddingMigrationStore embeddingMigrationStore(MongoTemplate mongo) {
			return new MongoEmbeddingMigrationStore(mongo.getDb());
		}

	}

}
