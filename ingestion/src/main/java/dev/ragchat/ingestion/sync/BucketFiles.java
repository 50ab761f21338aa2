package dev.ragchat.ingestion.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An S3 source's files: the objects under its prefix (keys ending in {@code /}, folder
 * markers, and paths with a part starting with a dot are left out). Each object is
 * downloaded to a temporary file when it is compared: a sync compares the SHA-256 of the
 * content with the document's, as uploads are deduplicated. The ETag is not used, not
 * even as a hint: for multipart uploads it is no hash of the content, and documents
 * record only their SHA-256.
 */
final class BucketFiles implements SourceFiles {

	private final S3Client s3;

	private final String bucket;

	private final String prefix;

	BucketFiles(S3Client s3, String bucket, String prefix) {
		this.s3 = s3;
		this.bucket = bucket;
		this.prefix = (prefix != null) ? prefix : "";
	}

	@Override
	public List<Entry> list() throws IOException {
		List<Entry> entries = new ArrayList<>();
		try {
			for (S3Object object : this.s3
				.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(this.bucket).prefix(this.prefix).build())
				.contents()) {
				String key = object.key();
				String path = key.substring(this.prefix.length());
				while (path.startsWith("/")) {
					path = path.substring(1);
				}
				if (path.isEmpty() || path.endsWith("/") || hidden(path)) {
					continue;
				}
				entries.add(new Entry(path, key, null));
			}
		}
		catch (SdkException ex) {
			throw new IOException("Cannot list s3://" + this.bucket + "/" + this.prefix + ": " + ex.getMessage(), ex);
		}
		entries.sort(Comparator.comparing(Entry::path));
		return entries;
	}

	@Override
	public Local fetch(Entry entry) throws IOException {
		Path file = Files.createTempFile("ragchat-sync", ".bin");
		try (InputStream in = this.s3
			.getObject(GetObjectRequest.builder().bucket(this.bucket).key(entry.location()).build())) {
			Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (SdkException | IOException ex) {
			Files.deleteIfExists(file);
			throw new IOException("cannot be downloaded: " + ex.getMessage(), ex);
		}
		return new Local() {

			@Override
			public Path file() {
				return file;
			}

			@Override
			public void close() throws IOException {
				Files.deleteIfExists(file);
			}

		};
	}

	private static boolean hidden(String path) {
		for (String part : path.split("/")) {
			if (part.startsWith(".")) {
				return true;
			}
		}
		return false;
	}

}
