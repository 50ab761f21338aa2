package dev.ragchat.api.chatconfig.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import dev.ragchat.api.chatconfig.ChatConfig;
import dev.ragchat.api.chatconfig.ChatConfigStore;
import dev.ragchat.ingestion.catalog.Jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Chat configurations in the embedded SQL catalog.
 */
final class JdbcChatConfigStore implements ChatConfigStore {

	private final JdbcClient jdbc;

	JdbcChatConfigStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void save(ChatConfig c) {
		this.jdbc.sql("""
				insert into chat_config (id, title, knowledge_base, system_prompt, model, temperature, top_k,
					owner_key, created_at, updated_at, description, avatar_url, editable)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(c.id(), c.title(), c.knowledgeBase(), c.systemPrompt(), c.model(), c.temperature(), c.topK(),
					c.ownerKey(), c.createdAt().atOffset(ZoneOffset.UTC), c.updatedAt().atOffset(ZoneOffset.UTC),
					c.description(), c.avatarUrl(), c.editable())
			.update();
	}

	@Override
	public boolean update(ChatConfig c) {
		return this.jdbc.sql("""
				update chat_config set title = ?, knowledge_base = ?, system_prompt = ?, model = ?, temperature = ?,
					top_k = ?, updated_at = ?, description = ?, avatar_url = ?, editable = ? where id = ?""")
			.params(c.title(), c.knowledgeBase(), c.systemPrompt(), c.model(), c.temperature(), c.topK(),
					c.updatedAt().atOffset(ZoneOffset.UTC), c.description(), c.avatarUrl(), c.editable(), c.id())
			.update() == 1;
	}

	@Override
	public Optional<ChatConfig> findById(String id) {
		return this.jdbc.sql("select * from chat_config where id = ?")
			.param(id)
			.query(JdbcChatConfigStore::map)
			.optional();
	}

	@Override
	public List<ChatConfig> page(List<String> knowledgeBases, int offset, int limit) {
		if (knowledgeBases == null) {
			return this.jdbc.sql("select * from chat_config order by title, id limit ? offset ?")
				.params(limit, offset)
				.query(JdbcChatConfigStore::map)
				.list();
		}
		if (knowledgeBases.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select * from chat_config where knowledge_base in (:kbs) order by title, id"
					+ " limit :limit offset :offset")
			.param("kbs", knowledgeBases)
			.param("limit", limit)
			.param("offset", offset)
			.query(JdbcChatConfigStore::map)
			.list();
	}

	@Override
	public long count(List<String> knowledgeBases) {
		if (knowledgeBases == null) {
			return this.jdbc.sql("select count(*) from chat_config").query(Long.class).single();
		}
		if (knowledgeBases.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("select count(*) from chat_config where knowledge_base in (:kbs)")
			.param("kbs", knowledgeBases)
			.query(Long.class)
			.single();
	}

	private static ChatConfig map(ResultSet rs, int row) throws SQLException {
		return new ChatConfig(rs.getString("id"), rs.getString("title"), rs.getString("knowledge_base"),
				rs.getString("system_prompt"), rs.getString("model"), rs.getObject("temperature", Double.class),
				rs.getObject("top_k", Integer.class), rs.getString("owner_key"), Jdbc.instant(rs, "created_at"),
				Jdbc.instant(rs, "updated_at"), rs.getString("description"), rs.getString("avatar_url"),
				rs.getObject("editable", Boolean.class));
	}

}
