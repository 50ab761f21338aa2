package dev.ragchat.sources.files;

import dev.ragchat.errors.RejectedInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * S3's naming rules of general purpose buckets, each refusal naming the rule broken.
 */
class BucketNamesTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					ab                                                               | it must be 3 to 63 characters long
					aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | it must be 3 to 63 characters long
					Not_A_Bucket                                                     | it may hold only lower-case letters, digits, dots and hyphens
					docs/other                                                       | it may hold only lower-case letters, digits, dots and hyphens
					-docs                                                            | it must begin and end with a letter or digit
					docs.                                                            | it must begin and end with a letter or digit
					a..b                                                             | it may not hold two adjacent dots
					169.254.169.254                                                  | it may not be formatted as an IP address
					192.168.5.4                                                      | it may not be formatted as an IP address
					xn--docs                                                         | it may not start with the reserved prefix 'xn--'
					sthree-docs                                                      | it may not start with the reserved prefix 'sthree-'
					sthree-configurator                                              | it may not start with the reserved prefix 'sthree-'
					amzn-s3-demo-bucket                                              | it may not start with the reserved prefix 'amzn-s3-demo-'
					docs-s3alias                                                     | it may not end with the reserved suffix '-s3alias'
					docs--ol-s3                                                      | it may not end with the reserved suffix '--ol-s3'
					docs.mrap                                                        | it may not end with the reserved suffix '.mrap'
					docs--x-s3                                                       | it may not end with the reserved suffix '--x-s3'
					""")
	void refusesANameS3ForbidsNamingTheRule(String bucket, String rule) {
		assertThatExceptionOfType(RejectedInputException.class).isThrownBy(() -> BucketFiles.Names.check(bucket))
			.withMessage("bucket must be an S3 bucket name: " + rule);
	}

	@ParameterizedTest
	@ValueSource(strings = { "docs", "my-team.handbooks", "abc", "1234", "a1.b2.c3",
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })
	void acceptsANameS3Allows(String bucket) {
		assertThatNoException().isThrownBy(() -> BucketFiles.Names.check(bucket));
	}

}
