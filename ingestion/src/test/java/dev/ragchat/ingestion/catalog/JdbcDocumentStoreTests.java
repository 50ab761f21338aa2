package dev.ragchat.ingestion.catalog;

import dev.ragchat.ingestion.DocumentStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcDocumentStoreTests extends DocumentStoreContractTests {

	@Override
	protected DocumentStore createStore() {
		TestCatalog catalog = new TestCatalog();
		return new JdbcDocumentStore(catalog.jdbc, catalog.transactions);
	}

	@ParameterizedTest
	@ValueSource(strings = { "status = 'QUEUED'", "status = 'QUEUED' and not large",
			"status = 'PARSING' and large and lease_owner is null" })
	void aClaimReadsTheHeadOfItsLaneInTheIndexsOrderNotTheWholeCatalog(String lane) {
		TestCatalog catalog = new TestCatalog();
		String plan = catalog.jdbc.sql("explain " + JdbcDocumentStore.claimQuery(lane)).query(String.class).single();
		assertThat(plan).contains("DOCUMENT_CLAIM").contains("index sorted").doesNotContain("tableScan");
	}

}
