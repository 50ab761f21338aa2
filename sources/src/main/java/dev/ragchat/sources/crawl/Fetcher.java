package dev.ragchat.sources.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches one URL of a web source: a GET that follows no redirect by itself (the crawl
 * checks each hop), reads at most a given number of bytes into a file, and connects only
 * to addresses the {@link HostPolicy} allowed. Apache HttpClient 5 rather than the JDK's
 * {@code HttpClient}: its {@link DnsResolver} hook lets the address that was checked be
 * the address connected to (the JDK client resolves names itself, so a check made before
 * a request could be undone by a DNS answer that changes in between: DNS rebinding),
 * while TLS still verifies the certificate against the host name. No proxy is used (the
 * system's proxy settings are not read), no cookies are kept, and no credentials are
 * added but the headers the crawl passes for the one request. A body sent with
 * {@code Content-Encoding} gzip or deflate is inflated by the client as it is read, so
 * the size limit counts inflated bytes and stops reading at it. Each request has an
 * overall deadline (a server that sends a byte now and then would otherwise keep it as
 * long as it likes) and is cancelled when its crawl is stopped: a watch cancels it, which
 * closes its connection and ends a read that blocks.
 */
final class Fetcher implements AutoCloseable {

	/** How the service names itself to web servers, and in robots.txt groups. */
	static final String USER_AGENT = "ragchat-sync/1.0 (+robots.txt: ragchat)";

	/** The setting of the deadline, as an environment variable. */
	static final String FETCH_TIMEOUT_SETTING = "RAGCHAT_SYNC_WEB_FETCH_TIMEOUT";

	/** The robots.txt user-agent token it obeys. */
	static final String ROBOT_NAME = "ragchat";

	private static final Timeout CONNECT = Timeout.ofSeconds(10);

	private static final Timeout READ = Timeout.ofSeconds(30);

	/** How often a request's deadline and its crawl's stop are looked at. */
	private static final long WATCH_MILLIS = 100;

	private final CloseableHttpClient client;

	private final Duration deadline;

	private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor((r) -> {
		Thread thread = new Thread(r, "ragchat-sync-fetch-watch");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * @param policy the hosts and addresses allowed
	 * @param requestsPerHost the most connections to one host
	 * @param deadline the longest one request may take, its body read
	 */
	Fetcher(HostPolicy policy, int requestsPerHost, Duration deadline) {
		this.deadline = deadline;
		DnsResolver dns = new DnsResolver() {

			@Override
			public InetAddress[] resolve(String host) throws UnknownHostException {
				return policy.resolve(host);
			}

			@Override
			public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
				List<InetSocketAddress> addresses = new ArrayList<>();
				for (InetAddress address : policy.resolve(host)) {
					addresses.add(new InetSocketAddress(address, port));
				}
				return addresses;
			}

			@Override
			public String resolveCanonicalHostname(String host) {
				// no reverse lookups: the name asked for is the name checked
				return host;
			}

		};
		this.client = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(dns)
				.setMaxConnPerRoute(Math.max(1, requestsPerHost))
				.setMaxConnTotal(64)
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(CONNECT).setSocketTimeout(READ).build())
				.build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.setUserAgent(USER_AGENT)
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(READ).build())
			.build();
	}

	/**
	 * @return the longest one request may take
	 */
	Duration deadline() {
		return this.deadline;
	}

	/**
	 * GETs a URL.
	 * @param url the URL, already checked against the policy
	 * @param headers the request's own headers (conditions, the source's secret)
	 * @param wanted which media types are read (others are not downloaded)
	 * @param maxBytes the most bytes a body may have (inflated, if it was sent
	 * compressed)
	 * @param truncate whether a longer body is cut at {@code maxBytes} (and kept) rather
	 * than refused
	 * @param folder where a body goes
	 * @param stopped whether the crawl was stopped (looked at while the request runs)
	 * @return the response
	 * @throws DeadlinePassed if it took longer than the deadline
	 * @throws Stopped if the crawl was stopped meanwhile
	 * @throws IOException if there is no response (the host refused by the policy too)
	 */
	Response get(URI url, Map<String, String> headers, Predicate<String> wanted, long maxBytes, boolean truncate,
			Path folder, BooleanSupplier stopped) throws IOException {
		HttpGet request = new HttpGet(url);
		headers.forEach(request::setHeader);
		request.setHeader("Accept", "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.5");
		AtomicReference<IOException> aborted = new AtomicReference<>();
		long until = System.nanoTime() + this.deadline.toNanos();
		ScheduledFuture<?> watching = this.watch.scheduleWithFixedDelay(() -> {
			IOException why = stopped.getAsBoolean() ? new Stopped()
					: (System.nanoTime() - until > 0) ? new DeadlinePassed(this.deadline) : null;
			if (why != null && aborted.compareAndSet(null, why)) {
				request.cancel();
			}
		}, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
		try {
			CloseableHttpResponse response = this.client.execute(request, (HttpContext) null);
			try {
				return read(request, response, wanted, maxBytes, truncate, folder, aborted);
			}
			finally {
				try {
					response.close();
				}
				catch (IOException ex) {
					// a response cancelled on purpose (not wanted, too large, too slow)
					// may
					// say so when closed
					if (!request.isCancelled()) {
						throw ex;
					}
				}
			}
		}
		catch (IOException ex) {
			IOException why = aborted.get();
			throw (why != null) ? why : ex;
		}
		finally {
			watching.cancel(false);
		}
	}

	private static Response read(HttpGet request, CloseableHttpResponse response, Predicate<String> wanted,
			long maxBytes, boolean truncate, Path folder, AtomicReference<IOException> aborted) throws IOException {
		int status = response.getCode();
		String etag = value(response.getFirstHeader("ETag"));
		String lastModified = value(response.getFirstHeader("Last-Modified"));
		String location = value(response.getFirstHeader("Location"));
		HttpEntity entity = response.getEntity();
		String type = mediaType(entity);
		if (status < 200 || status >= 300 || entity == null) {
			request.cancel();
			return new Response(status, type, etag, lastModified, location, null, -1, false);
		}
		if (!wanted.test(type)) {
			request.cancel();
			return new Response(status, type, etag, lastModified, location, null, entity.getContentLength(), false);
		}
		if (!truncate && entity.getContentLength() > maxBytes) {
			request.cancel();
			return new Response(status, type, etag, lastModified, location, null, entity.getContentLength(), true);
		}
		Files.createDirectories(folder);
		Path file = Files.createTempFile(folder, "web-", ".download");
		long size;
		try (InputStream in = entity.getContent(); OutputStream out = Files.newOutputStream(file)) {
			size = copy(in, out, maxBytes);
			if (size < 0) {
				// the rest is not read
				request.cancel();
			}
		}
		catch (IOException ex) {
			if (aborted.get() != null || !request.isCancelled()) {
				Files.deleteIfExists(file);
				request.cancel();
				throw (aborted.get() != null) ? aborted.get() : ex;
			}
			// cancelled here, after more than maxBytes: closing the rest may say so
			size = -1;
		}
		if (aborted.get() != null) {
			Files.deleteIfExists(file);
			throw aborted.get();
		}
		if (size < 0 && !truncate) {
			Files.deleteIfExists(file);
			return new Response(status, type, etag, lastModified, location, null, maxBytes + 1, true);
		}
		if (size < 0) {
			return new Response(status, type, etag, lastModified, location, file, Files.size(file), true);
		}
		return new Response(status, type, etag, lastModified, location, file, size, false);
	}

	/**
	 * Copies at most {@code maxBytes} (the JDK has no bounded copy), counting them as
	 * they are read (inflated, for a compressed body).
	 * @return the bytes copied, or -1 if there were more (the first {@code maxBytes} are
	 * copied)
	 */
	private static long copy(InputStream in, OutputStream out, long maxBytes) throws IOException {
		byte[] buffer = new byte[32 * 1024];
		long copied = 0;
		int read;
		while ((read = in.read(buffer)) != -1) {
			if (copied + read > maxBytes) {
				out.write(buffer, 0, (int) (maxBytes - copied));
				return -1;
			}
			copied += read;
			out.write(buffer, 0, read);
		}
		return copied;
	}

	private static String mediaType(HttpEntity entity) {
		if (entity == null || entity.getContentType() == null) {
			return "";
		}
		try {
			return ContentType.parse(entity.getContentType()).getMimeType().toLowerCase(Locale.ROOT);
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	private static String value(Header header) {
		return (header != null) ? header.getValue() : null;
	}

	/**
	 * @param ex why a request failed
	 * @return it, unless its crawl was stopped
	 * @throws InterruptedException if the crawl was stopped
	 */
	static IOException stoppedOr(IOException ex) throws InterruptedException {
		if (ex instanceof Stopped) {
			throw new InterruptedException(ex.getMessage());
		}
		return ex;
	}

	/**
	 * @param ex why a request failed
	 * @return why, in words a person can act on
	 */
	static String reason(IOException ex) {
		if (ex instanceof DeadlinePassed) {
			return ex.getMessage();
		}
		if (ex instanceof java.net.UnknownHostException) {
			return "its host name is not known";
		}
		if (ex instanceof java.net.ConnectException) {
			return "the connection was refused";
		}
		if (ex instanceof java.net.SocketTimeoutException || ex instanceof java.io.InterruptedIOException) {
			return "it did not answer in time";
		}
		if (ex instanceof javax.net.ssl.SSLException) {
			return "its TLS certificate or handshake was refused";
		}
		return "it cannot be read (" + ex.getClass().getSimpleName().replaceAll("Exception$", "") + ")";
	}

	@Override
	public void close() throws IOException {
		this.watch.shutdownNow();
		this.client.close();
	}

	/**
	 * A request that took longer than the deadline: it was cancelled, its body not kept.
	 */
	static final class DeadlinePassed extends IOException {

		DeadlinePassed(Duration deadline) {
			super("it did not answer in full within " + deadline.toSeconds() + " s (" + FETCH_TIMEOUT_SETTING + ")");
		}

	}

	/**
	 * A request cancelled because its crawl was stopped.
	 */
	static final class Stopped extends IOException {

		Stopped() {
			super("the sync run was stopped");
		}

	}

	/**
	 * A response.
	 *
	 * @param status its HTTP status
	 * @param mediaType its media type without parameters ({@code ""} if none)
	 * @param etag its {@code ETag}, or {@code null}
	 * @param lastModified its {@code Last-Modified}, or {@code null}
	 * @param location its {@code Location}, or {@code null}
	 * @param body its body in a file (a 2xx of a wanted type within the size), or
	 * {@code null}
	 * @param size its size in bytes, or -1 if unknown
	 * @param tooLarge whether its body is larger than asked (not kept; or, asked to
	 * truncate, kept cut at the size)
	 */
	record Response(int status, String mediaType, String etag, String lastModified, String location, Path body,
			long size, boolean tooLarge) {

	}

}
