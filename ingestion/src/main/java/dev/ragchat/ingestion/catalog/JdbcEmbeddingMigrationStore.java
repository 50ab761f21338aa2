package dev.ragchat.ingestion.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import dev.ragchat.ingestion.migration.EmbeddingMigration;
import dev.ragchat.ingestion.migration.EmbeddingMigrationStore;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Embedding-model migrations in the embedded SQL catalog; the unique {@code live_key}
 * (the knowledge base while live, the migration's id once ended) keeps one live migration
 * per knowledge base.
 */
final class JdbcEmbeddingMigrationStore implements EmbeddingMigrationStore {

	private final JdbcClient jdbc;

	JdbcEmbeddingMigrationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean start(EmbeddingMigration m) {
		try {
			this.jdbc.sql("""
					insert into embedding_migration (id, knowledge_base, live_key, from_model, from_dimensions,
						to_model, to_dimensions, status, documents_done, documents_total, chunks_done,
						chunks_total, error, created_at, finished_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(m.id(), m.knowledgeBase(), m.status().live() ? m.knowledgeBase() : m.id(), m.fromModel(),
						m.fromDimensions(), m.toModel(), m.toDimensions(), m.status().name(), m.documentsDone(),
						m.documentsTotal(), m.chunksDone(), m.chunksTotal(), m.error(), Jdbc.time(m.createdAt()),
						Jdbc.time(m.finishedAt()))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@Override
	public Optional<EmbeddingMigration> findById(String id) {
		return this.jdbc.sql("select * from embedding_migration where id = ?")
			.param(id)
			.query(JdbcEmbeddingMigrationStore::map)
			.optional();
	}

	@Override
	public Optional<EmbeddingMigration> live(String knowledgeBase) {
		return this.jdbc.sql("select * from embedding_migration where live_key = ?")
			.param(knowledgeBase)
			.query(JdbcEmbeddingMigrationStore::map)
			.optional();
	}

	@Override
	public Optional<EmbeddingMigration> latest(String knowledgeBase) {
		return this.jdbc
			.sql("select * from embedding_migration where knowledge_base = ? order by created_at desc, id desc"
					+ " limit 1")
			.param(knowledgeBase)
			.query(JdbcEmbeddingMigrationStore::map)
			.optional();
	}

	@Override
	public boolean progress(String id, int documentsDone, int documentsTotal, int chunksDone, int chunksTotal) {
		return this.jdbc.sql("""
				update embedding_migration set documents_done = ?, documents_total = ?, chunks_done = ?,
					chunks_total = ?
				where id = ? and status = 'RUNNING'""")
			.params(documentsDone, documentsTotal, chunksDone, chunksTotal, id)
			.update() > 0;
	}

	@Override
	public boolean transition(String id, EmbeddingMigration.Status from, EmbeddingMigration.Status to, String error,
			Instant at) {
		if (to.live()) {
			return this.jdbc.sql("""
					update embedding_migration set status = ?, error = ?
					where id = ? and status = ?""").params(to.name(), error, id, from.name()).update() > 0;
		}
		return this.jdbc.sql("""
				update embedding_migration set status = ?, error = ?, finished_at = ?, live_key = id
				where id = ? and status = ?""").params(to.name(), error, Jdbc.time(at), id, from.name()).update() > 0;
	}

	private static EmbeddingMigration map(ResultSet rs, int row) throws SQLException {
		return new EmbeddingMigration(rs.getString("id"), rs.getString("knowledge_base"), rs.getString("from_model"),
				rs.getInt("from_dimensions"), rs.getString("to_model"), rs.getInt("to_dimensions"),
				EmbeddingMigration.Status.valueOf(rs.getString("status")), rs.getInt("documents_done"),
				rs.getInt("documents_total"), rs.getInt("chunks_done"), rs.getInt("chunks_total"),
				rs.getString("error"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "finished_at"));
	}

}
