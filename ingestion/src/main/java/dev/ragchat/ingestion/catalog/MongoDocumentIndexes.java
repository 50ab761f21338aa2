package dev.ragchat.ingestion.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.ragchat.ingestion.DocumentStatus;
import org.bson.Document;
import org.bson.conversions.Bson;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

/**
 * The MongoDB catalog's indexes on documents and versions, and the unique live key that
 * keeps one live document per content, given to rows stored before it existed.
 */
final class MongoDocumentIndexes {

	/**
	 * Knowledge base and SHA-256 of a live (not failed) document: unique, absent once the
	 * document fails, so the catalog holds one live document per content.
	 */
	static final String LIVE_KEY = "liveKey";

	private MongoDocumentIndexes() {
	}

	static void create(MongoCollection<Document> documents, MongoCollection<Document> versions) {
		versions.createIndex(Indexes.ascending("documentId", "version"));
		documents.createIndex(Indexes.ascending("status", "createdAt"));
		documents.createIndex(Indexes.ascending("status", "attempts", "createdAt"));
		documents.createIndex(Indexes.ascending("knowledgeBase", "sha256"));
		documents.createIndex(Indexes.ascending("knowledgeBase", "idempotencyKey"));
		documents.createIndex(Indexes.ascending("knowledgeBase", "createdAt"));
		addLiveKeys(documents);
		documents.createIndex(Indexes.ascending(LIVE_KEY), new IndexOptions().unique(true).sparse(true));
	}

	static String liveKey(String knowledgeBase, String sha256) {
		return knowledgeBase + "/" + sha256;
	}

	/**
	 * Gives documents stored before the unique live key existed theirs, oldest first (a
	 * later copy of the same bytes keeps none).
	 */
	private static void addLiveKeys(MongoCollection<Document> documents) {
		Bson missing = and(eq(LIVE_KEY, null), ne("status", DocumentStatus.FAILED.name()));
		Set<String> seen = new HashSet<>();
		for (Document row : documents.find(missing).sort(Sorts.ascending("createdAt", "_id")).into(new ArrayList<>())) {
			String key = liveKey(row.getString("knowledgeBase"), row.getString("sha256"));
			if (seen.add(key) && documents.countDocuments(eq(LIVE_KEY, key)) == 0) {
				documents.updateOne(eq("_id", row.get("_id")), Updates.set(LIVE_KEY, key));
			}
		}
	}

}
