package dev.ragchat.ingestion.blobs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import dev.ragchat.ingestion.BlobStore;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Originals in an S3 bucket (AWS or any S3-compatible store), downloaded through
 * presigned URLs when {@code presign} is on.
 */
public final class S3BlobStore implements BlobStore {

	private final S3Client s3;

	private final S3Presigner presigner;

	private final String bucket;

	private final String prefix;

	private final boolean presign;

	S3BlobStore(S3Client s3, S3Presigner presigner, String bucket, String prefix, boolean presign) {
		this.s3 = s3;
		this.presigner = presigner;
		this.bucket = bucket;
		this.prefix = (prefix != null) ? prefix : "";
		this.presign = presign;
	}

	@Override
	public void put(String key, Path file, String mediaType) throws IOException {
		try {
			this.s3.putObject(PutObjectRequest.builder()
				.bucket(this.bucket)
				.key(this.prefix + key)
				.contentType(mediaType)
				.build(), RequestBody.fromFile(file));
		}
		catch (SdkException ex) {
			throw new IOException("Cannot store " + key + " in bucket " + this.bucket, ex);
		}
	}

	@Override
	public InputStream open(String key) throws IOException {
		try {
			return this.s3.getObject((r) -> r.bucket(this.bucket).key(this.prefix + key));
		}
		catch (NoSuchKeyException ex) {
			throw new NoSuchFileException(key);
		}
		catch (SdkException ex) {
			throw new IOException("Cannot read " + key + " from bucket " + this.bucket, ex);
		}
	}

	@Override
	public Optional<URI> presignedUrl(String key, Duration ttl) {
		if (!this.presign) {
			return Optional.empty();
		}
		try {
			return Optional.of(this.presigner
				.presignGetObject((r) -> r.signatureDuration(ttl)
					.getObjectRequest(GetObjectRequest.builder().bucket(this.bucket).key(this.prefix + key).build()))
				.url()
				.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public boolean exists(String key) {
		try {
			this.s3.headObject((r) -> r.bucket(this.bucket).key(this.prefix + key));
			return true;
		}
		catch (NoSuchKeyException ex) {
			return false;
		}
	}

	@Override
	public void delete(String key) throws IOException {
		try {
			this.s3.deleteObject((r) -> r.bucket(this.bucket).key(this.prefix + key));
		}
		catch (SdkException ex) {
			throw new IOException("Cannot delete " + key + " from bucket " + this.bucket, ex);
		}
	}

}
