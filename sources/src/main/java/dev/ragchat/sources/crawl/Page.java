package dev.ragchat.sources.crawl;

import java.net.URI;
import java.nio.file.Path;

/**
 * A page of a crawl.
 *
 * @param url its URL (the final one, after redirects)
 * @param kind what became of it
 * @param body its bytes (a fetched page; removed when the crawl moves on)
 * @param size their count, or -1
 * @param mediaType its media type (a fetched page), or {@code null}
 * @param validators what the server said about its version, or {@code null}
 * @param reason why it was skipped, failed or is gone, or {@code null}
 */
public record Page(URI url, Kind kind, Path body, long size, String mediaType, Crawler.Validators validators,
		String reason) {

	static Page skipped(URI url, String reason) {
		return new Page(url, Kind.SKIPPED, null, -1, null, null, reason);
	}

	static Page failed(URI url, String reason) {
		return new Page(url, Kind.FAILED, null, -1, null, null, reason);
	}

	/**
	 * @return a file name for its document: the last part of its path, with the extension
	 * of its type when it has none ({@code install.html}; {@code index.html} for a
	 * folder's page)
	 */
	public String filename() {
		String path = this.url.getPath();
		String part = path.substring(path.lastIndexOf('/') + 1);
		part = part.replaceAll("[^\\p{L}\\p{N}._-]+", "-");
		if (part.isEmpty() || part.equals(".") || part.equals("..")) {
			part = "index";
		}
		String extension = switch ((this.mediaType != null) ? this.mediaType : "") {
			case "text/html" -> part.matches("(?i).*\\.html?") ? "" : ".html";
			case "application/xhtml+xml" -> part.matches("(?i).*\\.x?html?") ? "" : ".xhtml";
			case "application/pdf" -> part.matches("(?i).*\\.pdf") ? "" : ".pdf";
			case "text/plain" -> part.contains(".") ? "" : ".txt";
			case "text/markdown", "text/x-web-markdown" -> part.matches("(?i).*\\.(md|markdown)") ? "" : ".md";
			case "text/csv" -> part.matches("(?i).*\\.csv") ? "" : ".csv";
			default -> "";
		};
		String name = part + extension;
		return (name.length() > 200) ? name.substring(name.length() - 200) : name;
	}

	/**
	 * What became of a page.
	 */
	public enum Kind {

		/** Read: its body is in a file. */
		FETCHED,

		/** Not modified since the validators of the stored copy (HTTP 304). */
		NOT_MODIFIED,

		/** Not there (HTTP 404 or 410). */
		GONE,

		/** Not read: its site's robots.txt, the scope, its type or its size. */
		SKIPPED,

		/** Could not be read: a server error, a refused host, a network failure. */
		FAILED

	}

}
