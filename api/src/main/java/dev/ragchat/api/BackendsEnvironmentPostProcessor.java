package dev.ragchat.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps Spring Boot's auto-configuration to the backends in use: MongoDB (client,
 * template, health check) only when the catalog or the index is on MongoDB, and the
 * embedded SQL catalog (datasource, Flyway) only when the catalog is embedded. So the
 * embedded set-up opens no MongoDB connection and reports no MongoDB health, and the
 * production set-up creates no H2 file.
 */
class BackendsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final List<String> MONGODB = List.of("org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration",
			"org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration",
			"org.springframework.boot.autoconfigure.data.mongo.MongoRepositoriesAutoConfiguration",
			"org.springframework.boot.actuate.autoconfigure.data.mongo.MongoHealthContributorAutoConfiguration");

	static final List<String> EMBEDDED_CATALOG = List.of(
			"org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
			"org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration",
			"org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration",
			"org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration",
			"org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
			"org.springframework.boot.actuate.autoconfigure.jdbc.DataSourceHealthContributorAutoConfiguration");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean mongoCatalog = "mongodb".equals(environment.getProperty("ragchat.catalog.store", "embedded"));
		boolean atlasIndex = "atlas".equals(environment.getProperty("ragchat.retrieval.index", "lucene"));
		List<String> excludes = new ArrayList<>(Binder.get(environment)
			.bind("spring.autoconfigure.exclude", Bindable.listOf(String.class))
			.orElse(List.of()));
		if (!mongoCatalog && !atlasIndex) {
			excludes.addAll(MONGODB);
		}
		if (mongoCatalog) {
			excludes.addAll(EMBEDDED_CATALOG);
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource("ragchatBackends",
					Map.of("spring.autoconfigure.exclude", String.join(",", excludes))));
	}

	@Override
	public int getOrder() {
		// after the configuration files and profiles are loaded
		return Ordered.LOWEST_PRECEDENCE;
	}

}
