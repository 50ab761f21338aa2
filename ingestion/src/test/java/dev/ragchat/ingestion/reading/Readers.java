package dev.ragchat.ingestion.reading;

import java.nio.file.Path;

import dev.ragchat.ingestion.archive.ArchiveLimits;
import dev.ragchat.ingestion.reading.pdf.PdfReader;

/**
 * Document readers for tests, wired as {@code IngestionConfiguration} wires the
 * service's.
 */
public final class Readers {

	private Readers() {
	}

	/**
	 * @param ocr the OCR engine
	 * @param maxPages the most pages a PDF may have
	 * @param maxCharacters the most characters of text a document may yield
	 * @return a reader whose scratch files go to the system's temp directory
	 */
	public static DocumentReader of(Ocr ocr, int maxPages, long maxCharacters) {
		return of(ocr, maxPages, maxCharacters, null);
	}

	/**
	 * @param ocr the OCR engine
	 * @param maxPages the most pages a PDF may have
	 * @param maxCharacters the most characters of text a document may yield
	 * @param workDir where scratch files go
	 * @return a reader
	 */
	public static DocumentReader of(Ocr ocr, int maxPages, long maxCharacters, Path workDir) {
		return of(ocr, maxPages, maxCharacters, workDir, ArchiveLimits.DEFAULTS);
	}

	/**
	 * @param ocr the OCR engine
	 * @param maxPages the most pages a PDF may have
	 * @param maxCharacters the most characters of text a document may yield
	 * @param workDir where scratch files go
	 * @param archives how far a document's compressed parts may unpack
	 * @return a reader
	 */
	public static DocumentReader of(Ocr ocr, int maxPages, long maxCharacters, Path workDir, ArchiveLimits archives) {
		return new DocumentReader(ocr, new PdfReader(ocr, maxPages, workDir), maxCharacters, archives);
	}

}
