package dev.ragchat.api.media.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import dev.ragchat.api.media.Extraction;
import dev.ragchat.api.media.ExtractionStore;
import dev.ragchat.ingestion.catalog.Jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Extractions in the embedded SQL catalog; schema and fields as JSON text.
 */
final class JdbcExtractionStore implements ExtractionStore {

	private final JdbcClient jdbc;

	JdbcExtractionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void save(Extraction e) {
		this.jdbc.sql("""
				insert into extraction (id, owner_key, knowledge_base, document_id, media_id, schema_json, fields_json,
					model, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(e.id(), e.ownerKey(), e.knowledgeBase(), e.documentId(), e.mediaId(), e.schema(), e.fields(),
					e.model(), Jdbc.time(e.createdAt()))
			.update();
	}

	@Override
	public Optional<Extraction> findById(String id) {
		return this.jdbc.sql("select * from extraction where id = ?")
			.param(id)
			.query(JdbcExtractionStore::map)
			.optional();
	}

	@Override
	public List<Extraction> pageOfOwner(String ownerKey, int offset, int limit) {
		return this.jdbc
			.sql("select * from extraction where owner_key = ? order by created_at desc, id desc" + " limit ? offset ?")
			.params(ownerKey, limit, offset)
			.query(JdbcExtractionStore::map)
			.list();
	}

	@Override
	public long countOfOwner(String ownerKey) {
		return this.jdbc.sql("select count(*) from extraction where owner_key = ?")
			.param(ownerKey)
			.query(Long.class)
			.single();
	}

	@Override
	public boolean delete(String id) {
		return this.jdbc.sql("delete from extraction where id = ?").param(id).update() == 1;
	}

	private static Extraction map(ResultSet rs, int row) throws SQLException {
		return new Extraction(rs.getString("id"), rs.getString("owner_key"), rs.getString("knowledge_base"),
				rs.getString("document_id"), rs.getString("media_id"), rs.getString("schema_json"),
				rs.getString("fields_json"), rs.getString("model"), Jdbc.instant(rs, "created_at"));
	}

}
