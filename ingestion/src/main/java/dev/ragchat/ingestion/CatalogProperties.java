package dev.ragchat.ingestion;

import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Where the catalog (knowledge bases, documents and jobs) lives.
 *
 * @param store {@code embedded} (an H2 file in the data directory, default) or
 * {@code mongodb} (the database of {@code spring.data.mongodb.uri})
 */
@ConfigurationProperties("ragchat.catalog")
record CatalogProperties(@DefaultValue("embedded") String store) {

	static final Set<String> STORES = Set.of("embedded", "mongodb");

	CatalogProperties {
		if (!STORES.contains(store)) {
			throw new IllegalArgumentException(
					"ragchat.catalog.store must be one of " + STORES + ", not '" + store + "'");
		}
	}

	boolean isMongo() {
		return this.store.equals("mongodb");
	}

	MongoTemplate mongo(ObjectProvider<MongoTemplate> mongo) {
		MongoTemplate template = mongo.getIfAvailable();
		if (template == null) {
			throw new IllegalStateException("ragchat.catalog.store=mongodb needs MongoDB: set spring.data.mongodb.uri"
					+ " (SPRING_DATA_MONGODB_URI)");
		}
		return template;
	}

}
