package dev.ragchat.ingestion.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import dev.ragchat.ingestion.Document;
import dev.ragchat.ingestion.DocumentQuery;
import dev.ragchat.ingestion.DocumentQuery.Page;
import dev.ragchat.ingestion.DocumentStatus;
import org.bson.conversions.Bson;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

/**
 * The document list of the MongoDB catalog: one page of a knowledge base's documents,
 * searched by name, sorted and cut by the catalog (an index per order), with the queue's
 * places in line ({@link dev.ragchat.ingestion.DocumentStore#findPage}); and the indexes
 * and keys the list reads.
 */
final class MongoDocumentPages {

	/**
	 * The file name as the list searches and sorts it ({@link DocumentQuery#nameKey}).
	 */
	static final String NAME_KEY = "filenameKey";

	private final MongoCollection<org.bson.Document> documents;

	/**
	 * Creates the list's indexes and gives older documents the keys it reads.
	 * @param documents the catalog's documents
	 */
	MongoDocumentPages(MongoCollection<org.bson.Document> documents) {
		this.documents = documents;
		// the list's orders, each then in upload order, and the queue's places in line
		this.documents.createIndex(Indexes.ascending("knowledgeBase", NAME_KEY, "createdAt", "_id"));
		this.documents.createIndex(Indexes.ascending("knowledgeBase", "versionAt", "createdAt", "_id"));
		this.documents.createIndex(Indexes.ascending("knowledgeBase", "sizeBytes", "createdAt", "_id"));
		this.documents.createIndex(Indexes.ascending("knowledgeBase", "status", "createdAt", "_id"));
		// a descending order's key with its ties in upload order: the ascending indexes
		// serve only the whole order reversed, so it would be sorted in memory
		for (String key : List.of(NAME_KEY, "versionAt", "sizeBytes")) {
			this.documents.createIndex(Indexes.compoundIndex(Indexes.ascending("knowledgeBase"),
					Indexes.descending(key), Indexes.ascending("createdAt", "_id")));
		}
		addListKeys();
	}

	/**
	 * Gives documents stored before the list was paged by the catalog what it sorts and
	 * searches by: the name key, and when the current version was uploaded (the first
	 * version's was not written). Only such documents are read, so after the first start
	 * this finds none.
	 */
	private void addListKeys() {
		List<WriteModel<org.bson.Document>> updates = new ArrayList<>();
		for (org.bson.Document row : this.documents.find(or(exists(NAME_KEY, false), exists("versionAt", false)))
			.projection(com.mongodb.client.model.Projections.include("filename", "createdAt", "versionAt"))) {
			Object versionAt = (row.get("versionAt") != null) ? row.get("versionAt") : row.get("createdAt");
			updates.add(new UpdateOneModel<>(eq("_id", row.get("_id")),
					Updates.combine(Updates.set(NAME_KEY, DocumentQuery.nameKey(row.getString("filename"))),
							Updates.set("versionAt", versionAt))));
			if (updates.size() == 1000) {
				this.documents.bulkWrite(updates);
				updates.clear();
			}
		}
		if (!updates.isEmpty()) {
			this.documents.bulkWrite(updates);
		}
	}

	/**
	 * One page of a knowledge base's documents. The status order is read status by status
	 * ({@link DocumentLists#byStatus}), each from the knowledge base's status index.
	 */
	Page find(String knowledgeBase, DocumentQuery query) {
		Bson matched = (query.nameContains() != null)
				? and(eq("knowledgeBase", knowledgeBase), regex(NAME_KEY, regexLiteral(query.nameContains())))
				: eq("knowledgeBase", knowledgeBase);
		long total = this.documents.countDocuments(matched);
		List<Document> page = new ArrayList<>();
		if (query.order() == DocumentQuery.Order.STATUS) {
			page.addAll(DocumentLists.byStatus(query, new DocumentLists.OfStatus() {

				@Override
				public long count(DocumentStatus status) {
					return MongoDocumentPages.this.documents.countDocuments(and(matched, eq("status", status.name())));
				}

				@Override
				public List<Document> read(DocumentStatus status, long skip, Integer limit) {
					List<Document> read = new ArrayList<>();
					MongoDocumentPages.this.read(and(matched, eq("status", status.name())),
							Sorts.ascending("createdAt", "_id"), skip, limit, read);
					return read;
				}

			}));
		}
		else if (query.offset() < total) {
			Bson uploadOrder = Sorts.ascending("createdAt", "_id");
			String key = switch (query.order()) {
				case NAME -> NAME_KEY;
				case DATE -> "versionAt";
				case SIZE -> "sizeBytes";
				default -> null;
			};
			Bson order = (key != null)
					? Sorts.orderBy(query.descending() ? Sorts.descending(key) : Sorts.ascending(key), uploadOrder)
					: uploadOrder;
			read(matched, order, query.offset(), query.limit(), page);
		}
		long queued = this.documents.countDocuments(queued(knowledgeBase));
		return new Page(page, total, queued, placesInLine(knowledgeBase, page));
	}

	private void read(Bson filter, Bson order, long skip, Integer limit, List<Document> into) {
		com.mongodb.client.FindIterable<org.bson.Document> found = this.documents.find(filter)
			.sort(order)
			.skip(Math.toIntExact(skip));
		if (limit != null) {
			found = found.limit(limit);
		}
		found.map(MongoDocumentStore::map).into(into);
	}

	private static Bson queued(String knowledgeBase) {
		return and(eq("knowledgeBase", knowledgeBase), eq("status", DocumentStatus.QUEUED.name()));
	}

	/**
	 * The places in line of the page's queued documents: one pass over the knowledge
	 * base's queued ids in upload order (its status index), which stops at the last of
	 * the page's, however the page is sorted. One cursor, not a count a document: a list
	 * of every queued document would otherwise ask the catalog once for each.
	 */
	private Map<String, Integer> placesInLine(String knowledgeBase, List<Document> page) {
		DocumentLists.Places places = new DocumentLists.Places(page);
		if (places.done()) {
			return Map.of();
		}
		try (MongoCursor<org.bson.Document> ids = this.documents.find(queued(knowledgeBase))
			.sort(Sorts.ascending("createdAt", "_id"))
			.projection(Projections.include("_id"))
			.iterator()) {
			while (!places.done() && ids.hasNext()) {
				places.next(ids.next().getString("_id"));
			}
		}
		return places.places();
	}

	/**
	 * Text as a regular expression that matches it literally: ASCII punctuation escaped,
	 * which both MongoDB's PCRE and Java read as the character itself.
	 */
	private static String regexLiteral(String text) {
		StringBuilder literal = new StringBuilder();
		text.codePoints().forEach((c) -> {
			if (c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c)) {
				literal.append('\\');
			}
			literal.appendCodePoint(c);
		});
		return literal.toString();
	}

}
