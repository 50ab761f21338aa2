package dev.ragchat.ingestion.reading;

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
 * inspection). The file name only refines plain text into another text type (Markdown,
 * CSV), so a file named {@code .pdf} that is not a PDF is never taken for one.
 */
public final class MediaTypes {

	static final String PDF = "application/pdf";

	static final String MARKDOWN = "text/markdown";

	static final Set<String> ALLOWED = Set.of(PDF,
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			"application/vnd.openxmlformats-officedocument.presentationml.presentation",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			"application/vnd.oasis.opendocument.text", "text/html", "application/xhtml+xml", MARKDOWN,
			"text/x-web-markdown", "text/plain", "text/csv", "message/rfc822", "image/png", "image/jpeg", "image/tiff");

	static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/tiff");

	private final Detector detector = TikaConfig.getDefaultConfig().getDetector();

	/**
	 * @param file the uploaded bytes
	 * @param filename the name it came with (a hint only)
	 * @return the media type without parameters, e.g. {@code application/pdf}
	 */
	public String detect(Path file, String filename) {
		String byContent = detect(file, new Metadata());
		if (!"text/plain".equals(byContent)) {
			return byContent;
		}
		Metadata named = new Metadata();
		named.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
		String byName = detect(file, named);
		return byName.startsWith("text/") ? byName : byContent;
	}

	private String detect(Path file, Metadata metadata) {
		try (InputStream in = TikaInputStream.get(file)) {
			MediaType type = this.detector.detect(in, metadata);
			return type.getBaseType().toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static boolean isAllowed(String mediaType) {
		return ALLOWED.contains(mediaType);
	}

}
