package dev.ragchat.api.evaluation.store;

import dev.ragchat.api.evaluation.EvaluationStore;
import dev.ragchat.ingestion.catalog.CatalogProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The evaluation store's adapter, on the catalog of {@code ragchat.catalog.store}.
 */
@Configuration(proxyBeanMethods = false)
class EvaluationStoreConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = CatalogProperties.STORE, havingValue = "embedded", matchIfMissing = true)
	static class Embedded {

		@Bean
		EvaluationStore evaluationStore(JdbcClient jdbc) {
			return new JdbcEvaluationStore(jdbc);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = CatalogProperties.STORE, havingValue = "mongodb")
	static class Mongo {

		@Bean
		EvaluationStore evaluationStore(MongoTemplate mongo) {
			return new MongoEvaluationStore(mongo);
		}

	}

}
