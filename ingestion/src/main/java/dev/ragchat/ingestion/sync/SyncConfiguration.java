package dev.ragchat.ingestion.sync;

import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.UnavailableException;
import dev.ragchat.ingestion.Documents;
import dev.ragchat.ingestion.KnowledgeBases;
import dev.ragchat.ingestion.blobs.BlobProperties;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;

/**
 * Sync sources over the ingestion front. The S3 client of S3 sources is built on the
 * first S3 sync, from {@code ragchat.sync.s3}, or else {@code ragchat.blobs.s3}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SyncProperties.class)
class SyncConfiguration {

	@Bean
	SyncWorkers syncWorkers(SourceStore store, Documents documents, KnowledgeBases knowledgeBases,
			SyncProperties properties, BlobProperties blobs, Clock clock) {
		FolderRoots roots = new FolderRoots(properties.folderRoots());
		Supplier<S3Client> s3 = SingletonSupplier.of(() -> s3(properties.s3(), blobs.s3()));
		Function<Source, SourceFiles> files = (source) -> switch (source.type()) {
			case FOLDER -> new FolderFiles(roots.check(source.path()));
			case S3 -> new BucketFiles(client(s3), source.bucket(), source.prefix());
		};
		return new SyncWorkers(store, new SyncRunner(documents, store, files, clock), properties, clock,
				(kb) -> exists(knowledgeBases, kb));
	}

	@Bean
	Sources sources(SourceStore store, KnowledgeBases knowledgeBases, SyncWorkers workers, SyncProperties properties,
			Clock clock) {
		return new Sources(store, knowledgeBases, workers, new FolderRoots(properties.folderRoots()), clock);
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
			throw new UnavailableException("The S3 client of S3 sources cannot be built (" + ex.getMessage()
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
