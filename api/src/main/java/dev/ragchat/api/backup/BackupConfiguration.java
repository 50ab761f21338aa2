package dev.ragchat.api.backup;

import java.nio.file.Path;
import java.time.Clock;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.api.RagChatProperties;
import dev.ragchat.ingestion.IngestionProperties;
import dev.ragchat.ingestion.blobs.BlobProperties;
import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.IndexSnapshots;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Backups: of the embedded stores when the catalog is H2 and the index Lucene (otherwise
 * {@link Backups#create} refuses with a 409), to {@code ragchat.backup.target}, on
 * {@code ragchat.backup.schedule}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackupProperties.class)
@EnableScheduling
class BackupConfiguration {

	@Bean
	Backups backups(BackupProperties properties, ObjectProvider<DataSource> catalog,
			ObjectProvider<IndexSnapshots> snapshots, ChunkIndex index, BlobProperties blobs,
			IngestionProperties ingestion, RagChatProperties ragchat, Clock clock, ObjectMapper json,
			ObjectProvider<BuildProperties> build, @Value("${spring.datasource.username:ragchat}") String user,
			@Value("${spring.datasource.password:}") String password) {
		DataSource dataSource = catalog.getIfAvailable();
		IndexSnapshots indexSnapshots = snapshots.getIfAvailable();
		Backups.Embedded embedded = null;
		if (dataSource != null && indexSnapshots != null) {
			Path blobDir = (blobs.store() != BlobProperties.Store.LOCAL) ? null : (ingestion.blobDir() != null)
					? ingestion.blobDir().toAbsolutePath().normalize() : ragchat.dataDir().resolve("blobs");
			embedded = new Backups.Embedded(dataSource, user, password, indexSnapshots, blobDir);
		}
		BuildProperties buildProperties = build.getIfAvailable();
		String version = (buildProperties != null) ? buildProperties.getVersion()
				: (BackupConfiguration.class.getPackage().getImplementationVersion() != null)
						? BackupConfiguration.class.getPackage().getImplementationVersion() : "unknown";
		return new Backups(properties, BackupTarget.of(properties.target(), properties.s3()), embedded, index,
				ragchat.dataDir(), clock, json, version);
	}

	@Bean
	BackupSchedule backupSchedule(Backups backups) {
		return new BackupSchedule(backups);
	}

	/**
	 * Takes a backup on {@code ragchat.backup.schedule} ({@code -}, the default: never).
	 */
	static class BackupSchedule {

		private final Backups backups;

		BackupSchedule(Backups backups) {
			this.backups = backups;
		}

		@Scheduled(cron = "${ragchat.backup.schedule:-}", zone = "UTC")
		void backUp() {
			this.backups.scheduled();
		}

	}

}
