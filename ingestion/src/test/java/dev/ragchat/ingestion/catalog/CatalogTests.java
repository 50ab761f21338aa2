package dev.ragchat.ingestion.catalog;

import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.ragchat.ingestion.DocumentStore;
import dev.ragchat.ingestion.KnowledgeBaseStore;
import dev.ragchat.ingestion.catalog.CatalogProperties.Store;
import dev.ragchat.ingestion.migration.EmbeddingMigrationStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog kernel with Spring Boot's clients as the application has them: the switch
 * imports the chosen backend's client alone, and {@link Catalog} builds the stores on it
 * without asking for the other's.
 */
class CatalogTests {

	static final MongoServer server = new MongoServer(new MemoryBackend());

	static final String uri = server.bindAndGetConnectionString();

	@AfterAll
	static void stop() {
		server.shutdownNow();
	}

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, MongoDataAutoConfiguration.class))
		.withUserConfiguration(CatalogConfiguration.class);

	@Test
	void theEmbeddedCatalogBuildsItsStoresOnTheDatasourceWithNoMongoDbClient() {
		this.contexts.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID()).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(DataSource.class)
				.doesNotHaveBean(MongoClient.class)
				.doesNotHaveBean(MongoTemplate.class);
			assertThat(context.getBean(KnowledgeBaseStore.class)).isInstanceOf(JdbcKnowledgeBaseStore.class);
			assertThat(context.getBean(DocumentStore.class)).isInstanceOf(JdbcDocumentStore.class);
			assertThat(context.getBean(EmbeddingMigrationStore.class)).isInstanceOf(JdbcEmbeddingMigrationStore.class);
		});
	}

	@Test
	void theMongoDbCatalogBuildsItsStoresOnItsDatabaseWithNoDatasource() {
		this.contexts
			.withPropertyValues("ragchat.catalog.store=mongodb", "spring.data.mongodb.uri=" + uri,
					"spring.data.mongodb.database=catalog")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(MongoTemplate.class)
					.doesNotHaveBean(DataSource.class)
					.doesNotHaveBean(JdbcClient.class);
				assertThat(context.getBean(KnowledgeBaseStore.class)).isInstanceOf(MongoKnowledgeBaseStore.class);
				assertThat(context.getBean(DocumentStore.class)).isInstanceOf(MongoDocumentStore.class);
				assertThat(context.getBean(EmbeddingMigrationStore.class))
					.isInstanceOf(MongoEmbeddingMigrationStore.class);
			});
	}

	@Test
	void theConditionOnTheCatalogMatchesTheBackendTheCatalogIsOnHoweverItIsSpelled() {
		ApplicationContextRunner backends = new ApplicationContextRunner().withUserConfiguration(Backends.class);
		backends.run((context) -> assertThat(context).hasBean("onEmbedded").doesNotHaveBean("onMongo"));
		backends.withPropertyValues("ragchat.catalog.store=embedded")
			.run((context) -> assertThat(context).hasBean("onEmbedded").doesNotHaveBean("onMongo"));
		backends.withPropertyValues("ragchat.catalog.store=MongoDB")
			.run((context) -> assertThat(context).hasBean("onMongo").doesNotHaveBean("onEmbedded"));
	}

	@Test
	void anUnknownCatalogStopsStartUpWithSpringBootsReportOnTheSetting() {
		new ApplicationContextRunner().withUserConfiguration(Backends.class)
			.withPropertyValues("ragchat.catalog.store=oracle")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(Stream.iterate(context.getStartupFailure(), Objects::nonNull, Throwable::getCause))
					.filteredOn(BindException.class::isInstance)
					.singleElement()
					.satisfies((failure) -> assertThat(((BindException) failure).getProperty().getName())
						.hasToString("ragchat.catalog.store"));
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class Backends {

		@Bean
		@ConditionalOnCatalog(Store.EMBEDDED)
		String onEmbedded() {
			return "embedded";
		}

		@Bean
		@ConditionalOnCatalog(Store.MONGODB)
		String onMongo() {
			return "mongodb";
		}

	}

}
