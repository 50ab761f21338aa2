package dev.ragchat.sources.store;

import dev.ragchat.ingestion.catalog.TestCatalog;
import dev.ragchat.sources.SourceStore;

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
