package dev.ragchat.sources.store;

import com.mongodb.client.MongoDatabase;
import dev.ragchat.ingestion.catalog.TestCatalog;
import dev.ragchat.sources.SourceStore;

/**
 * The source stores, for tests of what builds on them.
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

	/**
	 * @param database a MongoDB database
	 * @return the source store in it
	 */
	public static SourceStore mongo(MongoDatabase database) {
		return new MongoSourceStore(database);
	}

}
