package dev.ragchat.api.chat.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.answer.Answer;
import dev.ragchat.answer.Citation;
import dev.ragchat.answer.Clarification;
import dev.ragchat.answer.Listing;
import dev.ragchat.answer.Refusal;
import dev.ragchat.answer.Trace;
import dev.ragchat.api.chat.ChatMessage;
import dev.ragchat.api.chat.MessageStore;
import dev.ragchat.ingestion.catalog.Jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Chat history in the embedded SQL catalog; citations, passages, the readings of a
 * question asked back and an answer's trace as JSON.
 */
final class JdbcMessageStore implements MessageStore {

	private static final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

	private static final TypeReference<List<Citation>> CITATIONS = new TypeReference<>() {
	};

	private static final TypeReference<List<Answer.Passage>> PASSAGES = new TypeReference<>() {
	};

	/** The longest refusal detail kept (the column's size). */
	private static final int MAX_DETAIL = 4000;

	private final JdbcClient jdbc;

	JdbcMessageStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public synchronized void append(ChatMessage m) {
		long seq = this.jdbc.sql("select coalesce(max(seq), 0) + 1 from chat_message where session_id = ?")
			.param(m.sessionId())
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into chat_message (id, session_id, seq, role, content, grounded, citations, created_at, tokens,
					passages, refusal_reason, refusal_detail, stopped, clarification, trace, listing)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(m.id(), m.sessionId(), seq, m.role(), m.content(), m.grounded(), toJson(m.citations()),
					m.createdAt().atOffset(ZoneOffset.UTC), m.tokens(),
					m.passages().isEmpty() ? null : toJson(m.passages()),
					(m.refusal() != null) ? m.refusal().reason() : null,
					(m.refusal() != null) ? cut(m.refusal().detail(), MAX_DETAIL) : null, m.stopped(),
					(m.clarification() != null) ? toJson(m.clarification()) : null,
					(m.trace() != null) ? toJson(m.trace()) : null, (m.listing() != null) ? toJson(m.listing()) : null)
			.update();
	}

	@Override
	public List<ChatMessage> page(String sessionId, int offset, int limit) {
		return this.jdbc.sql("select * from chat_message where session_id = ? order by seq limit ? offset ?")
			.params(sessionId, limit, offset)
			.query(JdbcMessageStore::map)
			.list();
	}

	@Override
	public long count(String sessionId) {
		return this.jdbc.sql("select count(*) from chat_message where session_id = ?")
			.param(sessionId)
			.query(Long.class)
			.single();
	}

	@Override
	public List<ChatMessage> latest(String sessionId, int limit) {
		List<ChatMessage> latest = new ArrayList<>(
				this.jdbc.sql("select * from chat_message where session_id = ? order by seq desc limit ?")
					.params(sessionId, limit)
					.query(JdbcMessageStore::map)
					.list());
		Collections.reverse(latest);
		return latest;
	}

	@Override
	public void deleteSession(String sessionId) {
		this.jdbc.sql("delete from chat_message where session_id = ?").param(sessionId).update();
	}

	@Override
	public List<ChatMessage> between(Instant from, Instant to) {
		return this.jdbc
			.sql("select * from chat_message where created_at >= ? and created_at < ? order by session_id, seq")
			.params(Jdbc.time(from), Jdbc.time(to))
			.query(JdbcMessageStore::map)
			.list();
	}

	private static ChatMessage map(ResultSet rs, int row) throws SQLException {
		Object grounded = rs.getObject("grounded");
		Long tokens = rs.getObject("tokens", Long.class);
		String reason = rs.getString("refusal_reason");
		return new ChatMessage(rs.getString("id"), rs.getString("session_id"), rs.getString("role"),
				rs.getString("content"), (grounded != null) ? (Boolean) grounded : null,
				fromJson(rs.getString("citations"), CITATIONS), Jdbc.instant(rs, "created_at"), tokens,
				fromJson(rs.getString("passages"), PASSAGES),
				(reason != null) ? new Refusal(reason, rs.getString("refusal_detail")) : null, rs.getBoolean("stopped"),
				read(rs.getString("clarification"), Clarification.class), read(rs.getString("trace"), Trace.class),
				read(rs.getString("listing"), Listing.class));
	}

	private static String cut(String text, int length) {
		return (text != null && text.length() > length) ? text.substring(0, length) : text;
	}

	private static <T> T read(String value, Class<T> type) {
		if (value == null) {
			return null;
		}
		try {
			return json.readValue(value, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String toJson(Object values) {
		try {
			return json.writeValueAsString(values);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static <T> List<T> fromJson(String values, TypeReference<List<T>> type) {
		if (values == null) {
			return List.of();
		}
		try {
			return json.readValue(values, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
