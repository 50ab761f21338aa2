package dev.ragchat.api.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.Document;
import dev.ragchat.ingestion.DocumentStatus;

/**
 * One page of a knowledge base's documents: those whose file name holds the search text,
 * in the order asked for. Done over the catalog's list of the knowledge base (which the
 * catalog reads whole anyway); each queued document also learns its place in line, which
 * needs the whole knowledge base.
 *
 * @param query text the file name must contain (case-blind), or {@code null}
 * @param sort the order: {@code name}, {@code date}, {@code size} or {@code status},
 * {@code -} before it for descending; {@code null}: oldest first, as before
 * @param offset documents to skip
 * @param limit the most documents to return, or {@code null} for all of them (what
 * clients that do not page get)
 */
record DocumentListing(String query, String sort, int offset, Integer limit) {

	static final int MAX_LIMIT = 500;

	static final int MAX_QUERY = 200;

	private static final Map<String, Comparator<Document>> ORDERS = Map.of("name",
			Comparator.comparing((Document d) -> d.filename().toLowerCase(Locale.ROOT)), "date",
			Comparator.comparing(Document::updatedAt), "size", Comparator.comparingLong(Document::sizeBytes), "status",
			Comparator.comparing((Document d) -> d.status().ordinal()));

	private static final Comparator<Document> UPLOAD_ORDER = Comparator.comparing(Document::createdAt)
		.thenComparing(Document::id);

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
	 * @param all every document of the knowledge base
	 * @return the page, with its documents' places in line and the number matched
	 */
	Page apply(List<Document> all) {
		Map<String, Integer> places = new HashMap<>();
		List<Document> queued = all.stream()
			.filter((d) -> d.status() == DocumentStatus.QUEUED)
			.sorted(UPLOAD_ORDER)
			.toList();
		for (int i = 0; i < queued.size(); i++) {
			places.put(queued.get(i).id(), i + 1);
		}
		String wanted = (this.query != null) ? this.query.strip().toLowerCase(Locale.ROOT) : "";
		List<Document> matched = new ArrayList<>(all.stream()
			.filter((d) -> wanted.isEmpty() || d.filename().toLowerCase(Locale.ROOT).contains(wanted))
			.toList());
		if (this.sort != null) {
			boolean descending = this.sort.startsWith("-");
			Comparator<Document> order = ORDERS.get(descending ? this.sort.substring(1) : this.sort);
			matched.sort((descending ? order.reversed() : order).thenComparing(UPLOAD_ORDER));
		}
		int from = Math.min(this.offset, matched.size());
		int to = (this.limit != null) ? Math.min(matched.size(), from + this.limit) : matched.size();
		return new Page(matched.subList(from, to), matched.size(), places, queued.size());
	}

	/**
	 * @param documents the documents of the page
	 * @param total how many matched
	 * @param places each queued document's place in line (1 first)
	 * @param queued how many documents of the knowledge base wait in line
	 */
	record Page(List<Document> documents, int total, Map<String, Integer> places, int queued) {

	}

}
