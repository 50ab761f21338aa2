package dev.ragchat.sources;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A small web site on a loopback address (the JDK's HTTP server): pages set by path, each
 * with its status, type, body and {@code ETag}; a conditional request whose
 * {@code If-None-Match} is the page's {@code ETag} is answered 304. Every request is
 * logged. A path may also answer a body written as it is sent ({@link #stream}): a gzip
 * bomb made of one small gzip member sent over and over, or a page sent a byte at a time.
 * Requests are answered at once, each on its own thread.
 */
final class TestSite implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, Resource> resources = new ConcurrentHashMap<>();

	private final Map<String, Stream> streams = new ConcurrentHashMap<>();

	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	private volatile boolean closed;

	/** The paths whose streamed answer began, in order. */
	final List<String> started = new CopyOnWriteArrayList<>();

	/** The paths whose streamed answer the client cut off (it closed the connection). */
	final List<String> aborted = new CopyOnWriteArrayList<>();

	/** The requests it answered, in order. */
	final List<Request> log = new CopyOnWriteArrayList<>();

	/**
	 * @param address a loopback address, such as 127.0.0.1
	 */
	TestSite(String address) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
		this.server.createContext("/", this::answer);
		this.server.setExecutor(this.threads);
		this.server.start();
	}

	/**
	 * @return {@code http://address:port}
	 */
	String origin() {
		return "http://" + this.server.getAddress().getAddress().getHostAddress() + ":"
				+ this.server.getAddress().getPort();
	}

	String url(String path) {
		return origin() + path;
	}

	void page(String path, String html, String etag) {
		this.resources.put(path,
				new Resource(200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), etag, null));
	}

	void put(String path, int status, String type, byte[] body, String etag) {
		this.resources.put(path, new Resource(status, type, body, etag, null));
	}

	void redirect(String path, int status, String location) {
		this.resources.put(path, new Resource(status, "text/plain", new byte[0], null, location));
	}

	/**
	 * @param path a path
	 * @param type its {@code Content-Type}
	 * @param encoding its {@code Content-Encoding}, or {@code null}
	 * @param body what writes its body (chunked), as it is sent
	 */
	void stream(String path, String type, String encoding, Body body) {
		this.streams.put(path, new Stream(type, encoding, body));
	}

	/**
	 * A gzip stream that inflates to a text of the given size without being held
	 * anywhere: a first member with the text's start, then one member of 8 MiB of
	 * {@code a} (about 8 KiB gzipped) sent over and over (gzip members may follow one
	 * another; readers inflate them as one stream).
	 * @param start the text's start
	 * @param mebibytes how many MiB of {@code a} follow it (a multiple of 8)
	 */
	static Body gzipBomb(String start, int mebibytes) throws IOException {
		byte[] first = gzip(start.getBytes(StandardCharsets.UTF_8));
		byte[] member = gzip(new byte[8 << 20], (byte) 'a');
		return (out) -> {
			out.write(first);
			for (int i = 0; i < mebibytes / 8; i++) {
				out.write(member);
			}
		};
	}

	/**
	 * @return a page's body sent one byte every 100 ms, until the client goes away (or
	 * the site is closed)
	 */
	Body trickle() {
		return (out) -> {
			out.write("<html><body><p>".getBytes(StandardCharsets.US_ASCII));
			while (!this.closed) {
				out.write('a');
				out.flush();
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		};
	}

	static byte[] gzip(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		return out.toByteArray();
	}

	private static byte[] gzip(byte[] buffer, byte fill) throws IOException {
		java.util.Arrays.fill(buffer, fill);
		return gzip(buffer);
	}

	void remove(String path) {
		this.resources.remove(path);
	}

	/**
	 * @return the requests for a path
	 */
	List<Request> requests(String path) {
		return this.log.stream().filter((r) -> r.path().equals(path)).toList();
	}

	private void answer(HttpExchange exchange) throws IOException {
		long at = System.nanoTime();
		try (exchange; InputStream in = exchange.getRequestBody()) {
			in.transferTo(OutputStream.nullOutputStream());
			String path = exchange.getRequestURI().getRawPath() + ((exchange.getRequestURI().getRawQuery() != null)
					? "?" + exchange.getRequestURI().getRawQuery() : "");
			String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
			String apiKey = exchange.getRequestHeaders().getFirst("X-Api-Key");
			Resource resource = this.resources.get(path);
			Stream stream = this.streams.get(path);
			int status;
			if (stream != null) {
				status = 200;
				this.started.add(path);
				exchange.getResponseHeaders().set("Content-Type", stream.type());
				if (stream.encoding() != null) {
					exchange.getResponseHeaders().set("Content-Encoding", stream.encoding());
				}
				exchange.sendResponseHeaders(status, 0);
				try {
					stream.body().write(exchange.getResponseBody());
				}
				catch (IOException ex) {
					// the client went away
					this.aborted.add(path);
				}
			}
			else if (resource == null) {
				status = 404;
				exchange.sendResponseHeaders(status, -1);
			}
			else if (resource.etag() != null && resource.etag().equals(ifNoneMatch)) {
				status = 304;
				exchange.getResponseHeaders().set("ETag", resource.etag());
				exchange.sendResponseHeaders(status, -1);
			}
			else {
				status = resource.status();
				if (resource.location() != null) {
					exchange.getResponseHeaders().set("Location", resource.location());
				}
				if (resource.etag() != null) {
					exchange.getResponseHeaders().set("ETag", resource.etag());
				}
				exchange.getResponseHeaders().set("Content-Type", resource.type());
				if (resource.body().length == 0) {
					exchange.sendResponseHeaders(status, -1);
				}
				else {
					exchange.sendResponseHeaders(status, resource.body().length);
					try {
						exchange.getResponseBody().write(resource.body());
					}
					catch (IOException ex) {
						// the client went away (a page too large): answered all the same
					}
				}
			}
			this.log.add(new Request(path, ifNoneMatch, apiKey, status, at));
		}
	}

	@Override
	public void close() {
		this.closed = true;
		this.server.stop(0);
		this.threads.shutdownNow();
	}

	/**
	 * @param text its one line
	 * @return a one-page PDF
	 */
	static byte[] pdf(String text) throws IOException {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage();
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.beginText();
				content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
				content.newLineAtOffset(72, 700);
				content.showText(text);
				content.endText();
			}
			document.save(out);
			return out.toByteArray();
		}
	}

	/**
	 * A documentation page: the site's menu, sidebar and footer around its own text.
	 */
	static String docPage(String title, String text, String... links) {
		StringBuilder body = new StringBuilder();
		for (String link : links) {
			body.append("<li><a href=\"").append(link).append("\">").append(link).append("</a></li>");
		}
		return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body>"
				+ "<nav><a href=\"/docs/\">Site menu home</a> <a href=\"/docs/install\">Site menu install</a></nav>"
				+ "<aside>Sidebar of every page</aside><main><h1>" + title + "</h1><p>" + text + "</p><ul>" + body
				+ "</ul></main><footer>Copyright footer of the site</footer></body></html>";
	}

	record Resource(int status, String type, byte[] body, String etag, String location) {

	}

	/**
	 * What writes a streamed body.
	 */
	interface Body {

		void write(OutputStream out) throws IOException;

	}

	record Stream(String type, String encoding, Body body) {

	}

	/**
	 * A request it answered.
	 *
	 * @param path its path and query
	 * @param ifNoneMatch its {@code If-None-Match}, or {@code null}
	 * @param apiKey its {@code X-Api-Key}, or {@code null}
	 * @param status the status answered
	 * @param at when it came ({@link System#nanoTime})
	 */
	record Request(String path, String ifNoneMatch, String apiKey, int status, long at) {

	}

}
