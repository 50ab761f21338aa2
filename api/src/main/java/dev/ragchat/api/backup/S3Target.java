package dev.ragchat.api.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.ragchat.errors.NotFoundException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Backups in an S3 bucket under a prefix, through the AWS SDK's S3 client (the one the
 * originals use). One archive is one object, so it appears whole or not at all.
 */
final class S3Target implements BackupTarget {

	private final S3Client s3;

	private final String bucket;

	private final String prefix;

	S3Target(S3Client s3, String bucket, String prefix) {
		this.s3 = s3;
		this.bucket = bucket;
		this.prefix = prefix;
	}

	static S3Client client(BackupProperties.S3 settings) {
		S3ClientBuilder client = S3Client.builder()
			.forcePathStyle(settings.pathStyle())
			// what S3-compatible stores (and s3proxy) understand
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		if (settings.region() != null) {
			client.region(Region.of(settings.region()));
		}
		if (settings.endpoint() != null) {
			client.endpointOverride(settings.endpoint());
		}
		return client.build();
	}

	@Override
	public void store(String name, Path archive) throws IOException {
		try {
			this.s3.putObject((put) -> put.bucket(this.bucket).key(this.prefix + name).contentType("application/zip"),
					RequestBody.fromFile(archive));
		}
		catch (SdkException ex) {
			throw new IOException("Cannot store the backup in s3://" + this.bucket + "/" + this.prefix, ex);
		}
	}

	@Override
	public List<Stored> list() throws IOException {
		try {
			List<Stored> stored = new ArrayList<>();
			for (S3Object object : this.s3
				.listObjectsV2Paginator((list) -> list.bucket(this.bucket).prefix(this.prefix).delimiter("/"))
				.contents()) {
				String name = object.key().substring(this.prefix.length());
				if (Archives.isName(name)) {
					stored.add(new Stored(name, object.size()));
				}
			}
			stored.sort(Comparator.comparing(Stored::name));
			return stored;
		}
		catch (SdkException ex) {
			throw new IOException("Cannot list the backups in s3://" + this.bucket + "/" + this.prefix, ex);
		}
	}

	@Override
	public void fetch(String name, Path file) throws IOException {
		try {
			java.nio.file.Files.deleteIfExists(file);
			this.s3.getObject((get) -> get.bucket(this.bucket).key(this.prefix + name),
					ResponseTransformer.toFile(file));
		}
		catch (NoSuchKeyException ex) {
			throw new NotFoundException("No backup " + name + " in s3://" + this.bucket + "/" + this.prefix);
		}
		catch (SdkException ex) {
			throw new IOException("Cannot read the backup " + name + " from s3://" + this.bucket + "/" + this.prefix,
					ex);
		}
	}

	@Override
	public void delete(String name) throws IOException {
		try {
			this.s3.deleteObject((delete) -> delete.bucket(this.bucket).key(this.prefix + name));
		}
		catch (SdkException ex) {
			throw new IOException("Cannot delete the backup " + name, ex);
		}
	}

	@Override
	public String location() {
		return "s3://" + this.bucket + "/" + this.prefix;
	}

}
