package dev.ragchat.ingestion.migration;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Moving knowledge bases to another embedding model.
 *
 * @param lease how long a running migration may go without reporting before it counts as
 * abandoned (its node stopped): it is then marked FAILED and its new index's chunks
 * dropped, the old index untouched (default 2m; a running one reports every quarter of
 * it)
 */
@ConfigurationProperties("ragchat.embedding-migration")
public record EmbeddingMigrationProperties(@DefaultValue("2m") Duration lease) {

	public EmbeddingMigrationProperties {
		if (lease.compareTo(Duration.ofSeconds(4)) < 0) {
			throw new IllegalArgumentException("ragchat.embedding-migration.lease must be at least 4s");
		}
	}

}
