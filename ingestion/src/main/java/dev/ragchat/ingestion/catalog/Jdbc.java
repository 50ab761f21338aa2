package dev.ragchat.ingestion.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * How the embedded catalog's stores (here and in the api module) read and write times:
 * {@code TIMESTAMP WITH TIME ZONE} columns as UTC instants.
 */
public final class Jdbc {

	private Jdbc() {
	}

	/**
	 * @param instant an instant, or {@code null}
	 * @return it as a column value
	 */
	public static OffsetDateTime time(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	/**
	 * @param rs a row
	 * @param column a time column
	 * @return its value, or {@code null}
	 * @throws SQLException if the column cannot be read
	 */
	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
