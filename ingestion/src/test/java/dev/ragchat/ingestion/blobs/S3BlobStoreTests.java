package dev.ragchat.ingestion.blobs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;

import dev.ragchat.ingestion.BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The S3 adapter against a real S3 server (s3proxy over jclouds' in-memory store) started
 * inside the test, driven by the AWS SDK over HTTP.
 */
class S3BlobStoreTests extends BlobStoreContractTests {

	static S3Server server;

	static URI endpoint;

	static int buckets;

	@BeforeAll
	static void startS3() throws Exception {
		server = S3Server.start();
		endpoint = server.endpoint();
	}

	@AfterAll
	static void stopS3() throws Exception {
		server.close();
	}

	@Override
	protected BlobStore createStore() {
		String bucket = "originals-" + (++buckets);
		server.createBucket(bucket);
		return BlobStoreConfiguration.s3(new BlobProperties.S3(bucket, "us-east-1", endpoint, true, "ragchat/", true));
	}

	@Test
	void presignsDownloadsThatWorkWithoutCredentials() throws Exception {
		this.store.put("kb/doc_9", Files.writeString(this.dir.resolve("p.txt"), "presigned bytes"), "text/plain");
		URI url = this.store.presignedUrl("kb/doc_9", Duration.ofMinutes(5)).orElseThrow();
		assertThat(url.getQuery()).contains("X-Amz-Signature");
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("presigned bytes");
	}

	@Test
	void keepsKeysUnderItsPrefix() throws Exception {
		this.store.put("kb/doc_10", Files.writeString(this.dir.resolve("q.txt"), "q"), "text/plain");
		String bucket = "originals-" + buckets;
		assertThat(server.blobs().blobExists(bucket, "ragchat/kb/doc_10")).isTrue();
	}

}
