package dev.ragchat.api.evaluation.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.ragchat.api.evaluation.Evaluation;
import dev.ragchat.api.evaluation.EvaluationStore;
import dev.ragchat.api.evaluation.Metric;
import dev.ragchat.api.evaluation.QuestionResult;
import dev.ragchat.ingestion.catalog.Jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Evaluations in the embedded SQL catalog: a row per run, a row per answered question.
 */
final class JdbcEvaluationStore implements EvaluationStore {

	private static final String UNFINISHED = "('QUEUED', 'RUNNING')";

	private final JdbcClient jdbc;

	JdbcEvaluationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void create(Evaluation e) {
		this.jdbc.sql("""
				insert into evaluation (id, knowledge_base, key_id, name, status, settings, questions_total,
					questions_done, totals, error, created_at, started_at, finished_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(e.id(), e.knowledgeBase(), e.keyId(), e.name(), e.status().name(), Json.write(e.settings()),
					e.total(), e.done(), e.totals().isEmpty() ? null : Json.write(e.totals()), e.error(),
					Jdbc.time(e.createdAt()), Jdbc.time(e.startedAt()), Jdbc.time(e.finishedAt()))
			.update();
	}

	@Override
	public Optional<Evaluation> find(String id) {
		return this.jdbc.sql("select * from evaluation where id = ?")
			.param(id)
			.query(JdbcEvaluationStore::map)
			.optional();
	}

	@Override
	public List<Evaluation> page(String knowledgeBase, int offset, int limit) {
		return this.jdbc
			.sql("select * from evaluation where knowledge_base = ? order by created_at desc, id desc limit ? offset ?")
			.params(knowledgeBase, limit, offset)
			.query(JdbcEvaluationStore::map)
			.list();
	}

	@Override
	public long count(String knowledgeBase) {
		return this.jdbc.sql("select count(*) from evaluation where knowledge_base = ?")
			.param(knowledgeBase)
			.query(Long.class)
			.single();
	}

	@Override
	public long countUnfinished() {
		return this.jdbc.sql("select count(*) from evaluation where status in " + UNFINISHED)
			.query(Long.class)
			.single();
	}

	@Override
	public boolean start(String id, Instant now) {
		return this.jdbc
			.sql("update evaluation set status = 'RUNNING', started_at = coalesce(started_at, ?) where id = ?"
					+ " and status in " + UNFINISHED)
			.params(Jdbc.time(now), id)
			.update() > 0;
	}

	@Override
	public boolean record(String id, QuestionResult result) {
		// counted first, only while RUNNING: a run cancelled meanwhile keeps no more
		int running = this.jdbc
			.sql("update evaluation set questions_done = questions_done + 1 where id = ? and status = 'RUNNING'")
			.param(id)
			.update();
		if (running == 0) {
			return false;
		}
		this.jdbc.sql(
				"merge into evaluation_question (evaluation_id, seq, result) key (evaluation_id, seq) values (?, ?, ?)")
			.params(id, result.seq(), Json.write(result))
			.update();
		return true;
	}

	@Override
	public boolean finish(String id, Evaluation.Status status, Map<String, Metric> totals, String error, Instant now) {
		return this.jdbc
			.sql("update evaluation set status = ?, totals = coalesce(?, totals), error = ?, finished_at = ?"
					+ " where id = ? and status in " + UNFINISHED)
			.params(status.name(), (totals != null) ? Json.write(totals) : null, error, Jdbc.time(now), id)
			.update() > 0;
	}

	@Override
	public void totals(String id, Map<String, Metric> totals) {
		this.jdbc.sql("update evaluation set totals = ? where id = ?").params(Json.write(totals), id).update();
	}

	@Override
	public List<QuestionResult> questions(String id, int offset, int limit) {
		return this.jdbc
			.sql("select result from evaluation_question where evaluation_id = ? order by seq limit ? offset ?")
			.params(id, limit, offset)
			.query((rs, row) -> Json.result(rs.getString("result")))
			.list();
	}

	private static Evaluation map(ResultSet rs, int row) throws SQLException {
		return new Evaluation(rs.getString("id"), rs.getString("knowledge_base"), rs.getString("key_id"),
				rs.getString("name"), Evaluation.Status.valueOf(rs.getString("status")),
				Json.settings(rs.getString("settings")), rs.getInt("questions_total"), rs.getInt("questions_done"),
				Json.totals(rs.getString("totals")), rs.getString("error"), Jdbc.instant(rs, "created_at"),
				Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at"));
	}

}
