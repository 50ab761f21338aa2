package dev.ragchat.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import dev.ragchat.ingestion.catalog.Catalog;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded catalog's Flyway migrations: each feature's in a folder of its own,
 * {@code db/migration/<feature>}, in the Maven module of the feature, all migrated from
 * the catalog's one location, {@link Catalog#MIGRATIONS}, whose sub-folders Flyway reads
 * (docs/development.md; {@link CatalogMigrationFoldersTests} boots the catalog). Until
 * 2026-12 they all lay in one folder, ingestion's {@code db/migration}; catalogs migrated
 * then upgrade, since Flyway knows a migration by its version, description and checksum,
 * not by where it lies. The test catalogs ({@code TestCatalog}) migrate the same
 * location.
 */
class CatalogMigrationsTests {

	private static final String ROOT = "db/migration/";

	private static final String LOCATION = "classpath:" + ROOT;

	/**
	 * Folders named for a feature that is now a Maven module of its own, one application
	 * module as a whole: the sync sources' migrations stay in {@code sync} in the
	 * {@code sources} module.
	 */
	private static final Map<String, String> FEATURES_OF_FOLDERS = Map.of("sync", "sources");

	private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	@Test
	void everyMigrationSitsInAFeatureFolderRightBelowTheCatalogsLocation() throws IOException {
		assertThat(Catalog.MIGRATIONS + "/").isEqualTo(LOCATION);
		Map<String, Resource> migrations = migrations();
		assertThat(migrations).isNotEmpty();
		assertThat(migrations.keySet()).allSatisfy((migration) -> assertThat(folder(migration))
			.as("%s: not in a feature's folder right below %s", migration, LOCATION)
			.isNotEmpty()
			.doesNotContain("/"));
	}

	@Test
	void eachFolderIsInTheMavenModuleOfTheFeatureItIsNamedFor() throws IOException {
		for (Map.Entry<String, Resource> migration : migrations().entrySet()) {
			String url = migration.getValue().getURL().toString();
			String classes = url.substring(0, url.lastIndexOf("/" + ROOT) + 1);
			String folder = folder(migration.getKey());
			String feature = FEATURES_OF_FOLDERS.getOrDefault(folder, "*/" + folder);
			assertThat(this.resolver.getResources(classes + "dev/ragchat/" + feature + "/**/*.class"))
				.as("%s: no feature package %s in %s", migration.getKey(), feature, classes)
				.isNotEmpty();
		}
	}

	@Test
	void aCatalogMigratedFromTheSingleFolderUpgradesWithTheFeatureFolders(@TempDir Path single) throws IOException {
		for (Map.Entry<String, Resource> migration : migrations().entrySet()) {
			try (InputStream in = migration.getValue().getInputStream()) {
				Files.copy(in, single.resolve(migration.getValue().getFilename()));
			}
		}
		DataSource catalog = freshCatalog();
		Flyway.configure().dataSource(catalog).locations("filesystem:" + single).load().migrate();
		Flyway upgraded = flyway(catalog);
		ValidateResult validation = upgraded.validateWithResult();
		assertThat(validation.validationSuccessful).as(validation.getAllErrorMessages()).isTrue();
		assertThat(upgraded.info().pending()).isEmpty();
		assertThat(upgraded.migrate().migrationsExecuted).isZero();
	}

	/**
	 * What catalogs migrated from the single folder recorded (at 4140b34, the last commit
	 * before the folders; src/test/resources/dev/ragchat/api/single-folder-history.csv):
	 * each released migration keeps its version, description and checksum, or Flyway's
	 * validation stops those catalogs' start.
	 */
	@Test
	void theFeatureFoldersKeepWhatCatalogsMigratedFromTheSingleFolderRecorded() throws IOException {
		DataSource catalog = freshCatalog();
		flyway(catalog).migrate();
		Map<String, String> recorded = new TreeMap<>();
		JdbcClient.create(catalog)
			.sql("select \"version\", \"description\", \"checksum\" from \"flyway_schema_history\""
					+ " where \"version\" is not null")
			.query((row, i) -> Map.entry(row.getString(1), row.getString(2) + "," + row.getInt(3)))
			.list()
			.forEach((entry) -> recorded.put(entry.getKey(), entry.getValue()));
		Map<String, String> released = new TreeMap<>();
		for (String line : new ClassPathResource("single-folder-history.csv", getClass())
			.getContentAsString(StandardCharsets.UTF_8)
			.lines()
			.filter((line) -> !line.isBlank() && !line.startsWith("#"))
			.toList()) {
			String[] columns = line.split(",");
			released.put(columns[0], columns[1] + "," + columns[2]);
		}
		assertThat(released).isNotEmpty();
		assertThat(recorded).containsAllEntriesOf(released);
	}

	/** Every migration on the class path below db/migration, by its path below it. */
	private Map<String, Resource> migrations() throws IOException {
		Map<String, Resource> migrations = new TreeMap<>();
		for (Resource resource : this.resolver.getResources("classpath*:" + ROOT + "**/*.sql")) {
			String url = resource.getURL().toString();
			migrations.put(url.substring(url.lastIndexOf("/" + ROOT) + ROOT.length() + 1), resource);
		}
		return migrations;
	}

	private static String folder(String migration) {
		return migration.contains("/") ? migration.substring(0, migration.lastIndexOf('/')) : "";
	}

	private static Flyway flyway(DataSource catalog) {
		return Flyway.configure().dataSource(catalog).locations(Catalog.MIGRATIONS).failOnMissingLocations(true).load();
	}

	private static DataSource freshCatalog() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		return dataSource;
	}

}
