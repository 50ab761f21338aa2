package dev.ragchat;

import java.time.Clock;
import java.time.ZoneOffset;

import dev.ragchat.api.backup.Restore;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The ragchat service. It lives in the root package so that it picks up the configuration
 * of every module (api, ingestion, retrieval).
 * <p>
 * The clients of the optional backends are left out here and imported by the
 * configuration of the backend that needs them: the datasource by the embedded catalog,
 * the MongoDB client by the MongoDB catalog and the Atlas index (see
 * {@code CatalogConfiguration} and {@code ChunkIndexConfiguration}). Whatever depends on
 * them (Flyway, JDBC templates, Spring Data MongoDB, their health checks) backs off
 * without them.
 */
@SpringBootApplication(exclude = { UserDetailsServiceAutoConfiguration.class, DataSourceAutoConfiguration.class,
		MongoAutoConfiguration.class })
@ConfigurationPropertiesScan
public class RagChatApplication {

	public static void main(String[] args) {
		if (Restore.requested(args)) {
			// --restore=<backup>: restore into the empty data directory, no service
			System.exit(Restore.run(args, System.out, System.err));
		}
		SpringApplication.run(RagChatApplication.class, args);
	}

	/**
	 * Millisecond ticks: what the catalogs store is what the API returns.
	 * @return the clock every timestamp comes from
	 */
	@Bean
	Clock clock() {
		return Clock.tickMillis(ZoneOffset.UTC);
	}

}
