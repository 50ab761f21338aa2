package dev.ragchat.api;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.ragchat.ingestion.catalog.CatalogConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded catalog as the application starts it (its configuration, the application's
 * {@code application.yml}, Spring Boot's Flyway) applies every feature's migrations
 * folder below {@code db/migration}, whichever Maven module holds it: none is left out
 * for want of being listed (docs/development.md).
 */
class CatalogMigrationFoldersTests {

	private final ApplicationContextRunner catalog = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
				JdbcClientAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class))
		.withUserConfiguration(CatalogConfiguration.class)
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

	@Test
	void theEmbeddedCatalogAppliesEveryMigrationOnTheClassPath() throws IOException {
		List<String> migrations = new ArrayList<>();
		for (Resource migration : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:db/migration/**/V*.sql")) {
			migrations.add(migration.getFilename());
		}
		assertThat(migrations).hasSizeGreaterThan(10);
		this.catalog.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(applied(context.getBean(DataSource.class))).containsExactlyInAnyOrderElementsOf(migrations);
		});
	}

	@Test
	void aNewFeaturesMigrationsFolderIsAppliedWithoutBeingListed(@TempDir Path classes) throws IOException {
		Path folder = Files.createDirectories(classes.resolve("db/migration/newfeature"));
		Files.writeString(folder.resolve("V9999.1__new_feature.sql"),
				"create table new_feature (id varchar(36) primary key);\n");
		try (URLClassLoader classPath = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				getClass().getClassLoader())) {
			this.catalog.withClassLoader(classPath).run((context) -> {
				assertThat(context).hasNotFailed();
				DataSource dataSource = context.getBean(DataSource.class);
				assertThat(applied(dataSource)).contains("V9999.1__new_feature.sql");
				assertThat(JdbcClient.create(dataSource)
					.sql("select count(*) from new_feature")
					.query(Long.class)
					.single()).isZero();
			});
		}
	}

	/** The file names of the migrations the catalog's Flyway history records. */
	private static List<String> applied(DataSource catalog) {
		return JdbcClient.create(catalog)
			.sql("select \"script\" from \"flyway_schema_history\" where \"success\" and \"version\" is not null")
			.query(String.class)
			.list()
			.stream()
			.map((script) -> script.substring(script.lastIndexOf('/') + 1))
			.toList();
	}

}
