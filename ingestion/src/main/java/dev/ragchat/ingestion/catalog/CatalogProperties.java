package dev.ragchat.ingestion.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the catalog (knowledge bases, documents and jobs, keys, sessions, messages and
 * chat configurations) lives.
 *
 * @param store {@code embedded} (an H2 file in the data directory, default) or
 * {@code mongodb} (the database of {@code spring.data.mongodb.uri})
 */
@ConfigurationProperties(CatalogProperties.PREFIX)
public record CatalogProperties(@DefaultValue("embedded") Store store) {

	static final String PREFIX = "ragchat.catalog";

	/**
	 * The catalog's settings as the application binds them, for a condition, which runs
	 * before the properties bean exists ({@link ConditionalOnCatalog}).
	 * @param binder the environment's binder
	 * @return the settings, with their defaults where none is given
	 */
	static CatalogProperties of(Binder binder) {
		return binder.bindOrCreate(PREFIX, CatalogProperties.class);
	}

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
