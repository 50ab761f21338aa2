package dev.ragchat.api.media.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import dev.ragchat.api.media.MediaFile;
import dev.ragchat.api.media.MediaStore;
import dev.ragchat.ingestion.catalog.Jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stored media in the embedded SQL catalog.
 */
final class JdbcMediaStore implements MediaStore {

	private final JdbcClient jdbc;

	JdbcMediaStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void save(MediaFile m) {
		this.jdbc.sql("insert into media (id, owner_key, media_type, size_bytes, created_at) values (?, ?, ?, ?, ?)")
			.params(m.id(), m.ownerKey(), m.mediaType(), m.sizeBytes(), Jdbc.time(m.createdAt()))
			.update();
	}

	@Override
	public Optional<MediaFile> findById(String id) {
		return this.jdbc.sql("select * from media where id = ?").param(id).query(JdbcMediaStore::map).optional();
	}

	private static MediaFile map(ResultSet rs, int row) throws SQLException {
		return new MediaFile(rs.getString("id"), rs.getString("owner_key"), rs.getString("media_type"),
				rs.getLong("size_bytes"), Jdbc.instant(rs, "created_at"));
	}

}
