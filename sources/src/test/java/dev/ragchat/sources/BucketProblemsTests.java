package dev.ragchat.sources;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;

import dev.ragchat.ingestion.blobs.BlobProperties;
import dev.ragchat.ingestion.blobs.S3Server;
import dev.ragchat.sources.files.BucketFiles;
import dev.ragchat.sources.files.SourceFiles;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A broken S3 source says why in words a person can act on (the bucket that is not there,
 * the key that is refused, the endpoint that cannot be reached), never in the AWS SDK's:
 * no class names, credential providers, status lines or request ids. Against s3proxy (one
 * open, one that checks signatures) and a closed port.
 */
class BucketProblemsTests {

	static S3Server open;

	static S3Client s3;

	/**
	 * An S3 server that checks signatures: access key {@code owner}, secret
	 * {@code secret}.
	 */
	static S3Proxy guarded;

	static BlobStoreContext guardedStore;

	@TempDir
	Path dir;

	@BeforeAll
	static void startS3() throws Exception {
		open = S3Server.start();
		s3 = SyncConfiguration.s3(new SyncProperties.S3(null, open.endpoint(), null),
				new BlobProperties.S3(null, "us-east-1", null, true, "", true));
		open.createBucket("handbooks");
		guardedStore = ContextBuilder.newBuilder("transient").credentials("x", "x").build(BlobStoreContext.class);
		guardedStore.getBlobStore().createContainerInLocation(null, "handbooks");
		guarded = S3Proxy.builder()
			.blobStore(guardedStore.getBlobStore())
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "owner", "secret")
			.endpoint(URI.create("http://127.0.0.1:0"))
			.build();
		guarded.start();
		while (!"STARTED".equals(guarded.getState())) {
			Thread.sleep(10);
		}
	}

	@AfterAll
	static void stopS3() throws Exception {
		s3.close();
		open.close();
		guarded.stop();
		guardedStore.close();
	}

	@Test
	void aMissingBucketIsNamedWithTheEndpoint() {
		assertThat(listing(new BucketFiles(s3, "no-such-bucket", "team/", this.dir, -1))).isEqualTo(
				"Cannot list s3://no-such-bucket/team/: bucket 'no-such-bucket' not found at " + open.endpoint());
	}

	@Test
	void anObjectGoneSinceItWasListedSaysSo() {
		BucketFiles files = new BucketFiles(s3, "handbooks", "team/", this.dir, -1);
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> files.fetch(new SourceFiles.Entry("gone.md", "team/gone.md", 10, null)))
			.satisfies((ex) -> assertThat(ex.getMessage()).isEqualTo(
					"cannot be downloaded: it is no longer in bucket 'handbooks' (removed since it was listed)"));
	}

	@Test
	void anEndpointNothingListensOnCannotBeReached() throws Exception {
		URI closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
		}
		try (S3Client client = client(closed, "owner", "secret")) {
			assertThat(listing(new BucketFiles(client, "handbooks", "", this.dir, -1)))
				.isEqualTo("Cannot list s3://handbooks/: cannot reach " + closed + ": the connection was refused");
		}
	}

	@Test
	void anAccessKeyTheServerDoesNotKnowIsAccessDenied() {
		URI endpoint = URI.create("http://127.0.0.1:" + guarded.getPort());
		try (S3Client client = client(endpoint, "stranger", "secret")) {
			assertThat(listing(new BucketFiles(client, "handbooks", "", this.dir, -1)))
				.isEqualTo("Cannot list s3://handbooks/: access denied: " + endpoint
						+ " does not know the access key; check the access key (AWS_ACCESS_KEY_ID)");
		}
	}

	@Test
	void aWrongSecretIsAccessDenied() {
		try (S3Client client = client(URI.create("http://127.0.0.1:" + guarded.getPort()), "owner", "guess")) {
			assertThat(listing(new BucketFiles(client, "handbooks", "", this.dir, -1)))
				.isEqualTo("Cannot list s3://handbooks/: access denied: the secret does not match the access key;"
						+ " check the access key and its secret (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)");
		}
	}

	@Test
	void theRightKeyReadsTheBucket() throws Exception {
		try (S3Client client = client(URI.create("http://127.0.0.1:" + guarded.getPort()), "owner", "secret")) {
			guardedStore.getBlobStore()
				.putBlob("handbooks", guardedStore.getBlobStore().blobBuilder("guide.md").payload("# Guide\n").build());
			assertThat(new BucketFiles(client, "handbooks", "", this.dir, -1).list())
				.extracting(SourceFiles.Entry::path)
				.containsExactly("guide.md");
		}
	}

	/** The message of the listing's failure, checked to hold nothing of the SDK. */
	private static String listing(BucketFiles files) {
		String message = catchThrowableOfType(IOException.class, files::list).getMessage();
		assertThat(message).doesNotContain("software.amazon", "Exception", "Status Code", "Request ID", "Service: S3",
				"provider");
		return message;
	}

	private static S3Client client(URI endpoint, String accessKey, String secret) {
		return S3Client.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.build();
	}

}
