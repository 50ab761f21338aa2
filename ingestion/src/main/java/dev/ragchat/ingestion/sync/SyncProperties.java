package dev.ragchat.ingestion.sync;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sync source settings.
 *
 * @param folderRoots the folders under which folder sources may read
 * ({@code RAGCHAT_SYNC_FOLDER_ROOTS}, comma separated); none, the default, turns folder
 * sources off
 * @param lease how long a node's claim on a running sync holds without a heartbeat; a run
 * whose lease ran out (its node stopped) is restarted
 * @param tick how often schedules and cut-off runs are looked at
 * @param s3 the S3 client of S3 sources; a setting left out is taken from
 * {@code ragchat.blobs.s3}
 */
@ConfigurationProperties("ragchat.sync")
public record SyncProperties(List<Path> folderRoots, @DefaultValue("1m") Duration lease,
		@DefaultValue("30s") Duration tick, @DefaultValue S3 s3) {

	/** The setting that allows folder sources, as an environment variable. */
	public static final String FOLDER_ROOTS = "RAGCHAT_SYNC_FOLDER_ROOTS";

	public SyncProperties {
		folderRoots = (folderRoots != null) ? List.copyOf(folderRoots) : List.of();
		if (lease.compareTo(Duration.ofSeconds(3)) < 0) {
			throw new IllegalArgumentException("ragchat.sync.lease must be at least 3s");
		}
	}

	/**
	 * The S3 client of S3 sources; credentials come from the AWS SDK's default chain, as
	 * for originals.
	 *
	 * @param region the buckets' region
	 * @param endpoint an S3-compatible endpoint (MinIO and others)
	 * @param pathStyle path-style addressing, which most S3-compatible stores need
	 */
	public record S3(String region, URI endpoint, Boolean pathStyle) {

	}

}
