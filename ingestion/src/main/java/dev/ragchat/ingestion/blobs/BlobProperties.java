package dev.ragchat.ingestion.blobs;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where originals are kept.
 *
 * @param store {@code local} (a directory, see {@code ragchat.ingestion.blob-dir}) or
 * {@code s3}
 * @param s3 the S3 settings, when {@code store} is {@code s3}
 */
@ConfigurationProperties("ragchat.blobs")
public record BlobProperties(@DefaultValue("local") Store store, @DefaultValue S3 s3) {

	/** The property that chooses where originals are kept. */
	public static final String STORE = "ragchat.blobs.store";

	/**
	 * Where originals are kept.
	 */
	public enum Store {

		/**
		 * A directory ({@code ragchat.ingestion.blob-dir}, default {@code blobs} in the
		 * data directory).
		 */
		LOCAL,

		/** An S3 bucket. */
		S3

	}

	/**
	 * An S3 bucket; credentials come from the AWS SDK's default chain (environment,
	 * profile, instance role).
	 *
	 * @param bucket the bucket, which must exist
	 * @param region its region (default: the SDK's region chain)
	 * @param endpoint an S3-compatible endpoint (MinIO and others), or none for AWS
	 * @param pathStyle path-style addressing, which most S3-compatible stores need
	 * @param prefix a key prefix inside the bucket
	 * @param presign whether {@code /content} redirects to a presigned URL
	 */
	public record S3(String bucket, String region, URI endpoint, @DefaultValue("false") boolean pathStyle,
			@DefaultValue("") String prefix, @DefaultValue("true") boolean presign) {

	}

}
