package dev.ragchat.ingestion.catalog;

import java.util.function.Function;

import dev.ragchat.ingestion.catalog.CatalogProperties.Store;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalog every feature keeps its stores in, on the backend chosen once by
 * {@code ragchat.catalog.store}: a feature writes each of its two adapters once and
 * chooses between them in one line,
 * {@code catalog.choose(JdbcFeedbackStore::new, MongoFeedbackStore::new)}. Only the
 * chosen backend's client is asked for, when a store is built
 * ({@link CatalogConfiguration} imports it): the embedded catalog never needs a MongoDB
 * client, nor MongoDB a datasource. Code that needs the chosen backend's client itself
 * rather than a store (JobRunr's storage) is conditional on {@link ConditionalOnCatalog}.
 * <p>
 * The embedded catalog's tables come from each feature's own Flyway folder,
 * {@code db/migration/<feature>} in the resources of the feature's Maven module, all
 * migrated from {@link #MIGRATIONS}: Flyway reads a location's sub-folders too, in every
 * jar that holds it, so a new feature's folder needs no list.
 */
public final class Catalog {

	/** Where every feature's migrations folder lies, on the class path. */
	public static final String MIGRATIONS = "classpath:db/migration";

	private final Store store;

	private final ObjectProvider<JdbcClient> jdbc;

	private final ObjectProvider<PlatformTransactionManager> transactions;

	private final ObjectProvider<MongoTemplate> mongo;

	Catalog(Store store, ObjectProvider<JdbcClient> jdbc, ObjectProvider<PlatformTransactionManager> transactions,
			ObjectProvider<MongoTemplate> mongo) {
		this.store = store;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.mongo = mongo;
	}

	/**
	 * Build a feature's store on the chosen backend.
	 * @param <T> the store's port
	 * @param embedded builds the adapter on the embedded catalog's JDBC client
	 * @param mongodb builds the adapter on the MongoDB catalog's database
	 * @return the chosen backend's adapter
	 */
	public <T> T choose(Function<JdbcClient, T> embedded, Function<MongoTemplate, T> mongodb) {
		return switch (this.store) {
			case EMBEDDED -> embedded.apply(this.jdbc.getObject());
			case MONGODB -> mongodb.apply(this.mongo.getObject());
		};
	}

	/**
	 * Transactions on the embedded catalog, for an adapter that writes several rows as
	 * one; to be asked for only while building the embedded adapter.
	 * @return a template on the catalog's transaction manager
	 */
	public TransactionTemplate transactions() {
		return new TransactionTemplate(this.transactions.getObject());
	}

}
