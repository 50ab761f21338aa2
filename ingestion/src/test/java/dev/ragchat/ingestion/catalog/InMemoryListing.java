package dev.ragchat.ingestion.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.ragchat.ingestion.Document;
import dev.ragchat.ingestion.DocumentQuery;
import dev.ragchat.ingestion.DocumentStatus;

/**
 * The reference the catalog's pages are checked against: how the api pages the list
 * before the catalog did it (DocumentListing.apply, issue 60), over the knowledge base
 * read whole.
 */
final class InMemoryListing {

	private static final Map<DocumentQuery.Order, Comparator<Document>> ORDERS = Map.of(DocumentQuery.Order.NAME,
			Comparator.comparing((Document d) -> d.filename().toLowerCase(Locale.ROOT)), DocumentQuery.Order.DATE,
			Comparator.comparing(Document::updatedAt), DocumentQuery.Order.SIZE,
			Comparator.comparingLong(Document::sizeBytes), DocumentQuery.Order.STATUS,
			Comparator.comparing((Document d) -> d.status().ordinal()));

	private static final Comparator<Document> UPLOAD_ORDER = Comparator.comparing(Document::createdAt)
		.thenComparing(Document::id);

	private InMemoryListing() {
	}

	/**
	 * @param all every document of the knowledge base, oldest first
	 * @param q the search text as the api took it, or {@code null}
	 * @param query the rest of the query
	 * @return the page the api showed
	 */
	static DocumentQuery.Page apply(List<Document> all, String q, DocumentQuery query) {
		Map<String, Integer> places = new HashMap<>();
		List<Document> queued = all.stream()
			.filter((d) -> d.status() == DocumentStatus.QUEUED)
			.sorted(UPLOAD_ORDER)
			.toList();
		for (int i = 0; i < queued.size(); i++) {
			places.put(queued.get(i).id(), i + 1);
		}
		String wanted = (q != null) ? q.strip().toLowerCase(Locale.ROOT) : "";
		List<Document> matched = new ArrayList<>(all.stream()
			.filter((d) -> wanted.isEmpty() || d.filename().toLowerCase(Locale.ROOT).contains(wanted))
			.toList());
		if (query.order() != DocumentQuery.Order.UPLOAD) {
			Comparator<Document> order = ORDERS.get(query.order());
			matched.sort((query.descending() ? order.reversed() : order).thenComparing(UPLOAD_ORDER));
		}
		int from = Math.min(query.offset(), matched.size());
		int to = (query.limit() != null) ? Math.min(matched.size(), from + query.limit()) : matched.size();
		List<Document> page = matched.subList(from, to);
		Map<String, Integer> pagePlaces = new HashMap<>();
		for (Document d : page) {
			if (places.containsKey(d.id())) {
				pagePlaces.put(d.id(), places.get(d.id()));
			}
		}
		return new DocumentQuery.Page(page, matched.size(), queued.size(), pagePlaces);
	}

}
