package dev.ragchat.ingestion.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import dev.ragchat.ingestion.KnowledgeBase;
import dev.ragchat.ingestion.KnowledgeBaseStore;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Knowledge bases in the embedded SQL catalog.
 */
final class JdbcKnowledgeBaseStore implements KnowledgeBaseStore {

	private final JdbcClient jdbc;

	JdbcKnowledgeBaseStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean saveIfAbsent(KnowledgeBase kb) {
		try {
			this.jdbc.sql("""
					insert into knowledge_base (id, name, description, embedding_model, dimensions, created_at)
					values (?, ?, ?, ?, ?, ?)""")
				.params(kb.id(), kb.name(), kb.description(), kb.embeddingModel(), kb.dimensions(),
						Jdbc.time(kb.createdAt()))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@Override
	public Optional<KnowledgeBase> findById(String id) {
		return this.jdbc.sql("select * from knowledge_base where id = ?")
			.param(id)
			.query(JdbcKnowledgeBaseStore::map)
			.optional();
	}

	@Override
	public List<KnowledgeBase> findAll() {
		return this.jdbc.sql("select * from knowledge_base order by created_at, id")
			.query(JdbcKnowledgeBaseStore::map)
			.list();
	}

	@Override
	public boolean delete(String id) {
		return this.jdbc.sql("delete from knowledge_base where id = ?").param(id).update() > 0;
	}

	@Override
	public boolean switchModel(String id, String fromModel, int fromDimensions, String toModel, int toDimensions) {
		return this.jdbc.sql("""
				update knowledge_base set embedding_model = ?, dimensions = ?
				where id = ? and embedding_model = ? and dimensions = ?""")
			.params(toModel, toDimensions, id, fromModel, fromDimensions)
			.update() > 0;
	}

	private static KnowledgeBase map(ResultSet rs, int row) throws SQLException {
		return new KnowledgeBase(rs.getString("id"), rs.getString("name"), rs.getString("description"),
				rs.getString("embedding_model"), rs.getInt("dimensions"), Jdbc.instant(rs, "created_at"));
	}

}
