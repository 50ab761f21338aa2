package dev.ragchat.ingestion.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.ragchat.ingestion.Document;
import dev.ragchat.ingestion.DocumentQuery;
import dev.ragchat.ingestion.DocumentStatus;

/**
 * What the two catalogs' document lists share apart from their query languages
 * ({@link JdbcDocumentPages}, {@link MongoDocumentPages}): the status order read one
 * status at a time, and the queue's places in line counted in one pass.
 */
final class DocumentLists {

	private DocumentLists() {
	}

	/**
	 * One page of the status order: the statuses in {@link DocumentStatus}'s order
	 * (reversed when descending), each in upload order off the catalog's status index; a
	 * count a status finds where the offset falls, then the page's rows are read. A
	 * stored status has no rank to sort by, and sorting by an expression made the catalog
	 * read and sort every document of the knowledge base for each page.
	 * @param query the page asked for (its order is the status order)
	 * @param statuses the catalog's documents of one status that the query matches
	 * @return the page
	 */
	static List<Document> byStatus(DocumentQuery query, OfStatus statuses) {
		List<DocumentStatus> order = new ArrayList<>(List.of(DocumentStatus.values()));
		if (query.descending()) {
			Collections.reverse(order);
		}
		List<Document> page = new ArrayList<>();
		long skip = query.offset();
		for (DocumentStatus status : order) {
			if (query.limit() != null && page.size() >= query.limit()) {
				break;
			}
			long count = statuses.count(status);
			if (skip >= count) {
				skip -= count;
				continue;
			}
			page.addAll(statuses.read(status, skip, (query.limit() != null) ? query.limit() - page.size() : null));
			skip = 0;
		}
		return page;
	}

	/**
	 * The places in line of a page's queued documents, counted over the knowledge base's
	 * queued ids in upload order: fed one id at a time until every queued document of the
	 * page is placed ({@link #done}). One pass, which stops at the page's last.
	 */
	static final class Places {

		private final Set<String> queued;

		private final Map<String, Integer> places = new HashMap<>();

		private int place;

		/**
		 * @param page a page of documents
		 */
		Places(List<Document> page) {
			this.queued = page.stream()
				.filter((d) -> d.status() == DocumentStatus.QUEUED)
				.map(Document::id)
				.collect(Collectors.toSet());
		}

		/**
		 * @return whether every queued document of the page is placed
		 */
		boolean done() {
			return this.places.size() == this.queued.size();
		}

		/**
		 * @param id the next queued id of the knowledge base, in upload order
		 */
		void next(String id) {
			this.place++;
			if (this.queued.contains(id)) {
				this.places.put(id, this.place);
			}
		}

		Map<String, Integer> places() {
			return this.places;
		}

	}

	/**
	 * A catalog's documents of one status among those a page's query matches.
	 */
	interface OfStatus {

		/**
		 * @param status a status
		 * @return how many of them have it
		 */
		long count(DocumentStatus status);

		/**
		 * @param status a status
		 * @param skip how many of them to skip, in upload order
		 * @param limit how many to read at most, or {@code null} for all
		 * @return those read, in upload order
		 */
		List<Document> read(DocumentStatus status, long skip, Integer limit);

	}

}
