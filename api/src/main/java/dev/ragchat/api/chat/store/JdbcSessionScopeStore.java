package dev.ragchat.api.chat.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.answer.SearchScope;
import dev.ragchat.api.chat.SessionScopeStore;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Session scopes in the embedded SQL catalog: their ids as JSON arrays.
 */
final class JdbcSessionScopeStore implements SessionScopeStore {

	private static final ObjectMapper json = new ObjectMapper();

	private static final TypeReference<List<String>> IDS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	JdbcSessionScopeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void save(String sessionId, SearchScope scope) {
		this.jdbc
			.sql("merge into chat_session_scope (session_id, knowledge_bases, documents) key (session_id)"
					+ " values (?, ?, ?)")
			.params(sessionId, write(scope.knowledgeBases()), write(scope.documentIds()))
			.update();
	}

	@Override
	public Optional<SearchScope> find(String sessionId) {
		return this.jdbc.sql("select knowledge_bases, documents from chat_session_scope where session_id = ?")
			.param(sessionId)
			.query((rs, row) -> new SearchScope(read(rs.getString("knowledge_bases")), read(rs.getString("documents"))))
			.optional();
	}

	@Override
	public Map<String, SearchScope> findAll(Collection<String> sessionIds) {
		Map<String, SearchScope> scopes = new HashMap<>();
		this.jdbc
			.sql("select session_id, knowledge_bases, documents from chat_session_scope where session_id in (:ids)")
			.param("ids", List.copyOf(sessionIds))
			.query((rs, row) -> scopes.put(rs.getString("session_id"),
					new SearchScope(read(rs.getString("knowledge_bases")), read(rs.getString("documents")))))
			.list();
		return scopes;
	}

	@Override
	public void delete(String sessionId) {
		this.jdbc.sql("delete from chat_session_scope where session_id = ?").param(sessionId).update();
	}

	private static String write(List<String> ids) {
		try {
			return json.writeValueAsString(ids);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> read(String ids) {
		try {
			return json.readValue(ids, IDS);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored scope is not a JSON array of ids: " + ids, ex);
		}
	}

}
