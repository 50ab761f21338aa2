package dev.ragchat.ingestion.archive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How far the compressed parts of one document may unpack: the entries of a DOCX, XLSX,
 * PPTX or OpenDocument file, and the documents inside a document (an e-mail's
 * attachments, the files of an attached ZIP, a gzip body). Counted as the bytes are
 * inflated, so a zip bomb fails after at most {@code maxInflated} bytes, never after the
 * whole of it was read.
 *
 * @param maxInflated the most bytes a document's archive may inflate to, its entries
 * together (and, apart, the most its embedded documents may hold together); one entry of
 * an Office file is never read past it
 * @param maxEntries the most entries a document's archive may hold (and the most embedded
 * documents it may carry)
 */
@ConfigurationProperties("ragchat.ingestion.archive")
public record ArchiveLimits(@DefaultValue("512MB") DataSize maxInflated, @DefaultValue("10000") int maxEntries) {

	/** The defaults, for readers made outside Spring. */
	public static final ArchiveLimits DEFAULTS = new ArchiveLimits(DataSize.ofMegabytes(512), 10_000);

	/** The setting that raises {@link #maxInflated}. */
	public static final String MAX_INFLATED_SETTING = "RAGCHAT_INGESTION_ARCHIVE_MAX_INFLATED";

	/** The setting that raises {@link #maxEntries}. */
	public static final String MAX_ENTRIES_SETTING = "RAGCHAT_INGESTION_ARCHIVE_MAX_ENTRIES";

	public ArchiveLimits {
		if (maxInflated.toBytes() < DataSize.ofMegabytes(1).toBytes()) {
			throw new IllegalArgumentException("ragchat.ingestion.archive.max-inflated must be at least 1MB");
		}
		if (maxEntries < 10) {
			throw new IllegalArgumentException("ragchat.ingestion.archive.max-entries must be at least 10");
		}
	}

}
