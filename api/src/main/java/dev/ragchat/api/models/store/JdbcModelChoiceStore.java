package dev.ragchat.api.models.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.ragchat.api.models.ModelChoice;
import dev.ragchat.api.models.ModelChoiceStore;
import dev.ragchat.ingestion.catalog.Jdbc;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The model choices in the embedded SQL catalog: the service's row ({@code service}) and
 * one per chat config with its own model (the chat config's id, {@code cfg_...}); the
 * models people may use in {@code offered_model}, by name.
 */
final class JdbcModelChoiceStore implements ModelChoiceStore {

	private final JdbcClient jdbc;

	JdbcModelChoiceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<ModelChoice> find(String configId) {
		return this.jdbc.sql("select * from model_choice where id = ?")
			.param(configId)
			.query(JdbcModelChoiceStore::map)
			.optional();
	}

	@Override
	public Map<String, ModelChoice> chatConfigs() {
		Map<String, ModelChoice> chatConfigs = new LinkedHashMap<>();
		RowCallbackHandler each = (rs) -> chatConfigs.put(rs.getString("id"), map(rs, 0));
		this.jdbc.sql("select * from model_choice where id <> ? order by id").param(SERVICE).query(each);
		return chatConfigs;
	}

	@Override
	public void save(String configId, ModelChoice c) {
		this.jdbc.sql("""
				merge into model_choice (id, kind, base_url, model, model_path, api_key_sealed, updated_at)
					key (id) values (?, ?, ?, ?, ?, ?, ?)""")
			.params(configId, c.kind(), c.baseUrl(), c.model(), c.modelPath(), c.sealedApiKey(),
					Jdbc.time(c.updatedAt()))
			.update();
	}

	@Override
	public void clear(String configId) {
		this.jdbc.sql("delete from model_choice where id = ?").param(configId).update();
	}

	@Override
	public Map<String, ModelChoice> offered() {
		Map<String, ModelChoice> offered = new LinkedHashMap<>();
		RowCallbackHandler each = (rs) -> offered.put(rs.getString("name"), map(rs, 0));
		this.jdbc.sql("select * from offered_model order by name").query(each);
		return offered;
	}

	@Override
	public void offer(String name, ModelChoice c) {
		this.jdbc.sql("""
				merge into offered_model (name, kind, base_url, model, model_path, api_key_sealed, updated_at)
					key (name) values (?, ?, ?, ?, ?, ?, ?)""")
			.params(name, c.kind(), c.baseUrl(), c.model(), c.modelPath(), c.sealedApiKey(), Jdbc.time(c.updatedAt()))
			.update();
	}

	@Override
	public boolean withdraw(String name) {
		return this.jdbc.sql("delete from offered_model where name = ?").param(name).update() > 0;
	}

	private static ModelChoice map(ResultSet rs, int row) throws SQLException {
		return new ModelChoice(rs.getString("kind"), rs.getString("base_url"), rs.getString("model"),
				rs.getString("model_path"), rs.getString("api_key_sealed"), Jdbc.instant(rs, "updated_at"));
	}

}
