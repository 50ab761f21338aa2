package dev.ragchat.ingestion;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.TokenCounter;

import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ IngestionProperties.class, BlobProperties.class, CatalogProperties.class })
class IngestionConfiguration {

	@Bean
	KnowledgeBaseStore knowledgeBaseStore(CatalogProperties catalog, ObjectProvider<JdbcClient> jdbc,
			ObjectProvider<MongoTemplate> mongo) {
		return catalog.isMongo() ? new MongoKnowledgeBaseStore(catalog.mongo(mongo))
				: new JdbcKnowledgeBaseStore(jdbc.getObject());
	}

	@Bean
	DocumentStore documentStore(CatalogProperties catalog, ObjectProvider<JdbcClient> jdbc,
			ObjectProvider<PlatformTransactionManager> transactions, ObjectProvider<MongoTemplate> mongo) {
		return catalog.isMongo() ? new MongoDocumentStore(catalog.mongo(mongo).getDb())
				: new JdbcDocumentStore(jdbc.getObject(), new TransactionTemplate(transactions.getObject()));
	}

	@Bean
	BlobStore blobStore(BlobProperties blobs, IngestionProperties properties,
			@Value("${ragchat.data-dir:./data}") Path dataDir) throws IOException {
		return switch (blobs.store()) {
			case "local" ->
				new LocalBlobStore((properties.blobDir() != null) ? properties.blobDir() : dataDir.resolve("blobs"));
			case "s3" -> s3(blobs.s3());
			default -> throw new IllegalStateException(
					"ragchat.blobs.store must be 'local' or 's3', not '" + blobs.store() + "'");
		};
	}

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

	@Bean
	IngestionWorkers ingestionWorkers(DocumentStore store, BlobStore blobs, ChunkIndex index, TokenCounter tokens,
			IngestionProperties properties, Clock clock, @Value("${ragchat.data-dir:./data}") Path dataDir) {
		Path workDir = dataDir.toAbsolutePath().normalize().resolve("work");
		Ocr ocr = new Ocr(properties.ocrCommand(), properties.ocrLanguage(), properties.ocrTimeout());
		DocumentReader reader = new DocumentReader(ocr, properties.maxPages(), properties.maxText().toBytes(), workDir);
		Chunker chunker = new Chunker(tokens, properties.chunkTokens(), properties.chunkOverlapTokens());
		return new IngestionWorkers(store, blobs, reader, chunker, index, properties, clock, workDir);
	}

	@Bean
	KnowledgeBases knowledgeBases(KnowledgeBaseStore store, DocumentStore documents, BlobStore blobs, ChunkIndex index,
			Clock clock, IngestionWorkers workers) {
		KnowledgeBases knowledgeBases = new KnowledgeBases(store, documents, blobs, index, clock, workers::cancel);
		knowledgeBases.ensureDefault();
		return knowledgeBases;
	}

	@Bean
	Documents documents(KnowledgeBases knowledgeBases, DocumentStore store, BlobStore blobs, ChunkIndex index,
			IngestionWorkers workers, Clock clock) {
		return new Documents(knowledgeBases, store, blobs, new MediaTypes(), index, workers, clock);
	}

}
