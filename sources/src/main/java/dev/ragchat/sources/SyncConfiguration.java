package dev.ragchat.sources;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.UnavailableException;
import dev.ragchat.ingestion.Documents;
import dev.ragchat.ingestion.KnowledgeBases;
import dev.ragchat.ingestion.blobs.BlobProperties;
import dev.ragchat.sources.crawl.Crawler;
import dev.ragchat.sources.crawl.HostPolicy;
import dev.ragchat.sources.files.BucketFiles;
import dev.ragchat.sources.files.FolderFiles;
import dev.ragchat.sources.files.ProtectedPaths;
import dev.ragchat.sources.files.SourceFiles;
import dev.ragchat.sources.files.SyncLimits;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.storage.StorageProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.util.unit.DataSize;

/**
 * Sync sources over the ingestion front. Web sources reach only the hosts of
 * {@code ragchat.sync.web.hosts} ({@link HostPolicy}); their secrets are sealed by the
 * service's {@link Secrets}, if it has one. The S3 client of S3 sources is built on the
 * first S3 sync, from {@code ragchat.sync.s3}, or else {@code ragchat.blobs.s3}. The
 * service's own files ({@link ProtectedPaths}) are read from its settings; a folder root
 * inside the data directory, or one containing it unless
 * {@code ragchat.sync.allow-root-containing-data-dir}, stops the service at start. A sync
 * copies no file beyond the upload limit, {@code spring.servlet.multipart.max-file-size}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SyncProperties.class)
class SyncConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SyncConfiguration.class);

	/**
	 * Spring Boot's own default of {@code spring.servlet.multipart.max-file-size}, for a
	 * service that leaves it out.
	 */
	private static final DataSize DEFAULT_UPLOAD_LIMIT = DataSize.ofMegabytes(1);

	@Bean
	ProtectedPaths syncProtectedPaths(Environment environment) {
		return ProtectedPaths.of(environment);
	}

	@Bean
	FolderRoots syncFolderRoots(SyncProperties properties, ProtectedPaths protectedPaths) {
		FolderRoots roots = new FolderRoots(properties.folderRoots());
		roots.checkAgainst(protectedPaths.dataDirectory(), properties.allowRootContainingDataDir());
		return roots;
	}

	/**
	 * The crawler of web sources, its pages downloaded to the data directory's work
	 * folder.
	 */
	@Bean
	Crawler syncCrawler(SyncProperties properties, ProtectedPaths protectedPaths) {
		SyncProperties.Web web = properties.web();
		HostPolicy policy;
		try {
			policy = new HostPolicy(web.hosts());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(ex.getMessage() + " (" + HostPolicy.SETTING + ")", ex);
		}
		return new Crawler(policy, web.requestsPerHost(), web.maxPageSize().toBytes(), web.fetchTimeout(),
				protectedPaths.dataDirectory().resolve("work").resolve("sync"));
	}

	@Bean
	SyncWorkers syncWorkers(SourceStore store, Documents documents, SyncProperties properties, BlobProperties blobs,
			Clock clock, FolderRoots roots, ProtectedPaths protectedPaths, Environment environment, Crawler crawler,
			ObjectProvider<Secrets> secrets, JobRequestScheduler jobs) {
		long maxFileSize = Binder.get(environment)
			.bind("spring.servlet.multipart.max-file-size", DataSize.class)
			.orElse(DEFAULT_UPLOAD_LIMIT)
			.toBytes();
		Path downloads = protectedPaths.dataDirectory().resolve("work").resolve("sync");
		List<SyncLimits.Disk> disks = new ArrayList<>();
		if (blobs.store() == BlobProperties.Store.LOCAL) {
			String blobDir = environment.getProperty("ragchat.ingestion.blob-dir");
			disks.add(new SyncLimits.Disk("the originals", (blobDir != null && !blobDir.isBlank()) ? Path.of(blobDir)
					: protectedPaths.dataDirectory().resolve("blobs")));
		}
		disks.add(new SyncLimits.Disk("the data directory (S3 downloads)", downloads));
		SyncLimits limits = new SyncLimits(maxFileSize, properties.minFreeSpace().toBytes(), disks);
		Supplier<S3Client> s3 = SingletonSupplier.of(() -> s3(properties.s3(), blobs.s3()));
		Function<Source, SourceFiles> files = (source) -> switch (source.type()) {
			case FOLDER -> new FolderFiles(roots.check(source.path()), protectedPaths);
			case S3 -> new BucketFiles(client(s3), source.bucket(), source.prefix(), downloads, maxFileSize);
			case WEB -> new WebFiles(crawler, WebFiles.site(source, properties.web(), secrets.getIfAvailable()), store,
					source.id());
		};
		return new SyncWorkers(store, new SyncRunner(documents, store, files, limits, clock), jobs, clock);
	}

	@Bean
	SyncSchedules syncSchedules(SourceStore store, SyncWorkers workers, StorageProvider jobStorage,
			JobRequestScheduler jobs, SyncProperties properties, Clock clock, KnowledgeBases knowledgeBases) {
		return new SyncSchedules(store, workers, jobStorage, jobs, properties.checkInterval(), clock,
				(kb) -> exists(knowledgeBases, kb));
	}

	@Bean
	Sources sources(SourceStore store, KnowledgeBases knowledgeBases, SyncWorkers workers, FolderRoots roots,
			ProtectedPaths protectedPaths, Clock clock, Crawler crawler, SyncProperties properties,
			ObjectProvider<Secrets> secrets) {
		return new Sources(store, knowledgeBases, workers, roots, protectedPaths, clock, crawler, properties.web(),
				secrets.getIfAvailable());
	}

	private static boolean exists(KnowledgeBases knowledgeBases, String id) {
		try {
			knowledgeBases.get(id);
			return true;
		}
		catch (NotFoundException ex) {
			return false;
		}
	}

	private static S3Client client(Supplier<S3Client> s3) {
		try {
			return s3.get();
		}
		catch (SdkException ex) {
			// the SDK's message lists its region providers: said in words instead
			logger.warn("The S3 client of S3 sources cannot be built", ex);
			String why = String.valueOf(ex.getMessage()).startsWith("Unable to load region") ? "no region is set"
					: "its settings are not accepted";
			throw new UnavailableException("The S3 client of S3 sources cannot be built (" + why
					+ "); set RAGCHAT_SYNC_S3_REGION (and RAGCHAT_SYNC_S3_ENDPOINT for S3-compatible stores)");
		}
	}

	static S3Client s3(SyncProperties.S3 sync, BlobProperties.S3 blobs) {
		String region = (sync.region() != null) ? sync.region() : blobs.region();
		java.net.URI endpoint = (sync.endpoint() != null) ? sync.endpoint() : blobs.endpoint();
		boolean pathStyle = (sync.pathStyle() != null) ? sync.pathStyle() : blobs.pathStyle();
		S3ClientBuilder client = S3Client.builder()
			.forcePathStyle(pathStyle)
			// what S3-compatible stores (and s3proxy) understand
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		if (region != null) {
			client.region(Region.of(region));
		}
		if (endpoint != null) {
			client.endpointOverride(endpoint);
		}
		return client.build();
	}

}
