package dev.ragchat.ingestion.catalog;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import dev.ragchat.ingestion.DocumentQuery;
import dev.ragchat.ingestion.DocumentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
		assertThat(plan(JdbcDocumentStore.claimQuery(lane))).contains("DOCUMENT_CLAIM")
			.contains("index sorted")
			.doesNotContain("tableScan");
	}

	@ParameterizedTest
	@CsvSource({ "NAME, true, DOCUMENT_LIST_NAME_DESC", "DATE, true, DOCUMENT_LIST_DATE_DESC",
			"SIZE, true, DOCUMENT_LIST_SIZE_DESC", "NAME, false, DOCUMENT_LIST_NAME",
			"DATE, false, DOCUMENT_LIST_DATE" })
	void aPageDeepInAnOrderIsReadOffItsIndexNotSortedWhole(DocumentQuery.Order order, boolean descending,
			String index) {
		DocumentQuery query = new DocumentQuery(null, order, descending, 50_000, 50);
		assertThat(plan("select * from document where knowledge_base = ? order by " + JdbcDocumentPages.orderBy(query)
				+ " limit 50 offset 50000", "kb"))
			.contains(index + ":")
			.contains("index sorted")
			.doesNotContain("tableScan");
	}

	@Test
	void aPageOfTheStatusOrderIsReadOneStatusAtATimeOffTheStatusIndex() {
		assertThat(plan("select * from document where knowledge_base = ? and status = ? order by "
				+ JdbcDocumentPages.STATUS_ORDER + " limit 50 offset 50000", "kb", "READY"))
			.contains("DOCUMENT_LIST_STATUS:")
			.contains("index sorted")
			.doesNotContain("tableScan");
	}

	@Test
	void thePlacesInLineAreReadOffTheStatusIndexInItsOrder() {
		assertThat(plan(JdbcDocumentPages.QUEUE_IN_UPLOAD_ORDER, "kb")).contains("DOCUMENT_LIST_STATUS")
			.contains("index sorted")
			.doesNotContain("tableScan");
	}

	/** H2's plan of a query on a fresh catalog. */
	private static String plan(String query, Object... params) {
		return new TestCatalog().jdbc.sql("explain " + query).params(params).query(String.class).single();
	}

	@Test
	void anUnpagedListPlacesMoreQueuedDocumentsThanOneStatementTakesParameters() {
		TestCatalog catalog = new TestCatalog();
		DocumentStore store = catalog.documents();
		store.insert(document("doc_0", "kb", "0".repeat(64), Instant.parse("2026-01-01T00:00:00Z")), null, null);
		// 100,001 more queued (H2 takes at most 100,000 parameters a statement), copied
		// from the first by the catalog: a second apart, each its own name and bytes
		List<String> columns = catalog.jdbc
			.sql("select column_name from information_schema.columns where table_name = 'DOCUMENT'")
			.query(String.class)
			.list();
		String copies = columns.stream().map((column) -> switch (column) {
			case "ID" -> "'doc_' || x";
			case "SHA256", "LIVE_SHA256" -> "lpad(cast(x as varchar), 64, '0')";
			case "FILENAME", "FILENAME_KEY" -> "'file_' || x || '.md'";
			case "CREATED_AT" -> "dateadd(second, x, created_at)";
			default -> column;
		}).collect(Collectors.joining(", "));
		catalog.jdbc
			.sql("insert into document (" + String.join(", ", columns) + ") select " + copies
					+ " from document cross join system_range(1, 100001)")
			.update();

		DocumentQuery.Page all = store.findPage("kb", DocumentQuery.ALL);

		assertThat(all.documents()).hasSize(100_002);
		assertThat(all.queued()).isEqualTo(100_002);
		assertThat(all.placesInLine()).hasSize(100_002)
			.containsEntry("doc_0", 1)
			.containsEntry("doc_1", 2)
			.containsEntry("doc_100001", 100_002);
	}

}
