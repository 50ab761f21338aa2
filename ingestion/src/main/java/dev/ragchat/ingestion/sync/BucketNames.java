package dev.ragchat.ingestion.sync;

import java.util.List;
import java.util.regex.Pattern;

import dev.ragchat.errors.RejectedInputException;

/**
 * Amazon S3's naming rules of general purpose buckets
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html), each
 * checked on its own so that a refusal names the rule broken. Written here because the
 * AWS SDK v2 has no public check (its own is internal and predates the reserved prefixes
 * and suffixes).
 */
final class BucketNames {

	private static final Pattern CHARACTERS = Pattern.compile("[a-z0-9.-]+");

	private static final Pattern IP_ADDRESS = Pattern.compile("[0-9]+(\\.[0-9]+){3}");

	private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");

	private static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3");

	private BucketNames() {
	}

	/**
	 * @param bucket a bucket name
	 * @throws RejectedInputException naming the rule it breaks
	 */
	static void check(String bucket) {
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
