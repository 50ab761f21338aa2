package dev.ragchat.ingestion.blobs;

import java.net.URI;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * An S3 server for tests: s3proxy over jclouds' in-memory store, on a free loopback port,
 * without authentication (the AWS SDK signs, s3proxy does not check). Shared by every
 * test that speaks S3 (originals, sync sources, backups).
 */
public final class S3Server implements AutoCloseable {

	private final BlobStoreContext context;

	private final S3Proxy proxy;

	private S3Server(BlobStoreContext context, S3Proxy proxy) {
		this.context = context;
		this.proxy = proxy;
	}

	/**
	 * @return a started server
	 * @throws Exception if it cannot start
	 */
	public static S3Server start() throws Exception {
		BlobStoreContext context = ContextBuilder.newBuilder("transient")
			.credentials("x", "x")
			.build(BlobStoreContext.class);
		S3Proxy proxy = S3Proxy.builder()
			.blobStore(context.getBlobStore())
			.awsAuthentication(AuthenticationType.NONE, null, null)
			.endpoint(URI.create("http://127.0.0.1:0"))
			.build();
		proxy.start();
		while (!"STARTED".equals(proxy.getState())) {
			Thread.sleep(10);
		}
		// the AWS SDK's default credential chain finds these
		System.setProperty("aws.accessKeyId", "test");
		System.setProperty("aws.secretAccessKey", "test");
		return new S3Server(context, proxy);
	}

	/**
	 * @return where the server listens
	 */
	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.proxy.getPort());
	}

	/**
	 * @return the server's store, to look at what a test wrote
	 */
	public BlobStore blobs() {
		return this.context.getBlobStore();
	}

	/**
	 * @param name a bucket to create
	 */
	public void createBucket(String name) {
		blobs().createContainerInLocation(null, name);
	}

	@Override
	public void close() throws Exception {
		this.proxy.stop();
		this.context.close();
	}

}
