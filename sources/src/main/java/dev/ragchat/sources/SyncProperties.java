package dev.ragchat.sources;

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
 * @param checkInterval how often the sources' schedules are checked, and the runs whose
 * job was lost, by one node at a time: a JobRunr recurring job
 * ({@code RAGCHAT_SYNC_CHECK_INTERVAL}; at least 5s, JobRunr's least, and in effect at
 * least {@code ragchat.jobs.poll-interval})
 * @param minFreeSpace the free space a sync leaves on the disk of the originals (and of
 * its S3 downloads): a file that would leave less is not copied, and the run stops there,
 * FAILED with the reason ({@code RAGCHAT_SYNC_MIN_FREE_SPACE}; 0 turns it off)
 * @param s3 the S3 client of S3 sources; a setting left out is taken from
 * {@code ragchat.blobs.s3}
 * @param web what web sources may reach and how far they go
 */
@ConfigurationProperties("ragchat.sync")
public record SyncProperties(List<Path> folderRoots, @DefaultValue("false") boolean allowRootContainingDataDir,
		@DefaultValue("30s") Duration checkInterval, @DefaultValue("1GB") DataSize minFreeSpace, @DefaultValue S3 s3,
		@DefaultValue Web web) {

	/** The setting that allows folder sources, as an environment variable. */
	public static final String FOLDER_ROOTS = "RAGCHAT_SYNC_FOLDER_ROOTS";

	/**
	 * The setting that lets a root contain the data directory, as an environment
	 * variable.
	 */
	public static final String ALLOW_ROOT_CONTAINING_DATA_DIR = "RAGCHAT_SYNC_ALLOW_ROOT_CONTAINING_DATA_DIR";

	/** JobRunr's shortest interval of a recurring job on a database. */
	static final Duration LEAST_CHECK_INTERVAL = Duration.ofSeconds(5);

	public SyncProperties {
		folderRoots = (folderRoots != null) ? List.copyOf(folderRoots) : List.of();
		web = (web != null) ? web : Web.NONE;
		if (checkInterval.compareTo(LEAST_CHECK_INTERVAL) < 0) {
			throw new IllegalArgumentException("ragchat.sync.check-interval must be at least 5s");
		}
		if (minFreeSpace.isNegative()) {
			throw new IllegalArgumentException("ragchat.sync.min-free-space may not be negative");
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

	/**
	 * Web sources: the hosts they may reach, and the ceilings of what one source may ask.
	 *
	 * @param hosts the hosts web sources may reach ({@code RAGCHAT_SYNC_WEB_HOSTS}, comma
	 * separated): host names ({@code docs.example.com}), a domain and its sub-domains
	 * ({@code *.example.com}), {@code *} for any host name, IP addresses or ranges
	 * ({@code 10.1.2.0/24}). A loopback, private, link-local or other special address is
	 * reached only when it is listed as an address or range, whatever name leads to it.
	 * None, the default, turns web sources off
	 * @param maxDepth the most links away from its start a source may follow
	 * ({@code RAGCHAT_SYNC_WEB_MAX_DEPTH}); also a source's default
	 * @param maxPages the most pages a source may read in one sync
	 * ({@code RAGCHAT_SYNC_WEB_MAX_PAGES}); also a source's default
	 * @param maxPageSize the largest page (or PDF) read; a larger one is skipped with the
	 * reason ({@code RAGCHAT_SYNC_WEB_MAX_PAGE_SIZE}). The upload limit applies too
	 * @param requestsPerHost the most requests in flight to one web host, over every sync
	 * of the service ({@code RAGCHAT_SYNC_WEB_REQUESTS_PER_HOST}); requests to a host are
	 * also spaced by its robots.txt crawl delay, or a quarter of a second
	 * @param fetchTimeout the longest one request of a web source may take, its whole
	 * body read; a page that takes longer is failed with the reason
	 * ({@code RAGCHAT_SYNC_WEB_FETCH_TIMEOUT})
	 */
	public record Web(List<String> hosts, @DefaultValue("5") int maxDepth, @DefaultValue("500") int maxPages,
			@DefaultValue("10MB") DataSize maxPageSize, @DefaultValue("2") int requestsPerHost,
			@DefaultValue("60s") Duration fetchTimeout) {

		/** No web source allowed. */
		public static final Web NONE = new Web(List.of(), 5, 500, DataSize.ofMegabytes(10), 2, Duration.ofSeconds(60));

		public Web {
			hosts = (hosts != null) ? List.copyOf(hosts) : List.of();
			if (maxDepth < 0 || maxDepth > 50) {
				throw new IllegalArgumentException("ragchat.sync.web.max-depth must be between 0 and 50");
			}
			if (maxPages < 1 || maxPages > 100_000) {
				throw new IllegalArgumentException("ragchat.sync.web.max-pages must be between 1 and 100000");
			}
			if (maxPageSize.toBytes() < 1) {
				throw new IllegalArgumentException("ragchat.sync.web.max-page-size must be positive");
			}
			if (requestsPerHost < 1 || requestsPerHost > 16) {
				throw new IllegalArgumentException("ragchat.sync.web.requests-per-host must be between 1 and 16");
			}
			if (fetchTimeout == null || fetchTimeout.compareTo(Duration.ofSeconds(1)) < 0
					|| fetchTimeout.compareTo(Duration.ofHours(1)) > 0) {
				throw new IllegalArgumentException("ragchat.sync.web.fetch-timeout must be between 1s and 1h");
			}
		}

	}

}
