package dev.ragchat.api.models.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import dev.ragchat.api.models.ModelChoice;
import dev.ragchat.api.models.ModelChoiceStore;
import dev.ragchat.ingestion.catalog.Jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The model choice in the embedded SQL catalog: one row, the service's.
 */
final class JdbcModelChoiceStore implements ModelChoiceStore {

	private static final String SERVICE = "service";

	private final JdbcClient jdbc;

	JdbcModelChoiceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<ModelChoice> find() {
		return this.jdbc.sql("select * from model_choice where id = ?")
			.param(SERVICE)
			.query(JdbcModelChoiceStore::map)
			.optional();
	}

	@Override
	public void save(ModelChoice c) {
		this.jdbc.sql("""
				merge into model_choice (id, kind, base_url, model, model_path, api_key_sealed, updated_at)
					key (id) values (?, ?, ?, ?, ?, ?, ?)""")
			.params(SERVICE, c.kind(), c.baseUrl(), c.model(), c.modelPath(), c.sealedApiKey(),
					Jdbc.time(c.updatedAt()))
			.update();
	}

	@Override
	public void clear() {
		this.jdbc.sql("delete from model_choice where id = ?").param(SERVICE).update();
	}

	private static ModelChoice map(ResultSet rs, int row) throws SQLException {
		return new ModelChoice(rs.getString("kind"), rs.getString("base_url"), rs.getString("model"),
				rs.getString("model_path"), rs.getString("api_key_sealed"), Jdbc.instant(rs, "updated_at"));
	}

}
