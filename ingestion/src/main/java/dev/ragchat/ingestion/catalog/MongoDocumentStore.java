package dev.ragchat.ingestion.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.ragchat.ingestion.Document;
import dev.ragchat.ingestion.DocumentQuery;
import dev.ragchat.ingestion.DocumentStatus;
import dev.ragchat.ingestion.DocumentStore;
import org.bson.conversions.Bson;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.nin;
import static com.mongodb.client.model.Filters.or;

/**
 * Documents and jobs in MongoDB (the production catalog). A worker claims the oldest
 * queued job with one atomic {@code findOneAndUpdate} and holds it with a lease it
 * renews, so several nodes share the queue and a dead node's job is taken over when its
 * lease runs out.
 */
final class MongoDocumentStore implements DocumentStore {

	private static final List<String> WORKING = List.of(DocumentStatus.PARSING.name(), DocumentStatus.EMBEDDING.name());

	/**
	 * How many ids one query asks about (a query is one BSON document of at most 16 MB).
	 */
	private static final int IDS_A_QUERY = 10_000;

	private final MongoCollection<org.bson.Document> documents;

	private final MongoCollection<org.bson.Document> idempotencyKeys;

	private final MongoCollection<org.bson.Document> versions;

	private final MongoDocumentPages pages;

	MongoDocumentStore(MongoDatabase database) {
		this.documents = database.getCollection("documents");
		this.idempotencyKeys = database.getCollection("idempotencyKeys");
		this.versions = database.getCollection("documentVersions");
		MongoDocumentIndexes.create(this.documents, this.versions);
		this.pages = new MongoDocumentPages(this.documents);
	}

	@Override
	public Document insert(Document d, String idempotencyKey, String requestHash) {
		org.bson.Document row = new org.bson.Document("_id", d.id()).append("knowledgeBase", d.knowledgeBase())
			.append("filename", d.filename())
			.append(MongoDocumentPages.NAME_KEY, DocumentQuery.nameKey(d.filename()))
			.append("mediaType", d.mediaType())
			.append("sizeBytes", d.sizeBytes())
			.append("sha256", d.sha256())
			.append("status", d.status().name())
			.append("pagesDone", 0)
			.append("pagesTotal", 0)
			.append("chunksDone", 0)
			.append("chunksTotal", 0)
			.append("warnings", Document.boundedWarnings(d.warnings()))
			.append("attempts", 0)
			.append("metadata", d.metadata())
			.append("idempotencyKey", idempotencyKey)
			.append("requestHash", requestHash)
			.append("createdAt", Date.from(d.createdAt()))
			.append("updatedAt", Date.from(d.createdAt()))
			.append("versionAt", Date.from(d.updatedAt()));
		if (d.status() != DocumentStatus.FAILED) {
			row.append(MongoDocumentIndexes.LIVE_KEY, MongoDocumentIndexes.liveKey(d.knowledgeBase(), d.sha256()));
		}
		while (true) {
			try {
				this.documents.insertOne(row);
				return d;
			}
			catch (MongoWriteException ex) {
				if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
					throw ex;
				}
				if (findById(d.id()).isPresent()) {
					throw new IllegalStateException("Document " + d.id() + " exists already", ex);
				}
				Optional<Document> live = findLiveBySha256(d.knowledgeBase(), d.sha256());
				if (live.isPresent()) {
					return live.get();
				}
				// the live one failed or went in between: try again
			}
		}
	}

	@Override
	public String claimIdempotencyKey(String knowledgeBase, String idempotencyKey, String requestHash) {
		org.bson.Document id = new org.bson.Document("knowledgeBase", knowledgeBase).append("key", idempotencyKey);
		while (true) {
			org.bson.Document held = this.idempotencyKeys.find(eq("_id", id)).first();
			if (held != null) {
				return held.getString("requestHash");
			}
			try {
				this.idempotencyKeys.insertOne(new org.bson.Document("_id", id).append("requestHash", requestHash)
					.append("createdAt", new Date()));
				return requestHash;
			}
			catch (MongoWriteException ex) {
				if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
					throw ex;
				}
			}
		}
	}

	@Override
	public void deleteIdempotencyKeys(String knowledgeBase) {
		this.idempotencyKeys.deleteMany(eq("_id.knowledgeBase", knowledgeBase));
	}

	@Override
	public Optional<Document> findById(String id) {
		return Optional.ofNullable(this.documents.find(eq("_id", id)).first()).map(MongoDocumentStore::map);
	}

	@Override
	public List<Document> findByKnowledgeBase(String knowledgeBase) {
		return this.documents.find(eq("knowledgeBase", knowledgeBase))
			.sort(Sorts.ascending("createdAt", "_id"))
			.map(MongoDocumentStore::map)
			.into(new ArrayList<>());
	}

	@Override
	public Set<String> findUnfinished(String knowledgeBase, Collection<String> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		Set<String> unfinished = new HashSet<>();
		List<String> all = List.copyOf(ids);
		for (int from = 0; from < all.size(); from += IDS_A_QUERY) {
			this.documents
				.find(and(in("_id", all.subList(from, Math.min(all.size(), from + IDS_A_QUERY))),
						eq("knowledgeBase", knowledgeBase),
						nin("status", DocumentStatus.READY.name(), DocumentStatus.FAILED.name())))
				.projection(Projections.include("_id"))
				.map((row) -> row.getString("_id"))
				.into(unfinished);
		}
		return unfinished;
	}

	@Override
	public DocumentQuery.Page findPage(String knowledgeBase, DocumentQuery query) {
		return this.pages.find(knowledgeBase, query);
	}

	@Override
	public List<Document> findBySha256(String knowledgeBase, String sha256) {
		return this.documents.find(and(eq("knowledgeBase", knowledgeBase), eq("sha256", sha256)))
			.sort(Sorts.ascending("createdAt", "_id"))
			.map(MongoDocumentStore::map)
			.into(new ArrayList<>());
	}

	@Override
	public List<Document> activeBetween(Instant from, Instant to) {
		return this.documents
			.find(or(and(gte("createdAt", Date.from(from)), lt("createdAt", Date.from(to))),
					and(gte("readyAt", Date.from(from)), lt("readyAt", Date.from(to)))))
			.sort(Sorts.ascending("createdAt", "_id"))
			.map(MongoDocumentStore::map)
			.into(new ArrayList<>());
	}

	@Override
	public Optional<Document> findLiveBySha256(String knowledgeBase, String sha256) {
		return Optional
			.ofNullable(this.documents.find(and(eq("knowledgeBase", knowledgeBase), eq("sha256", sha256),
					ne("status", DocumentStatus.FAILED.name())))
				.sort(Sorts.ascending("createdAt"))
				.first())
			.map(MongoDocumentStore::map);
	}

	@Override
	public List<KeyedDocument> findByIdempotencyKey(String knowledgeBase, String idempotencyKey) {
		return this.documents.find(and(eq("knowledgeBase", knowledgeBase), eq("idempotencyKey", idempotencyKey)))
			.sort(Sorts.ascending("createdAt", "_id"))
			.map((row) -> new KeyedDocument(map(row), row.getString("requestHash")))
			.into(new ArrayList<>());
	}

	@Override
	public Optional<Document> claimNext(String owner, Instant leaseUntil, boolean smallOnly) {
		Bson queued = eq("status", DocumentStatus.QUEUED.name());
		// a document the quick lane handed back is QUEUED again, marked large: the main
		// workers take it (one handed back by an older version may still be PARSING,
		// leased to nobody)
		Bson handedBack = and(eq("status", DocumentStatus.PARSING.name()), eq("large", true),
				exists("leaseOwner", false));
		org.bson.Document claimed = this.documents.findOneAndUpdate(
				smallOnly ? and(queued, ne("large", true)) : or(queued, handedBack),
				Updates.combine(Updates.set("status", DocumentStatus.PARSING.name()), Updates.inc("attempts", 1),
						Updates.set("leaseOwner", owner), Updates.set("leaseUntil", Date.from(leaseUntil)),
						Updates.set("updatedAt", new Date())),
				// documents not tried yet first: one whose attempts keep breaking never
				// holds up the others
				new FindOneAndUpdateOptions().sort(Sorts.ascending("attempts", "createdAt", "_id"))
					.returnDocument(ReturnDocument.AFTER));
		return Optional.ofNullable(claimed).map(MongoDocumentStore::map);
	}

	@Override
	public boolean heartbeat(String id, String owner, Instant leaseUntil) {
		return this.documents
			.updateOne(and(eq("_id", id), eq("leaseOwner", owner), in("status", WORKING)),
					Updates.set("leaseUntil", Date.from(leaseUntil)))
			.getMatchedCount() == 1;
	}

	@Override
	public boolean progress(String id, DocumentStatus status, Document.Progress p) {
		return this.documents
			.updateOne(eq("_id", id),
					Updates.combine(Updates.set("status", status.name()), Updates.set("pagesDone", p.pagesDone()),
							Updates.set("pagesTotal", p.pagesTotal()), Updates.set("chunksDone", p.chunksDone()),
							Updates.set("chunksTotal", p.chunksTotal()), Updates.set("updatedAt", new Date())))
			.getMatchedCount() == 1;
	}

	@Override
	public void handBack(String id) {
		this.documents.updateOne(eq("_id", id),
				Updates.combine(Updates.set("status", DocumentStatus.QUEUED.name()), Updates.set("large", true),
						Updates.inc("attempts", -1), Updates.set("pagesDone", 0), Updates.set("pagesTotal", 0),
						Updates.set("chunksDone", 0), Updates.set("chunksTotal", 0), Updates.unset("leaseOwner"),
						Updates.unset("leaseUntil"), Updates.set("updatedAt", new Date())));
	}

	@Override
	public void ready(String id, Document.Progress p, List<String> warnings, Instant readyAt) {
		this.documents.updateOne(eq("_id", id),
				Updates.combine(Updates.set("status", DocumentStatus.READY.name()),
						Updates.set("pagesDone", p.pagesDone()), Updates.set("pagesTotal", p.pagesTotal()),
						Updates.set("chunksDone", p.chunksDone()), Updates.set("chunksTotal", p.chunksTotal()),
						Updates.set("warnings", Document.boundedWarnings(warnings)), Updates.unset("error"),
						Updates.unset("leaseOwner"), Updates.unset("leaseUntil"),
						Updates.set("readyAt", Date.from(readyAt)), Updates.set("updatedAt", Date.from(readyAt))));
	}

	@Override
	public void failed(String id, String error, List<String> warnings) {
		this.documents.updateOne(eq("_id", id), Updates.combine(Updates.set("status", DocumentStatus.FAILED.name()),
				Updates.unset(MongoDocumentIndexes.LIVE_KEY), Updates.set("error", error),
				Updates.set("warnings", Document.boundedWarnings(warnings)), Updates.set("chunksDone", 0),
				Updates.unset("leaseOwner"), Updates.unset("leaseUntil"), Updates.set("updatedAt", new Date())));
	}

	@Override
	public List<Document> expiredLeases(Instant now) {
		Bson expired = and(in("status", WORKING), lt("leaseUntil", Date.from(now)));
		return this.documents.find(expired).map(MongoDocumentStore::map).into(new ArrayList<>());
	}

	@Override
	public void requeue(String id) {
		this.documents.updateOne(eq("_id", id),
				Updates.combine(Updates.set("status", DocumentStatus.QUEUED.name()), Updates.set("pagesDone", 0),
						Updates.set("chunksDone", 0), Updates.unset("leaseOwner"), Updates.unset("leaseUntil"),
						Updates.set("updatedAt", new Date())));
	}

	@Override
	public boolean delete(String id) {
		this.versions.deleteMany(eq("documentId", id));
		return this.documents.deleteOne(eq("_id", id)).getDeletedCount() == 1;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * One {@code findOneAndUpdate} on the document's version and status decides which
	 * replacement wins; the previous version's row is written after it (a crash in
	 * between loses that history row, never the document).
	 */
	@Override
	public boolean replace(Document next) {
		org.bson.Document before;
		try {
			before = this.documents.findOneAndUpdate(and(eq("_id", next.id()),
					(next.version() == 2) ? com.mongodb.client.model.Filters.or(eq("version", 1), eq("version", null))
							: eq("version", next.version() - 1),
					in("status", DocumentStatus.READY.name(), DocumentStatus.FAILED.name())),
					Updates.combine(Updates.set("filename", next.filename()),
							Updates.set(MongoDocumentPages.NAME_KEY, DocumentQuery.nameKey(next.filename())),
							Updates.set("mediaType", next.mediaType()), Updates.set("sizeBytes", next.sizeBytes()),
							Updates.set("sha256", next.sha256()),
							Updates.set(MongoDocumentIndexes.LIVE_KEY,
									MongoDocumentIndexes.liveKey(next.knowledgeBase(), next.sha256())),
							Updates.set("metadata", next.metadata()), Updates.set("version", next.version()),
							Updates.set("versionAt", Date.from(next.updatedAt())),
							Updates.set("status", DocumentStatus.QUEUED.name()), Updates.set("pagesDone", 0),
							Updates.set("pagesTotal", 0), Updates.set("chunksDone", 0), Updates.set("chunksTotal", 0),
							Updates.set("warnings", List.of()), Updates.unset("error"), Updates.set("attempts", 0),
							Updates.unset("large"), Updates.unset("readyAt"), Updates.unset("leaseOwner"),
							Updates.unset("leaseUntil"), Updates.set("updatedAt", Date.from(next.updatedAt()))),
					new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
		}
		catch (com.mongodb.MongoCommandException ex) {
			if (ex.getErrorCode() == 11000) {
				throw new org.springframework.dao.DuplicateKeyException(ex.getMessage(), ex);
			}
			throw ex;
		}
		if (before == null) {
			return false;
		}
		Document d = map(before);
		this.versions.insertOne(new org.bson.Document("_id", d.id() + "@" + d.version()).append("documentId", d.id())
			.append("version", d.version())
			.append("filename", d.filename())
			.append("mediaType", d.mediaType())
			.append("sizeBytes", d.sizeBytes())
			.append("sha256", d.sha256())
			.append("metadata", d.metadata())
			.append("createdAt", Date.from(d.updatedAt()))
			.append("readyAt", (d.readyAt() != null) ? Date.from(d.readyAt()) : null)
			.append("supersededAt", Date.from(next.updatedAt())));
		return true;
	}

	@Override
	public List<Document.Version> versions(String id) {
		List<Document.Version> versions = new ArrayList<>();
		for (org.bson.Document row : this.versions.find(eq("documentId", id)).sort(Sorts.ascending("version"))) {
			Date readyAt = row.getDate("readyAt");
			versions.add(new Document.Version(id, row.getInteger("version"), row.getString("filename"),
					row.getString("mediaType"), ((Number) row.get("sizeBytes")).longValue(), row.getString("sha256"),
					row.getString("metadata"), row.getDate("createdAt").toInstant(),
					(readyAt != null) ? readyAt.toInstant() : null, row.getDate("supersededAt").toInstant()));
		}
		return versions;
	}

	static Document map(org.bson.Document row) {
		Date readyAt = row.getDate("readyAt");
		return new Document(row.getString("_id"), row.getString("knowledgeBase"), row.getString("filename"),
				row.getString("mediaType"), ((Number) row.get("sizeBytes")).longValue(), row.getString("sha256"),
				DocumentStatus.valueOf(row.getString("status")),
				new Document.Progress(row.getInteger("pagesDone", 0), row.getInteger("pagesTotal", 0),
						row.getInteger("chunksDone", 0), row.getInteger("chunksTotal", 0)),
				row.getList("warnings", String.class, List.of()), row.getString("error"), row.getInteger("attempts", 0),
				row.getString("metadata"), row.getDate("createdAt").toInstant(),
				(readyAt != null) ? readyAt.toInstant() : null, row.getInteger("version", 1),
				(row.getDate("versionAt") != null) ? row.getDate("versionAt").toInstant()
						: row.getDate("createdAt").toInstant());
	}

}
