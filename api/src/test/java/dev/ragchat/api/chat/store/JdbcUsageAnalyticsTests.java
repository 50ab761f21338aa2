package dev.ragchat.api.chat.store;

import dev.ragchat.api.feedback.store.FeedbackStores;
import dev.ragchat.ingestion.catalog.TestCatalog;

/**
 * Usage analytics on the embedded catalog (H2, migrated by Flyway).
 */
class JdbcUsageAnalyticsTests extends UsageAnalyticsContractTests {

	@Override
	protected Stores createStores() {
		TestCatalog catalog = new TestCatalog();
		return new Stores(new JdbcSessionStore(catalog.jdbc()), new JdbcMessageStore(catalog.jdbc()),
				catalog.documents(), FeedbackStores.jdbc(catalog.jdbc()));
	}

}
