package dev.ragchat.ingestion.sync;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Sync source settings.
 *
 * @param folderRoots the folders under which folder sources may read
 * ({@code RAGCHAT_SYNC_FOLDER_ROOTS}, comma separated); none, the default, turns folder
 * sources off
 * @param allowRootContainingDataDir whether a root may contain the data directory
 * ({@code RAGCHAT_SYNC_ALLOW_ROOT_CONTAINING_DATA_DIR}); by default the service refuses
 * to start with one. Even then no source reads the service's own files
 * @param lease how long a node's claim on a running sync holds without a heartbeat; a run
 * whose lease ran out (its node stopped) is restarted
 * @param tick how often schedules and cut-off runs are looked at
 * @param minFreeSpace the free space a sync leaves on the disk of the originals (and of
 * its S3 downloads): a file that would leave less is not copied, and the run stops there,
 * FAILED with the reason ({@code RAGCHAT_SYNC_MIN_FREE_SPACE}; 0 turns it off)
 * @param s3 the S3 client of S3 sources; a setting left out is taken from
 * {@code ragchat.blobs.s3}
 */
@ConfigurationProperties("ragchat.sync")
public record SyncProperties(List<Path> folderRoots, @DefaultValue("false") boolean allowRootContainingDataDir,
		@DefaultValue("1m") Duration lease, @DefaultValue("30s") Duration tick,
		@DefaultValue("1GB") DataSize minFreeSpace, @DefaultValue S3 s3) {

	/** The setting that allows folder sources, as an environment variable. */
	public static final String FOLDER_ROOTS = "RAGCHAT_SYNC_FOLDER_ROOTS";

	/**
	 * The setting that lets a root contain the data directory, as an environment
	 * variable.
	 */
	public static final String ALLOW_ROOT_CONTAINING_DATA_DIR = "RAGCHAT_SYNC_ALLOW_ROOT_CONTAINING_DATA_DIR";

	/** The free-space floor of syncs, as an environment variable. */
	public static final String MIN_FREE_SPACE = "RAGCHAT_SYNC_MIN_FREE_SPACE";

	public SyncProperties {
		folderRoots = (folderRoots != null) ? List.copyOf(folderRoots) : List.of();
		if (minFreeSpace.isNegative()) {
			throw new IllegalArgumentException("ragchat.sync.min-free-space may not be negative");
		}
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
