package dev.ragchat.api.feedback.store;

import dev.ragchat.api.feedback.FeedbackStore;
import dev.ragchat.ingestion.catalog.Catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The feedback store's adapter, on the catalog of {@code ragchat.catalog.store}.
 */
@Configuration(proxyBeanMethods = false)
class FeedbackStoreConfiguration {

	@Bean
	FeedbackStore feedbackStore(Catalog catalog) {
		return catalog.choose(JdbcFeedbackStore::new, MongoFeedbackStore::new);
	}

}
