package dev.ragchat.ingestion;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Ingestion settings.
 *
 * @param workers documents ingested at the same time
 * @param chunkTokens target chunk size in embedding-model tokens
 * @param chunkOverlapTokens tokens of the previous chunk repeated at the start of the
 * next
 * @param maxAttempts attempts before a document fails
 * @param lease how long a worker's claim on a job holds without a heartbeat
 * @param maxPages the most pages a PDF may have
 * @param maxText the most characters of text a document may yield
 * @param blobDir where originals are kept (default: {@code blobs} in the data directory)
 * @param ocrCommand the Tesseract executable
 * @param ocrLanguage Tesseract's language
 * @param ocrTimeout the longest one page's OCR may take
 * @param maxTime the longest one document's ingestion may take before it fails
 * @param quickWorkers workers that take only small documents (a lane that a huge document
 * never blocks); 0 turns the lane off
 * @param quickMaxPages the most pages a document may have to stay in the quick lane; a
 * larger one (or one of more than ten times as many chunks) is handed back to the other
 * workers
 * @param previewDpi the highest resolution of a page preview
 * @param previewMaxEdge the longest edge of a page preview in pixels
 */
@ConfigurationProperties("ragchat.ingestion")
public record IngestionProperties(@DefaultValue("1") int workers, @DefaultValue("400") int chunkTokens,
		@DefaultValue("60") int chunkOverlapTokens, @DefaultValue("3") int maxAttempts,
		@DefaultValue("2m") Duration lease, @DefaultValue("5000") int maxPages, @DefaultValue("20MB") DataSize maxText,
		Path blobDir, @DefaultValue("tesseract") String ocrCommand, @DefaultValue("eng") String ocrLanguage,
		@DefaultValue("120s") Duration ocrTimeout, @DefaultValue("60m") Duration maxTime,
		@DefaultValue("1") int quickWorkers, @DefaultValue("20") int quickMaxPages, @DefaultValue("110") int previewDpi,
		@DefaultValue("1600") int previewMaxEdge) {

	public IngestionProperties {
		if (previewDpi < 36 || previewDpi > 300) {
			throw new IllegalArgumentException("ragchat.ingestion.preview-dpi must be between 36 and 300");
		}
		if (previewMaxEdge < 200 || previewMaxEdge > 4000) {
			throw new IllegalArgumentException("ragchat.ingestion.preview-max-edge must be between 200 and 4000");
		}
	}

}
