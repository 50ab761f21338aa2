package dev.ragchat.api.knowledge;

import java.util.Map;

import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.DocumentQuery;

/**
 * What a list of a knowledge base's documents asks for, checked: those whose file name
 * holds the search text, in the order asked for, one page of them. The catalog searches,
 * sorts and pages ({@link dev.ragchat.ingestion.DocumentStore#findPage}); nothing here
 * reads the knowledge base whole.
 *
 * @param query text the file name must contain (case-blind), or {@code null}
 * @param sort the order: {@code name}, {@code date}, {@code size} or {@code status},
 * {@code -} before it for descending; {@code null}: oldest first, as before
 * @param offset documents to skip
 * @param limit the most documents to return, or {@code null} for all of them (what
 * clients that do not page get)
 */
record DocumentListing(String query, String sort, int offset, Integer limit) {

	static final int MAX_LIMIT = DocumentQuery.MAX_LIMIT;

	static final int MAX_QUERY = DocumentQuery.MAX_NAME_CONTAINS;

	private static final Map<String, DocumentQuery.Order> ORDERS = Map.of("name", DocumentQuery.Order.NAME, "date",
			DocumentQuery.Order.DATE, "size", DocumentQuery.Order.SIZE, "status", DocumentQuery.Order.STATUS);

	DocumentListing {
		if (query != null && query.length() > MAX_QUERY) {
			throw new RejectedInputException("q may hold at most " + MAX_QUERY + " characters");
		}
		if (sort != null && !ORDERS.containsKey(sort.startsWith("-") ? sort.substring(1) : sort)) {
			throw new RejectedInputException("sort must be one of name, date, size, status (- before it: descending)");
		}
		if (offset < 0) {
			throw new RejectedInputException("offset must be 0 or more");
		}
		if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
			throw new RejectedInputException("limit must be between 1 and " + MAX_LIMIT);
		}
	}

	/**
	 * @return the catalog's query for it
	 */
	DocumentQuery toQuery() {
		if (this.sort == null) {
			return new DocumentQuery(this.query, DocumentQuery.Order.UPLOAD, false, this.offset, this.limit);
		}
		boolean descending = this.sort.startsWith("-");
		return new DocumentQuery(this.query, ORDERS.get(descending ? this.sort.substring(1) : this.sort), descending,
				this.offset, this.limit);
	}

}
