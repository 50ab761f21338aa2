package dev.ragchat.sources.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.ragchat.ingestion.catalog.Jdbc;
import dev.ragchat.sources.Source;
import dev.ragchat.sources.SourceStore;
import dev.ragchat.sources.SyncRun;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sync sources and runs in the embedded SQL catalog ({@code sync_source},
 * {@code sync_run}); a run's report is a JSON text.
 */
final class JdbcSourceStore implements SourceStore {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	JdbcSourceStore(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public void insert(Source s) {
		this.jdbc.sql("""
				insert into sync_source (id, knowledge_base, type, path, bucket, prefix, delete_missing,
					interval_minutes, created_at, schedule, web) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(s.id(), s.knowledgeBase(), s.type().name(), s.path(), s.bucket(), s.prefix(), s.deleteMissing(),
					s.intervalMinutes(), Jdbc.time(s.createdAt()), s.schedule(), ReportJson.writeWeb(s.web()))
			.update();
	}

	@Override
	public Optional<Source> findById(String id) {
		return this.jdbc.sql("select * from sync_source where id = ?")
			.param(id)
			.query(JdbcSourceStore::source)
			.optional();
	}

	@Override
	public List<Source> findByKnowledgeBase(String knowledgeBase) {
		return this.jdbc.sql("select * from sync_source where knowledge_base = ? order by created_at, id")
			.param(knowledgeBase)
			.query(JdbcSourceStore::source)
			.list();
	}

	@Override
	public List<Source> findAll() {
		return this.jdbc.sql("select * from sync_source order by created_at, id").query(JdbcSourceStore::source).list();
	}

	@Override
	public boolean delete(String id) {
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			this.jdbc.sql("delete from sync_run where source_id = ?").param(id).update();
			return this.jdbc.sql("delete from sync_source where id = ?").param(id).update() > 0;
		}));
	}

	@Override
	public boolean start(SyncRun run, Instant lastRunBefore) {
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			int claimed = this.jdbc.sql("""
					update sync_source set active_run_id = ?, last_run_id = ?, last_run_at = ?
						where id = ? and active_run_id is null
						and (cast(? as timestamp with time zone) is null or last_run_at is null or last_run_at < ?)""")
				.params(run.id(), run.id(), Jdbc.time(run.startedAt()), run.sourceId(), Jdbc.time(lastRunBefore),
						Jdbc.time(lastRunBefore))
				.update();
			if (claimed != 1) {
				return false;
			}
			this.jdbc.sql("""
					insert into sync_run (id, source_id, knowledge_base, status, trigger_kind, delete_missing,
						started_at, report) values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(run.id(), run.sourceId(), run.knowledgeBase(), run.status().name(), run.trigger(),
						run.deleteMissing(), Jdbc.time(run.startedAt()), ReportJson.write(run.report()))
				.update();
			return true;
		}));
	}

	@Override
	public void progress(SyncRun run) {
		SyncRun.Progress p = run.progress();
		this.jdbc.sql("""
				update sync_run set files_total = ?, files_done = ?, documents_indexing = ?, documents_indexed = ?,
					report = ? where id = ? and status = 'RUNNING'""")
			.params(p.files(), p.filesDone(), p.documentsIndexing(), p.documentsIndexed(),
					ReportJson.write(run.report()), run.id())
			.update();
	}

	@Override
	public boolean finish(SyncRun run) {
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			SyncRun.Progress p = run.progress();
			int ended = this.jdbc.sql("""
					update sync_run set status = ?, finished_at = ?, files_total = ?, files_done = ?,
						documents_indexing = ?, documents_indexed = ?, report = ?, error = ?
						where id = ? and status = 'RUNNING'""")
				.params(run.status().name(), Jdbc.time(run.finishedAt()), p.files(), p.filesDone(),
						p.documentsIndexing(), p.documentsIndexed(), ReportJson.write(run.report()), run.error(),
						run.id())
				.update();
			this.jdbc.sql("update sync_source set active_run_id = null where id = ? and active_run_id = ?")
				.params(run.sourceId(), run.id())
				.update();
			return ended == 1;
		}));
	}

	@Override
	public Optional<SyncRun> findRun(String runId) {
		return this.jdbc.sql("select * from sync_run where id = ?").param(runId).query(JdbcSourceStore::run).optional();
	}

	@Override
	public List<SyncRun> runs(String sourceId, int limit) {
		return this.jdbc.sql("select * from sync_run where source_id = ? order by started_at desc, id desc limit ?")
			.params(sourceId, limit)
			.query(JdbcSourceStore::run)
			.list();
	}

	@Override
	public String crawlState(String sourceId) {
		return this.jdbc.sql("select crawl_state from sync_source where id = ?")
			.param(sourceId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	@Override
	public void saveCrawlState(String sourceId, String state) {
		this.jdbc.sql("update sync_source set crawl_state = ? where id = ?").params(state, sourceId).update();
	}

	private static Source source(ResultSet rs, int row) throws SQLException {
		return new Source(rs.getString("id"), rs.getString("knowledge_base"), Source.Type.valueOf(rs.getString("type")),
				rs.getString("path"), rs.getString("bucket"), rs.getString("prefix"), rs.getBoolean("delete_missing"),
				rs.getObject("interval_minutes", Integer.class), Jdbc.instant(rs, "created_at"),
				rs.getString("last_run_id"), Jdbc.instant(rs, "last_run_at"), rs.getString("active_run_id"),
				rs.getString("schedule"), ReportJson.readWeb(rs.getString("web")));
	}

	private static SyncRun run(ResultSet rs, int row) throws SQLException {
		return new SyncRun(rs.getString("id"), rs.getString("source_id"), rs.getString("knowledge_base"),
				SyncRun.Status.valueOf(rs.getString("status")), rs.getString("trigger_kind"),
				rs.getBoolean("delete_missing"), Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at"),
				new SyncRun.Progress(rs.getInt("files_total"), rs.getInt("files_done"), rs.getInt("documents_indexing"),
						rs.getInt("documents_indexed")),
				ReportJson.read(rs.getString("report")), rs.getString("error"));
	}

}
