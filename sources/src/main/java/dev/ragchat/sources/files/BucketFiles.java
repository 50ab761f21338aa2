package dev.ragchat.sources.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import dev.ragchat.errors.RejectedInputException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An S3 source's files: the objects under its prefix (keys ending in {@code /}, folder
 * markers, and paths with a part starting with a dot are left out). Each object is
 * downloaded to a temporary file when it is compared: a sync compares the SHA-256 of the
 * content with the document's, as uploads are deduplicated. The ETag is not used, not
 * even as a hint: for multipart uploads it is no hash of the content, and documents
 * record only their SHA-256. An object larger than the upload limit is not downloaded:
 * its listed size says so first, and a download stops as soon as it goes beyond the limit
 * (the object may have changed since it was listed). Downloads go to the service's own
 * work folder, not the system's temporary folder.
 */
public final class BucketFiles implements SourceFiles {

	private final S3Client s3;

	private final String bucket;

	private final String prefix;

	private final Path downloads;

	private final long maxFileSize;

	/**
	 * @param s3 the client
	 * @param bucket the bucket
	 * @param prefix the key prefix
	 * @param downloads where objects are downloaded to
	 * @param maxFileSize the most bytes an object may have to be downloaded (negative: no
	 * limit)
	 */
	public BucketFiles(S3Client s3, String bucket, String prefix, Path downloads, long maxFileSize) {
		this.s3 = s3;
		this.bucket = bucket;
		this.prefix = (prefix != null) ? prefix : "";
		this.downloads = downloads;
		this.maxFileSize = maxFileSize;
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
				entries.add(new Entry(path, key, (object.size() != null) ? object.size() : -1, null));
			}
		}
		catch (SdkException ex) {
			throw new IOException(
					"Cannot list s3://" + this.bucket + "/" + this.prefix + ": " + Reasons.of(ex, this.s3, this.bucket),
					ex);
		}
		entries.sort(Comparator.comparing(Entry::path));
		return entries;
	}

	@Override
	public boolean fetchCopies() {
		return true;
	}

	@Override
	public Local fetch(Entry entry) throws IOException {
		Files.createDirectories(this.downloads);
		Path file = Files.createTempFile(this.downloads, "sync-", ".download");
		try (ResponseInputStream<GetObjectResponse> in = this.s3
			.getObject(GetObjectRequest.builder().bucket(this.bucket).key(entry.location()).build())) {
			Long length = in.response().contentLength();
			if (this.maxFileSize >= 0 && length != null && length > this.maxFileSize) {
				in.abort();
				throw new Skipped(SyncLimits.tooLarge(length, this.maxFileSize));
			}
			if (!copy(in, file)) {
				in.abort();
				throw new Skipped("it grew beyond the upload limit of " + this.maxFileSize + " bytes while it was"
						+ " downloaded (" + SyncLimits.UPLOAD_LIMIT + "); not copied");
			}
		}
		catch (Skipped ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
		catch (SdkException ex) {
			Files.deleteIfExists(file);
			throw new IOException("cannot be downloaded: " + Reasons.of(ex, this.s3, this.bucket), ex);
		}
		catch (IOException ex) {
			Files.deleteIfExists(file);
			throw new IOException("cannot be downloaded: " + ex.getMessage(), ex);
		}
		return Local.download(file);
	}

	/**
	 * Copies at most the upload limit (and one byte more, to tell). The JDK has no
	 * bounded copy, and commons-io is no dependency of this module.
	 * @return whether it all fit
	 */
	private boolean copy(InputStream in, Path file) throws IOException {
		long limit = (this.maxFileSize >= 0) ? this.maxFileSize : Long.MAX_VALUE;
		long copied = 0;
		byte[] buffer = new byte[64 * 1024];
		try (OutputStream out = Files.newOutputStream(file)) {
			int read;
			while ((read = in.read(buffer)) != -1) {
				copied += read;
				if (copied > limit) {
					return false;
				}
				out.write(buffer, 0, read);
			}
		}
		return true;
	}

	private static boolean hidden(String path) {
		for (String part : path.split("/")) {
			if (part.startsWith(".")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Why S3 said no, in words a person can act on: the bucket that is not there, the key
	 * that is refused, the endpoint that cannot be reached; never the SDK's own text (its
	 * class names, its credential providers, request ids). What S3 itself answered, its
	 * error code and message, is kept when no case below fits.
	 */
	static final class Reasons {

		private Reasons() {
		}

		/**
		 * @param ex what the SDK threw
		 * @param s3 the client (for its endpoint and region)
		 * @param bucket the bucket it asked
		 * @return the reason
		 */
		static String of(SdkException ex, S3Client s3, String bucket) {
			String at = endpoint(s3);
			if (ex instanceof AwsServiceException service) {
				return refused(service, at, s3, bucket);
			}
			String message = String.valueOf(ex.getMessage());
			if (message.startsWith("Unable to load credentials")) {
				return "no S3 credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or another source of"
						+ " the AWS SDK's default chain)";
			}
			if (message.startsWith("Unable to load region")) {
				return "no S3 region: set RAGCHAT_SYNC_S3_REGION";
			}
			for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
				if (cause instanceof java.net.UnknownHostException) {
					return "cannot reach " + at + ": its host name is not known";
				}
				if (cause instanceof java.net.ConnectException) {
					return "cannot reach " + at + ": the connection was refused";
				}
				if (cause instanceof java.net.SocketTimeoutException) {
					return "cannot reach " + at + ": it did not answer in time";
				}
				if (cause instanceof javax.net.ssl.SSLException) {
					return "cannot reach " + at + ": its TLS certificate or handshake was refused";
				}
			}
			if (ex instanceof ApiCallTimeoutException || ex instanceof ApiCallAttemptTimeoutException) {
				return "cannot reach " + at + ": it did not answer in time";
			}
			return "cannot reach " + at;
		}

		/**
		 * @param service what S3 answered
		 * @param at where the client sends requests
		 * @param s3 the client
		 * @param bucket the bucket it asked
		 * @return why S3 refused
		 */
		private static String refused(AwsServiceException service, String at, S3Client s3, String bucket) {
			String code = (service.awsErrorDetails() != null) ? service.awsErrorDetails().errorCode() : null;
			int status = service.statusCode();
			if ("NoSuchBucket".equals(code) || service instanceof NoSuchBucketException) {
				return "bucket '" + bucket + "' not found at " + at;
			}
			if ("NoSuchKey".equals(code) || service instanceof NoSuchKeyException) {
				return "it is no longer in bucket '" + bucket + "' (removed since it was listed)";
			}
			if ("InvalidAccessKeyId".equals(code)) {
				return "access denied: " + at + " does not know the access key; check the access key"
						+ " (AWS_ACCESS_KEY_ID)";
			}
			if ("SignatureDoesNotMatch".equals(code)) {
				return "access denied: the secret does not match the access key; check the access key and its"
						+ " secret (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)";
			}
			if (status == 403 || "AccessDenied".equals(code)) {
				return "access denied: check the access key, and that it may read bucket '" + bucket + "' at " + at;
			}
			if (status == 301 || "PermanentRedirect".equals(code) || "AuthorizationHeaderMalformed".equals(code)
					|| "IllegalLocationConstraintException".equals(code)) {
				return "bucket '" + bucket + "' is in another region than " + region(s3)
						+ "; set RAGCHAT_SYNC_S3_REGION to its region";
			}
			if (code == null || code.isBlank()) {
				return at + " answered HTTP " + status + ", not as S3 does; check the endpoint"
						+ " (RAGCHAT_SYNC_S3_ENDPOINT)";
			}
			String said = service.awsErrorDetails().errorMessage();
			return "S3 at " + at + " refused (" + code + ((said != null && !said.isBlank()) ? ": " + said : "") + ")";
		}

		/**
		 * @param s3 a client
		 * @return where it sends requests, as set (RAGCHAT_SYNC_S3_ENDPOINT), or Amazon
		 * S3 and its region
		 */
		static String endpoint(S3Client s3) {
			return s3.serviceClientConfiguration()
				.endpointOverride()
				.map(java.net.URI::toString)
				.orElseGet(() -> "Amazon S3 (" + region(s3) + ")");
		}

		private static String region(S3Client s3) {
			Region region = s3.serviceClientConfiguration().region();
			return (region != null) ? region.id() : "no region";
		}

	}

	/**
	 * Amazon S3's naming rules of general purpose buckets
	 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html),
	 * each checked on its own so that a refusal names the rule broken. Written here
	 * because the AWS SDK v2 has no public check (its own is internal and predates the
	 * reserved prefixes and suffixes).
	 */
	public static final class Names {

		private static final Pattern CHARACTERS = Pattern.compile("[a-z0-9.-]+");

		private static final Pattern IP_ADDRESS = Pattern.compile("[0-9]+(\\.[0-9]+){3}");

		private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");

		private static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3");

		private Names() {
		}

		/**
		 * @param bucket a bucket name
		 * @throws RejectedInputException naming the rule it breaks
		 */
		public static void check(String bucket) {
			if (bucket == null || bucket.isEmpty()) {
				throw new RejectedInputException("An s3 source needs 'bucket', an S3 bucket name");
			}
			if (bucket.length() < 3 || bucket.length() > 63) {
				throw refused("it must be 3 to 63 characters long");
			}
			if (!CHARACTERS.matcher(bucket).matches()) {
				throw refused("it may hold only lower-case letters, digits, dots and hyphens");
			}
			if (!Character.isLetterOrDigit(bucket.charAt(0))
					|| !Character.isLetterOrDigit(bucket.charAt(bucket.length() - 1))) {
				throw refused("it must begin and end with a letter or digit");
			}
			if (bucket.contains("..")) {
				throw refused("it may not hold two adjacent dots");
			}
			if (IP_ADDRESS.matcher(bucket).matches()) {
				throw refused("it may not be formatted as an IP address");
			}
			for (String prefix : RESERVED_PREFIXES) {
				if (bucket.startsWith(prefix)) {
					throw refused("it may not start with the reserved prefix '" + prefix + "'");
				}
			}
			for (String suffix : RESERVED_SUFFIXES) {
				if (bucket.endsWith(suffix)) {
					throw refused("it may not end with the reserved suffix '" + suffix + "'");
				}
			}
		}

		private static RejectedInputException refused(String rule) {
			return new RejectedInputException("bucket must be an S3 bucket name: " + rule);
		}

	}

}
