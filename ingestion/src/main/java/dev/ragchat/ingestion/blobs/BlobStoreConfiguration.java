package dev.ragchat.ingestion.blobs;

import java.io.IOException;
import java.nio.file.Path;

import dev.ragchat.ingestion.BlobStore;
import dev.ragchat.ingestion.IngestionProperties;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The blob store's adapters, one nested configuration per {@code ragchat.blobs.store}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BlobProperties.class)
public class BlobStoreConfiguration {

	static S3BlobStore s3(BlobProperties.S3 settings) {
		if (settings.bucket() == null || settings.bucket().isBlank()) {
			throw new IllegalStateException("ragchat.blobs.s3.bucket is required when ragchat.blobs.store is s3");
		}
		S3ClientBuilder client = S3Client.builder()
			.forcePathStyle(settings.pathStyle())
			// what S3-compatible stores (and s3proxy) understand
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		S3Presigner.Builder presigner = S3Presigner.builder()
			.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build());
		if (settings.region() != null) {
			client.region(Region.of(settings.region()));
			presigner.region(Region.of(settings.region()));
		}
		if (settings.endpoint() != null) {
			client.endpointOverride(settings.endpoint());
			presigner.endpointOverride(settings.endpoint());
		}
		return new S3BlobStore(client.build(), presigner.build(), settings.bucket(), settings.prefix(),
				settings.presign());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = BlobProperties.STORE, havingValue = "local", matchIfMissing = true)
	static class Local {

		@Bean
		BlobStore blobStore(IngestionProperties properties, @Value("${ragchat.data-dir:./data}") Path dataDir)
				throws IOException {
			return new LocalBlobStore((properties.blobDir() != null) ? properties.blobDir() : dataDir.resolve("blobs"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = BlobProperties.STORE, havingValue = "s3")
	static class S3 {

		@Bean
		BlobStore blobStore(BlobProperties blobs) {
			return s3(blobs.s3());
		}

	}

}
