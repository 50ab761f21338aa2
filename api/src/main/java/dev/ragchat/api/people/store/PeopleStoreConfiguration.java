package dev.ragchat.api.people.store;

import dev.ragchat.api.people.PeopleStore;
import dev.ragchat.ingestion.catalog.Catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The people store's adapter, on the catalog of {@code ragchat.catalog.store}.
 */
@Configuration(proxyBeanMethods = false)
class PeopleStoreConfiguration {

	@Bean
	PeopleStore peopleStore(Catalog catalog) {
		return catalog.choose(JdbcPeopleStore::new, MongoPeopleStore::new);
	}

}
