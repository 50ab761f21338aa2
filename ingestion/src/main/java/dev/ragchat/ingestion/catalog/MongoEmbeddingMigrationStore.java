package dev.ragchat.ingestion.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.ragchat.ingestion.migration.EmbeddingMigration;
import dev.ragchat.ingestion.migration.EmbeddingMigrationStore;
import org.bson.conversions.Bson;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/**
 * Embedding-model migrations in MongoDB; the unique {@code liveKey} (the knowledge base
 * while live, the migration's id once ended) keeps one live migration per knowledge base.
 */
final class MongoEmbeddingMigrationStore implements EmbeddingMigrationStore {

	static final String COLLECTION = "embedding_migrations";

	private static final String LIVE_KEY = "liveKey";

	private final MongoCollection<org.bson.Document> migrations;

	MongoEmbeddingMigrationStore(MongoDatabase database) {
		this.migrations = database.getCollection(COLLECTION);
		this.migrations.createIndex(Indexes.ascending(LIVE_KEY), new IndexOptions().unique(true));
		this.migrations.createIndex(Indexes.ascending("knowledgeBase", "createdAt"));
	}

	@Override
	public boolean start(EmbeddingMigration m) {
		try {
			this.migrations.insertOne(new org.bson.Document("_id", m.id()).append("knowledgeBase", m.knowledgeBase())
				.append(LIVE_KEY, m.status().live() ? m.knowledgeBase() : m.id())
				.append("fromModel", m.fromModel())
				.append("fromDimensions", m.fromDimensions())
				.append("toModel", m.toModel())
				.append("toDimensions", m.toDimensions())
				.append("status", m.status().name())
				.append("documentsDone", m.documentsDone())
				.append("documentsTotal", m.documentsTotal())
				.append("chunksDone", m.chunksDone())
				.append("chunksTotal", m.chunksTotal())
				.append("error", m.error())
				.append("createdAt", date(m.createdAt()))
				.append("finishedAt", date(m.finishedAt())));
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return false;
			}
			throw ex;
		}
	}

	@Override
	public Optional<EmbeddingMigration> findById(String id) {
		return Optional.ofNullable(this.migrations.find(eq("_id", id)).first()).map(MongoEmbeddingMigrationStore::map);
	}

	@Override
	public Optional<EmbeddingMigration> live(String knowledgeBase) {
		return Optional.ofNullable(this.migrations.find(eq(LIVE_KEY, knowledgeBase)).first())
			.map(MongoEmbeddingMigrationStore::map);
	}

	@Override
	public Optional<EmbeddingMigration> latest(String knowledgeBase) {
		return Optional
			.ofNullable(this.migrations.find(eq("knowledgeBase", knowledgeBase))
				.sort(Sorts.descending("createdAt", "_id"))
				.first())
			.map(MongoEmbeddingMigrationStore::map);
	}

	@Override
	public boolean progress(String id, int documentsDone, int documentsTotal, int chunksDone, int chunksTotal) {
		return this.migrations.updateOne(and(eq("_id", id), eq("status", EmbeddingMigration.Status.RUNNING.name())),
				Updates.combine(Updates.set("documentsDone", documentsDone),
						Updates.set("documentsTotal", documentsTotal), Updates.set("chunksDone", chunksDone),
						Updates.set("chunksTotal", chunksTotal)))
			.getModifiedCount() > 0;
	}

	@Override
	public boolean transition(String id, EmbeddingMigration.Status from, EmbeddingMigration.Status to, String error,
			Instant at) {
		List<Bson> updates = new ArrayList<>(List.of(Updates.set("status", to.name()), Updates.set("error", error)));
		if (!to.live()) {
			updates.add(Updates.set("finishedAt", date(at)));
			updates.add(Updates.set(LIVE_KEY, id));
		}
		return this.migrations.updateOne(and(eq("_id", id), eq("status", from.name())), Updates.combine(updates))
			.getModifiedCount() > 0;
	}

	private static Date date(Instant instant) {
		return (instant != null) ? Date.from(instant) : null;
	}

	private static Instant instant(org.bson.Document row, String key) {
		Date date = row.getDate(key);
		return (date != null) ? date.toInstant() : null;
	}

	private static EmbeddingMigration map(org.bson.Document row) {
		return new EmbeddingMigration(row.getString("_id"), row.getString("knowledgeBase"), row.getString("fromModel"),
				row.getInteger("fromDimensions"), row.getString("toModel"), row.getInteger("toDimensions"),
				EmbeddingMigration.Status.valueOf(row.getString("status")), row.getInteger("documentsDone"),
				row.getInteger("documentsTotal"), row.getInteger("chunksDone"), row.getInteger("chunksTotal"),
				row.getString("error"), instant(row, "createdAt"), instant(row, "finishedAt"));
	}

}
