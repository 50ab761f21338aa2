package dev.ragchat.ingestion;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which of a knowledge base's documents a list shows, in which order: the catalog
 * searches, sorts and cuts the page itself ({@link DocumentStore#findPage}), so a list
 * never reads the whole knowledge base.
 *
 * @param nameContains text the file name must contain, case-blind (kept as
 * {@link #nameKey} makes it: stripped, lower case), or {@code null} for every document
 * @param order the order; every order but {@link Order#UPLOAD} breaks ties in upload
 * order
 * @param descending whether the order's key goes from the greatest (ties still in upload
 * order); never for {@link Order#UPLOAD}
 * @param offset documents to skip
 * @param limit the most documents to return, or {@code null} for all of them
 */
public record DocumentQuery(String nameContains, Order order, boolean descending, int offset, Integer limit) {

	/** Every document, in upload order. */
	public static final DocumentQuery ALL = new DocumentQuery(null, Order.UPLOAD, false, 0, null);

	/** The most documents a page may ask for, on every surface that lists them. */
	public static final int MAX_LIMIT = 500;

	/** The longest name text a list may search for, on every surface that lists. */
	public static final int MAX_NAME_CONTAINS = 200;

	public DocumentQuery {
		nameContains = (nameContains == null || nameContains.isBlank()) ? null : nameKey(nameContains.strip());
		if (order == null) {
			throw new IllegalArgumentException("order is required");
		}
		if (order == Order.UPLOAD && descending) {
			throw new IllegalArgumentException("upload order is ascending only");
		}
		if (offset < 0) {
			throw new IllegalArgumentException("offset must be 0 or more");
		}
		if (limit != null && limit < 1) {
			throw new IllegalArgumentException("limit must be 1 or more");
		}
	}

	/**
	 * @param filename a file name
	 * @return what names are searched and sorted by: the name in lower case (as
	 * {@link Locale#ROOT} writes it), which the catalog keeps beside the name
	 */
	public static String nameKey(String filename) {
		return filename.toLowerCase(Locale.ROOT);
	}

	/**
	 * A page of a knowledge base's documents, as a query found it.
	 *
	 * @param documents the documents of the page, in the order asked for
	 * @param total how many documents matched
	 * @param queued how many documents of the knowledge base are QUEUED
	 * @param placesInLine each QUEUED document of the page's place among the knowledge
	 * base's QUEUED documents in upload order (1 first)
	 */
	public record Page(List<Document> documents, long total, long queued, Map<String, Integer> placesInLine) {

		public Page {
			documents = List.copyOf(documents);
			placesInLine = Map.copyOf(placesInLine);
		}

	}

	/**
	 * The orders a list offers.
	 */
	public enum Order {

		/** Oldest upload first, then by id: what a list without an order shows. */
		UPLOAD,

		/** By file name, case-blind. */
		NAME,

		/** By when the current version was uploaded ({@link Document#updatedAt()}). */
		DATE,

		/** By size in bytes. */
		SIZE,

		/** By status, in the order of {@link DocumentStatus}: queued first. */
		STATUS

	}

}
