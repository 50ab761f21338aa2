package dev.ragchat.ingestion.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the catalog (knowledge bases, documents and jobs, keys, sessions, messages and
 * chat configurations) lives.
 *
 * @param store {@code embedded} (an H2 file in the data directory, default) or
 * {@code mongodb} (the database of {@code spring.data.mongodb.uri})
 */
@ConfigurationProperties("ragchat.catalog")
public record CatalogProperties(@DefaultValue("embedded") Store store) {

	/** The property that chooses the catalog's backend. */
	public static final String STORE = "ragchat.catalog.store";

	/**
	 * The catalog's backends.
	 */
	public enum Store {

		/** An H2 file in the data directory, migrated by Flyway. */
		EMBEDDED,

		/** The database of {@code spring.data.mongodb.uri}. */
		MONGODB

	}

}
