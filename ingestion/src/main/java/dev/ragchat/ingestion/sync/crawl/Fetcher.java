package dev.ragchat.ingestion.sync.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * added but the headers the crawl passes for the one request.
 */
final class Fetcher implements AutoCloseable {

	/** How the service names itself to web servers, and in robots.txt groups. */
	static final String USER_AGENT = "ragchat-sync/1.0 (+robots.txt: ragchat)";

	/** The robots.txt user-agent token it obeys. */
	static final String ROBOT_NAME = "ragchat";

	private static final Timeout CONNECT = Timeout.ofSeconds(10);

	private static final Timeout READ = Timeout.ofSeconds(30);

	private final CloseableHttpClient client;

	/**
	 * @param policy the hosts and addresses allowed
	 * @param requestsPerHost the most connections to one host
	 */
	Fetcher(HostPolicy policy, int requestsPerHost) {
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
	 * GETs a URL.
	 * @param url the URL, already checked against the policy
	 * @param headers the request's own headers (conditions, the source's secret)
	 * @param wanted which media types are read (others are not downloaded)
	 * @param maxBytes the most bytes a body may have
	 * @param folder where a body goes
	 * @return the response
	 * @throws IOException if there is no response (the host refused by the policy too)
	 */
	Response get(URI url, Map<String, String> headers, Predicate<String> wanted, long maxBytes, Path folder)
			throws IOException {
		HttpGet request = new HttpGet(url);
		headers.forEach(request::setHeader);
		request.setHeader("Accept", "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.5");
		CloseableHttpResponse response = this.client.execute(request, (HttpContext) null);
		try {
			return read(request, response, wanted, maxBytes, folder);
		}
		finally {
			try {
				response.close();
			}
			catch (IOException ex) {
				// a response cancelled on purpose (not wanted, too large) may say so when
				// closed
				if (!request.isCancelled()) {
					throw ex;
				}
			}
		}
	}

	private static Response read(HttpGet request, CloseableHttpResponse response, Predicate<String> wanted,
			long maxBytes, Path folder) throws IOException {
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
		if (entity.getContentLength() > maxBytes) {
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
			Files.deleteIfExists(file);
			if (request.isCancelled()) {
				return new Response(status, type, etag, lastModified, location, null, maxBytes + 1, true);
			}
			request.cancel();
			throw ex;
		}
		if (size < 0) {
			Files.deleteIfExists(file);
			return new Response(status, type, etag, lastModified, location, null, maxBytes + 1, true);
		}
		return new Response(status, type, etag, lastModified, location, file, size, false);
	}

	/**
	 * Copies at most {@code maxBytes} (the JDK has no bounded copy).
	 * @return the bytes copied, or -1 if there were more
	 */
	private static long copy(InputStream in, OutputStream out, long maxBytes) throws IOException {
		byte[] buffer = new byte[32 * 1024];
		long copied = 0;
		int read;
		while ((read = in.read(buffer)) != -1) {
			copied += read;
			if (copied > maxBytes) {
				return -1;
			}
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

	@Override
	public void close() throws IOException {
		this.client.close();
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
	 * @param tooLarge whether its body is larger than asked (not kept)
	 */
	record Response(int status, String mediaType, String etag, String lastModified, String location, Path body,
			long size, boolean tooLarge) {

	}

}
