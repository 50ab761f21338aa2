package dev.ragchat.api.people.store;

import dev.ragchat.api.people.PeopleStore;
import dev.ragchat.ingestion.catalog.CatalogProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The people store's adapter, on the catalog of {@code ragchat.catalog.store}.
 */
@Configuration(proxyBeanMethods = false)
class PeopleStoreConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = CatalogProperties.STORE, havingValue = "embedded", matchIfMissing = true)
	static class Embedded {

		@Bean
		PeopleStore peopleStore(JdbcClient jdbc) {
			return new JdbcPeopleStore(jdbc);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = CatalogProperties.STORE, havingValue = "mongodb")
	static class Mongo {

		@Bean
		PeopleStore peopleStore(MongoTemplate mongo) {
			return new MongoPeopleStore(mongo);
		}

	}

}
