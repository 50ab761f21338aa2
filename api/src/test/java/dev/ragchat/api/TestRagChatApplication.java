package dev.ragchat.api;

import dev.ragchat.RagChatApplication;
import dev.ragchat.ingestion.catalog.TestMongo;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.mongodb.MongoDBAtlasLocalContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * ragchat in its production profile ({@code atlas}) on containers: MongoDB Atlas local
 * (catalog, Vector Search, Atlas Search) and MinIO (originals), with the in-process
 * embedding model and extractive answers so that no Google account is needed. Needs
 * Docker:
 *
 * <pre>
 * ./mvnw -pl api -am test-compile
 * ./mvnw -pl api spring-boot:test-run
 * </pre>
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestRagChatApplication {

	static final String BUCKET = "ragchat";

	@Bean
	MongoDBAtlasLocalContainer atlasLocal() {
		return new MongoDBAtlasLocalContainer(TestMongo.ATLAS_LOCAL_IMAGE);
	}

	@Bean
	MinIOContainer minio() {
		return new MinIOContainer("minio/minio:RELEASE.2025-09-07T16-13-09Z");
	}

	@Bean
	DynamicPropertyRegistrar backends(MongoDBAtlasLocalContainer atlasLocal, MinIOContainer minio) {
		// the AWS SDK's default chain reads the credentials from system properties
		minio.start();
		System.setProperty("aws.accessKeyId", minio.getUserName());
		System.setProperty("aws.secretAccessKey", minio.getPassword());
		return (registry) -> {
			registry.add("spring.data.mongodb.uri", atlasLocal::getConnectionString);
			registry.add("ragchat.blobs.s3.endpoint", minio::getS3URL);
			registry.add("ragchat.blobs.s3.bucket", () -> createBucket(minio));
			registry.add("ragchat.blobs.s3.region", () -> "us-east-1");
			registry.add("ragchat.blobs.s3.path-style", () -> "true");
		};
	}

	private static String createBucket(MinIOContainer minio) {
		try (S3Client s3 = S3Client.builder()
			.endpointOverride(java.net.URI.create(minio.getS3URL()))
			.region(Region.US_EAST_1)
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(minio.getUserName(), minio.getPassword())))
			.build()) {
			if (s3.listBuckets().buckets().stream().noneMatch((b) -> b.name().equals(BUCKET))) {
				s3.createBucket((b) -> b.bucket(BUCKET));
			}
		}
		return BUCKET;
	}

	public static void main(String[] args) {
		// no Google account needed, unless the environment asks for Gemini
		defaultUnlessSet("RAGCHAT_RETRIEVAL_EMBEDDING_PROVIDER", "ragchat.retrieval.embedding.provider", "bge-small");
		defaultUnlessSet("RAGCHAT_CHAT_GENERATOR", "ragchat.chat.generator", "extractive");
		SpringApplication.from(RagChatApplication::main)
			.with(TestRagChatApplication.class)
			.withAdditionalProfiles("atlas")
			.run(args);
	}

	private static void defaultUnlessSet(String variable, String property, String value) {
		if (System.getenv(variable) == null && System.getProperty(property) == null) {
			System.setProperty(property, value);
		}
	}

}
