package dev.ragchat.ingestion;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Ingestion settings.
 *
 * @param workers documents ingested at the same time by the main workers (default: the
 * machine's cores, at least 1 and at most 4)
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
 * @param quickWorkers workers that take only small documents (a lane that a large
 * document never blocks); 0 turns the lane off
 * @param quickMaxPages the most pages a small document may have: the quick lane hands a
 * longer one back to the main workers as soon as it opens it
 * @param quickMaxText the most characters of text a small document may have (a page read
 * by OCR counts as at least 10,000): the quick lane hands one with more back to the main
 * workers as soon as its pages read so far pass it
 * @param previewDpi the highest resolution of a page preview
 * @param previewMaxEdge the longest edge of a page preview in pixels
 */
@ConfigurationProperties("ragchat.ingestion")
public record IngestionProperties(Integer workers, @DefaultValue("400") int chunkTokens,
		@DefaultValue("60") int chunkOverlapTokens, @DefaultValue("3") int maxAttempts,
		@DefaultValue("2m") Duration lease, @DefaultValue("5000") int maxPages, @DefaultValue("20MB") DataSize maxText,
		Path blobDir, @DefaultValue("tesseract") String ocrCommand, @DefaultValue("eng") String ocrLanguage,
		@DefaultValue("120s") Duration ocrTimeout, @DefaultValue("60m") Duration maxTime,
		@DefaultValue("1") int quickWorkers, @DefaultValue("100") int quickMaxPages,
		@DefaultValue("200KB") DataSize quickMaxText, @DefaultValue("110") int previewDpi,
		@DefaultValue("1600") int previewMaxEdge) {

	/** The most main workers by default: each holds a document's text in the heap. */
	static final int MOST_DEFAULT_WORKERS = 4;

	public IngestionProperties {
		if (workers == null) {
			workers = defaultWorkers(Runtime.getRuntime().availableProcessors());
		}
		if (workers < 1) {
			throw new IllegalArgumentException("ragchat.ingestion.workers must be at least 1");
		}
		if (previewDpi < 36 || previewDpi > 300) {
			throw new IllegalArgumentException("ragchat.ingestion.preview-dpi must be between 36 and 300");
		}
		if (previewMaxEdge < 200 || previewMaxEdge > 4000) {
			throw new IllegalArgumentException("ragchat.ingestion.preview-max-edge must be between 200 and 4000");
		}
	}

	/**
	 * The main workers for a machine, when the setting is not given: its cores, at least
	 * 1 and at most {@value #MOST_DEFAULT_WORKERS}. A document's embedding already
	 * spreads over every core (the index hands the model 32 texts at a time, one run per
	 * core), so one worker leaves all but one core idle while it reads a document (PDF
	 * text, OCR); a second one embeds its document meanwhile
	 * (docs/decisions/0028-ingestion-speed.md). The bound keeps the documents held in the
	 * heap at once within its default 2 GiB.
	 * @param cores the machine's cores
	 * @return how many main workers
	 */
	static int defaultWorkers(int cores) {
		return Math.min(MOST_DEFAULT_WORKERS, Math.max(1, cores));
	}

}
