package dev.ragchat.ingestion.sync.store;

import dev.ragchat.ingestion.catalog.TestCatalog;
import dev.ragchat.ingestion.sync.SourceStore;

/**
 * The embedded source store, for tests of what builds on it.
 */
public final class TestSourceStores {

	private TestSourceStores() {
	}

	/**
	 * @param catalog a test catalog
	 * @return the source store on it
	 */
	public static SourceStore embedded(TestCatalog catalog) {
		return new JdbcSourceStore(catalog.jdbc(), catalog.transactions());
	}

}
