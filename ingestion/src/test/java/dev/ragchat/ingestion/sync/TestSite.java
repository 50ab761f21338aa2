package dev.ragchat.ingestion.sync;

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
 * logged.
 */
final class TestSite implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, Resource> resources = new ConcurrentHashMap<>();

	/** The requests it answered, in order. */
	final List<Request> log = new CopyOnWriteArrayList<>();

	/**
	 * @param address a loopback address, such as 127.0.0.1
	 */
	TestSite(String address) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
		this.server.createContext("/", this::answer);
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
			int status;
			if (resource == null) {
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
					exchange.getResponseBody().write(resource.body());
				}
			}
			this.log.add(new Request(path, ifNoneMatch, apiKey, status, at));
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
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
