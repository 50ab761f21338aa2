package dev.ragchat.sources.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.ragchat.sources.Source;
import dev.ragchat.sources.SourceStore;
import dev.ragchat.sources.SyncRun;
import org.bson.conversions.Bson;

/**
 * Sync sources and runs in MongoDB ({@code sync_sources}, {@code sync_runs}). A run takes
 * its source by one {@code updateOne} on the source's document, conditioned on no other
 * run holding it; a run's report is a JSON text, as in the embedded catalog.
 */
final class MongoSourceStore implements SourceStore {

	private final MongoCollection<org.bson.Document> sources;

	private final MongoCollection<org.bson.Document> runs;

	MongoSourceStore(MongoDatabase database) {
		this.sources = database.getCollection("sync_sources");
		this.runs = database.getCollection("sync_runs");
		this.sources.createIndex(Indexes.ascending("knowledgeBase", "createdAt"));
		this.runs.createIndex(Indexes.ascending("sourceId", "startedAt"));
		// the leases of the runs before they ran on JobRunr (the embedded catalog drops
		// their columns: V2026.12.9.59_12)
		this.sources.updateMany(Filters.exists("activeUntil"),
				Updates.combine(Updates.unset("activeOwner"), Updates.unset("activeUntil")));
	}

	@Override
	public void insert(Source s) {
		this.sources.insertOne(new org.bson.Document("_id", s.id()).append("knowledgeBase", s.knowledgeBase())
			.append("type", s.type().name())
			.append("path", s.path())
			.append("bucket", s.bucket())
			.append("prefix", s.prefix())
			.append("deleteMissing", s.deleteMissing())
			.append("intervalMinutes", s.intervalMinutes())
			.append("createdAt", Date.from(s.createdAt()))
			.append("schedule", s.schedule())
			.append("web", ReportJson.writeWeb(s.web())));
	}

	@Override
	public Optional<Source> findById(String id) {
		return Optional.ofNullable(this.sources.find(Filters.eq("_id", id)).first()).map(MongoSourceStore::source);
	}

	@Override
	public List<Source> findByKnowledgeBase(String knowledgeBase) {
		return this.sources.find(Filters.eq("knowledgeBase", knowledgeBase))
			.sort(Sorts.ascending("createdAt", "_id"))
			.map(MongoSourceStore::source)
			.into(new ArrayList<>());
	}

	@Override
	public List<Source> findAll() {
		return this.sources.find()
			.sort(Sorts.ascending("createdAt", "_id"))
			.map(MongoSourceStore::source)
			.into(new ArrayList<>());
	}

	@Override
	public boolean delete(String id) {
		this.runs.deleteMany(Filters.eq("sourceId", id));
		return this.sources.deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1;
	}

	@Override
	public boolean start(SyncRun run, Instant lastRunBefore) {
		Date now = Date.from(run.startedAt());
		Bson condition = Filters.and(Filters.eq("_id", run.sourceId()), Filters.eq("activeRunId", null));
		if (lastRunBefore != null) {
			condition = Filters.and(condition,
					Filters.or(Filters.eq("lastRunAt", null), Filters.lt("lastRunAt", Date.from(lastRunBefore))));
		}
		long claimed = this.sources
			.updateOne(condition, Updates.combine(Updates.set("activeRunId", run.id()),
					Updates.set("lastRunId", run.id()), Updates.set("lastRunAt", now)))
			.getModifiedCount();
		if (claimed != 1) {
			return false;
		}
		this.runs.insertOne(new org.bson.Document("_id", run.id()).append("sourceId", run.sourceId())
			.append("knowledgeBase", run.knowledgeBase())
			.append("status", run.status().name())
			.append("trigger", run.trigger())
			.append("deleteMissing", run.deleteMissing())
			.append("startedAt", now)
			.append("report", ReportJson.write(run.report())));
		return true;
	}

	@Override
	public void progress(SyncRun run) {
		this.runs.updateOne(Filters.and(Filters.eq("_id", run.id()), Filters.eq("status", "RUNNING")),
				progressUpdates(run));
	}

	@Override
	public boolean finish(SyncRun run) {
		long ended = this.runs
			.updateOne(Filters.and(Filters.eq("_id", run.id()), Filters.eq("status", "RUNNING")),
					Updates.combine(progressUpdates(run), Updates.set("status", run.status().name()),
							Updates.set("finishedAt", Date.from(run.finishedAt())), Updates.set("error", run.error())))
			.getModifiedCount();
		this.sources.updateOne(Filters.and(Filters.eq("_id", run.sourceId()), Filters.eq("activeRunId", run.id())),
				Updates.unset("activeRunId"));
		return ended == 1;
	}

	@Override
	public Optional<SyncRun> findRun(String runId) {
		return Optional.ofNullable(this.runs.find(Filters.eq("_id", runId)).first()).map(MongoSourceStore::run);
	}

	@Override
	public List<SyncRun> runs(String sourceId, int limit) {
		return this.runs.find(Filters.eq("sourceId", sourceId))
			.sort(Sorts.descending("startedAt", "_id"))
			.limit(limit)
			.map(MongoSourceStore::run)
			.into(new ArrayList<>());
	}

	@Override
	public String crawlState(String sourceId) {
		org.bson.Document row = this.sources.find(Filters.eq("_id", sourceId)).first();
		return (row != null) ? row.getString("crawlState") : null;
	}

	@Override
	public void saveCrawlState(String sourceId, String state) {
		this.sources.updateOne(Filters.eq("_id", sourceId), Updates.set("crawlState", state));
	}

	private static Bson progressUpdates(SyncRun run) {
		SyncRun.Progress p = run.progress();
		return Updates.combine(Updates.set("files", p.files()), Updates.set("filesDone", p.filesDone()),
				Updates.set("documentsIndexing", p.documentsIndexing()),
				Updates.set("documentsIndexed", p.documentsIndexed()),
				Updates.set("report", ReportJson.write(run.report())));
	}

	private static Source source(org.bson.Document row) {
		return new Source(row.getString("_id"), row.getString("knowledgeBase"),
				Source.Type.valueOf(row.getString("type")), row.getString("path"), row.getString("bucket"),
				row.getString("prefix"), row.getBoolean("deleteMissing", false), row.getInteger("intervalMinutes"),
				row.getDate("createdAt").toInstant(), row.getString("lastRunId"), instant(row.getDate("lastRunAt")),
				row.getString("activeRunId"), row.getString("schedule"), ReportJson.readWeb(row.getString("web")));
	}

	private static SyncRun run(org.bson.Document row) {
		return new SyncRun(row.getString("_id"), row.getString("sourceId"), row.getString("knowledgeBase"),
				SyncRun.Status.valueOf(row.getString("status")), row.getString("trigger"),
				row.getBoolean("deleteMissing", false), row.getDate("startedAt").toInstant(),
				instant(row.getDate("finishedAt")),
				new SyncRun.Progress(row.getInteger("files", 0), row.getInteger("filesDone", 0),
						row.getInteger("documentsIndexing", 0), row.getInteger("documentsIndexed", 0)),
				ReportJson.read(row.getString("report")), row.getString("error"));
	}

	private static Instant instant(Date date) {
		return (date != null) ? date.toInstant() : null;
	}

}
