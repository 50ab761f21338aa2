package dev.ragchat.api.access.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.ragchat.api.access.ApiKey;
import dev.ragchat.api.access.ApiKeyStore;
import dev.ragchat.api.access.Scope;
import dev.ragchat.ingestion.catalog.Jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * API keys in the embedded SQL catalog (schema in {@code db/migration}).
 */
final class JdbcApiKeyStore implements ApiKeyStore {

	private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

	private static final String COLUMNS = "id, name, scopes, knowledge_bases, created_at, expires_at, revoked_at, last_used_at,"
			+ " lineage";

	private final JdbcClient jdbc;

	JdbcApiKeyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void save(ApiKey key, String keyHash) {
		this.jdbc.sql("""
				insert into api_key (id, name, key_hash, scopes, knowledge_bases, created_at, expires_at, lineage)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(key.id(), key.name(), keyHash,
					key.scopes().stream().map(Scope::value).sorted().collect(Collectors.joining(",")),
					String.join(",", key.knowledgeBases()), Jdbc.time(key.createdAt()), Jdbc.time(key.expiresAt()),
					key.lineage())
			.update();
	}

	@Override
	public Optional<ApiKey> findByHash(String keyHash) {
		return this.jdbc.sql("select " + COLUMNS + " from api_key where key_hash = ?")
			.param(keyHash)
			.query(JdbcApiKeyStore::map)
			.optional();
	}

	@Override
	public Optional<ApiKey> findById(String id) {
		return this.jdbc.sql("select " + COLUMNS + " from api_key where id = ?")
			.param(id)
			.query(JdbcApiKeyStore::map)
			.optional();
	}

	@Override
	public List<ApiKey> findAll() {
		return this.jdbc.sql("select " + COLUMNS + " from api_key order by created_at desc, id")
			.query(JdbcApiKeyStore::map)
			.list();
	}

	@Override
	public List<ApiKey> findByLineage(String lineage) {
		return this.jdbc.sql("select " + COLUMNS + " from api_key where lineage = ? order by created_at, id")
			.param(lineage)
			.query(JdbcApiKeyStore::map)
			.list();
	}

	@Override
	public boolean expire(String id, Instant at) {
		this.jdbc.sql("update api_key set expires_at = ? where id = ? and expires_at > ?")
			.params(Jdbc.time(at), id, Jdbc.time(at))
			.update();
		return findById(id).isPresent();
	}

	@Override
	public boolean revoke(String id, Instant at) {
		this.jdbc.sql("update api_key set revoked_at = ? where id = ? and revoked_at is null")
			.params(Jdbc.time(at), id)
			.update();
		return findById(id).isPresent();
	}

	@Override
	public void recordUse(String id, Instant at) {
		this.jdbc.sql("update api_key set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
			.params(Jdbc.time(at), id, Jdbc.time(at.minus(USE_RESOLUTION)))
			.update();
	}

	private static ApiKey map(ResultSet rs, int row) throws SQLException {
		return new ApiKey(rs.getString("id"), rs.getString("name"),
				Arrays.stream(rs.getString("scopes").split(","))
					.filter((s) -> !s.isEmpty())
					.map(Scope::parse)
					.collect(Collectors.toSet()),
				Arrays.stream(rs.getString("knowledge_bases").split(",")).filter((s) -> !s.isEmpty()).toList(),
				Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "expires_at"), Jdbc.instant(rs, "revoked_at"),
				Jdbc.instant(rs, "last_used_at"), rs.getString("lineage"));
	}

}
