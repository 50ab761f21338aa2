package dev.ragchat.api.evaluation.store;

import dev.ragchat.api.evaluation.EvaluationStore;
import dev.ragchat.ingestion.catalog.Catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The evaluation store's adapter, on the catalog of {@code ragchat.catalog.store}.
 */
@Configuration(proxyBeanMethods = false)
class EvaluationStoreConfiguration {

	@Bean
	EvaluationStore evaluationStore(Catalog catalog) {
		return catalog.choose(JdbcEvaluationStore::new, MongoEvaluationStore::new);
	}

}
