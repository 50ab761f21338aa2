package dev.ragchat.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/**
 * Detects a file's media type from its content (Tika's magic bytes and container
 * inspection); the file name only refines a generic answer (a Markdown file is plain text
 * by content), so a file named {@code .pdf} that is not a PDF is not taken for one.
 */
final class MediaTypes {

	static final String PDF = "application/pdf";

	static final String MARKDOWN = "text/x-web-markdown";

	static final Set<String> ALLOWED = Set.of(PDF,
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			"application/vnd.openxmlformats-officedocument.presentationml.presentation",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			"application/vnd.oasis.opendocument.text", "text/html", "application/xhtml+xml", MARKDOWN, "text/markdown",
			"text/plain", "text/csv", "message/rfc822", "image/png", "image/jpeg", "image/tiff");

	static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/tiff");

	private final Detector detector = TikaConfig.getDefaultConfig().getDetector();

	/**
	 * @param file the uploaded bytes
	 * @param filename the name it came with (a hint only)
	 * @return the media type without parameters, e.g. {@code application/pdf}
	 */
	String detect(Path file, String filename) {
		Metadata metadata = new Metadata();
		metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
		try (InputStream in = TikaInputStream.get(file)) {
			MediaType type = this.detector.detect(in, metadata);
			return type.getBaseType().toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static boolean isAllowed(String mediaType) {
		return ALLOWED.contains(mediaType);
	}

}
