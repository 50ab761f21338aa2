package dev.ragchat.api.chat.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.ragchat.api.chat.ChatSession;
import dev.ragchat.api.chat.SessionStore;
import dev.ragchat.ingestion.catalog.Jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Chat sessions in the embedded SQL catalog (schema in {@code db/migration}).
 */
final class JdbcSessionStore implements SessionStore {

	private final JdbcClient jdbc;

	JdbcSessionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void save(ChatSession session) {
		this.jdbc.sql("""
				insert into chat_session (id, api_key_id, knowledge_base, config_id, system_prompt, model,
					temperature, top_k, created_at, expires_at, ended_at, title, pinned_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(session.id(), session.keyId(), session.knowledgeBase(), session.configId(), session.systemPrompt(),
					session.model(), session.temperature(), session.topK(), Jdbc.time(session.createdAt()),
					Jdbc.time(session.expiresAt()), Jdbc.time(session.endedAt()), session.title(),
					Jdbc.time(session.pinnedAt()))
			.update();
	}

	@Override
	public Optional<ChatSession> findById(String id) {
		return this.jdbc.sql("select * from chat_session where id = ?")
			.param(id)
			.query(JdbcSessionStore::map)
			.optional();
	}

	@Override
	public boolean end(String id, Instant at) {
		this.jdbc.sql("update chat_session set ended_at = ? where id = ? and ended_at is null")
			.params(Jdbc.time(at), id)
			.update();
		return findById(id).isPresent();
	}

	@Override
	public boolean renew(String id, Instant expiresAt) {
		return this.jdbc.sql("update chat_session set expires_at = ? where id = ?")
			.params(Jdbc.time(expiresAt), id)
			.update() == 1;
	}

	@Override
	public int endAllOfKey(String keyId, Instant at) {
		return this.jdbc.sql("update chat_session set ended_at = ? where api_key_id = ? and ended_at is null")
			.params(Jdbc.time(at), keyId)
			.update();
	}

	@Override
	public List<ChatSession> pageOfKeys(Collection<String> keyIds, List<String> knowledgeBases, String text, int offset,
			int limit) {
		if (keyIds.isEmpty() || (knowledgeBases != null && knowledgeBases.isEmpty())) {
			return List.of();
		}
		return ofKey("select * from chat_session s", keyIds, knowledgeBases, text,
				" order by pinned_at desc nulls last, created_at desc, id desc limit :limit offset :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query(JdbcSessionStore::map)
			.list();
	}

	@Override
	public long countOfKeys(Collection<String> keyIds, List<String> knowledgeBases, String text) {
		if (keyIds.isEmpty() || (knowledgeBases != null && knowledgeBases.isEmpty())) {
			return 0;
		}
		return ofKey("select count(*) from chat_session s", keyIds, knowledgeBases, text, "").query(Long.class)
			.single();
	}

	/**
	 * A statement on some keys' sessions (a lineage's): on some knowledge bases only, and
	 * only those whose title or one of whose messages holds a text (ignoring case), when
	 * asked.
	 */
	private JdbcClient.StatementSpec ofKey(String select, Collection<String> keyIds, List<String> knowledgeBases,
			String text, String tail) {
		StringBuilder sql = new StringBuilder(select).append(" where s.api_key_id in (:keys)");
		if (knowledgeBases != null) {
			sql.append(" and s.knowledge_base in (:kbs)");
		}
		if (text != null) {
			sql.append(" and (lower(s.title) like :text escape '\\' or exists (select 1 from chat_message m")
				.append(" where m.session_id = s.id and lower(m.content) like :text escape '\\'))");
		}
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.append(tail).toString())
			.param("keys", List.copyOf(keyIds));
		if (knowledgeBases != null) {
			statement = statement.param("kbs", knowledgeBases);
		}
		if (text != null) {
			statement = statement.param("text", "%" + likeEscaped(text.toLowerCase(Locale.ROOT)) + "%");
		}
		return statement;
	}

	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	@Override
	public boolean pin(String id, Instant at) {
		return this.jdbc.sql("update chat_session set pinned_at = ? where id = ?")
			.params(Jdbc.time(at), id)
			.update() == 1;
	}

	@Override
	public boolean updateSettings(ChatSession s) {
		return this.jdbc
			.sql("update chat_session set system_prompt = ?, model = ?, temperature = ?, top_k = ?" + " where id = ?")
			.params(s.systemPrompt(), s.model(), s.temperature(), s.topK(), s.id())
			.update() == 1;
	}

	@Override
	public boolean rename(String id, String title) {
		return this.jdbc.sql("update chat_session set title = ? where id = ?").params(title, id).update() == 1;
	}

	@Override
	public boolean delete(String id) {
		return this.jdbc.sql("delete from chat_session where id = ?").param(id).update() == 1;
	}

	@Override
	public List<ChatSession> startedBetween(Instant from, Instant to) {
		return this.jdbc
			.sql("select * from chat_session where created_at >= ? and created_at < ? order by created_at, id")
			.params(Jdbc.time(from), Jdbc.time(to))
			.query(JdbcSessionStore::map)
			.list();
	}

	@Override
	public List<ChatSession> findAllById(Collection<String> ids) {
		List<ChatSession> found = new ArrayList<>();
		List<String> all = List.copyOf(ids);
		// in slices, so that no statement carries an unbounded list of parameters
		for (int start = 0; start < all.size(); start += 500) {
			found.addAll(this.jdbc.sql("select * from chat_session where id in (:ids)")
				.param("ids", all.subList(start, Math.min(start + 500, all.size())))
				.query(JdbcSessionStore::map)
				.list());
		}
		return found;
	}

	private static ChatSession map(ResultSet rs, int row) throws SQLException {
		return new ChatSession(rs.getString("id"), rs.getString("api_key_id"), rs.getString("knowledge_base"),
				rs.getString("config_id"), rs.getString("system_prompt"), rs.getString("model"),
				rs.getObject("temperature", Double.class), rs.getObject("top_k", Integer.class),
				Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "expires_at"), Jdbc.instant(rs, "ended_at"),
				rs.getString("title"), Jdbc.instant(rs, "pinned_at"));
	}

}
