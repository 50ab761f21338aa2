package dev.ragchat.api.feedback.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import dev.ragchat.api.feedback.Feedback;
import dev.ragchat.api.feedback.FeedbackStore;
import dev.ragchat.ingestion.catalog.Jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Feedback in the embedded SQL catalog, one row per answer.
 */
final class JdbcFeedbackStore implements FeedbackStore {

	private final JdbcClient jdbc;

	JdbcFeedbackStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void save(Feedback f) {
		this.jdbc.sql("""
				merge into answer_feedback (message_id, session_id, knowledge_base, key_id, rating, reason, answer,
					created_at) key (message_id) values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(f.messageId(), f.sessionId(), f.knowledgeBase(), f.keyId(), f.rating().name(), f.reason(),
					f.answer(), Jdbc.time(f.createdAt()))
			.update();
	}

	@Override
	public List<Feedback> page(String knowledgeBase, int offset, int limit) {
		return this.jdbc
			.sql("select * from answer_feedback where knowledge_base = ? order by created_at desc, message_id desc"
					+ " limit ? offset ?")
			.params(knowledgeBase, limit, offset)
			.query(JdbcFeedbackStore::map)
			.list();
	}

	@Override
	public long count(String knowledgeBase) {
		return this.jdbc.sql("select count(*) from answer_feedback where knowledge_base = ?")
			.param(knowledgeBase)
			.query(Long.class)
			.single();
	}

	@Override
	public List<Feedback> between(Instant from, Instant to) {
		return this.jdbc.sql(
				"select * from answer_feedback where created_at >= ? and created_at < ? order by created_at, message_id")
			.params(Jdbc.time(from), Jdbc.time(to))
			.query(JdbcFeedbackStore::map)
			.list();
	}

	private static Feedback map(ResultSet rs, int row) throws SQLException {
		return new Feedback(rs.getString("message_id"), rs.getString("session_id"), rs.getString("knowledge_base"),
				rs.getString("key_id"), Feedback.Rating.valueOf(rs.getString("rating")), rs.getString("reason"),
				rs.getString("answer"), Jdbc.instant(rs, "created_at"));
	}

}
