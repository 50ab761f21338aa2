package dev.ragchat.ingestion.reading;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.ragchat.ingestion.archive.ArchiveLimits;

/**
 * Picks the reader for a media type: PDFBox for PDFs, OCR for images, the Markdown
 * reader, Tika for the rest.
 */
public final class DocumentReader {

	/** The setting that raises the most characters of text a document may yield. */
	static final String MAX_TEXT_SETTING = "RAGCHAT_INGESTION_MAX_TEXT";

	private final PagedReader pdf;

	private final TikaReader tika;

	private final MarkdownReader markdown;

	private final Ocr ocr;

	/**
	 * @param ocr the OCR engine (Tesseract)
	 * @param pdf the PDF reader ({@code reading.pdf.PdfReader}, with its page limit)
	 * @param maxCharacters the most characters of text a document may yield
	 * @param archives how far a document's compressed parts may unpack
	 */
	public DocumentReader(Ocr ocr, PagedReader pdf, long maxCharacters, ArchiveLimits archives) {
		this.ocr = ocr;
		this.pdf = pdf;
		this.tika = new TikaReader(maxCharacters, archives);
		this.markdown = new MarkdownReader(this.tika, maxCharacters);
	}

	public ParsedDocument read(Path file, String mediaType, PageProgress progress) throws IOException {
		if (MediaTypes.PDF.equals(mediaType)) {
			return this.pdf.read(file, progress);
		}
		ParsedDocument parsed;
		if (MediaTypes.IMAGES.contains(mediaType)) {
			parsed = image(file);
		}
		else if (MediaTypes.MARKDOWN.equals(mediaType) || "text/x-web-markdown".equals(mediaType)) {
			parsed = this.markdown.read(file);
		}
		else {
			parsed = this.tika.read(file, mediaType);
		}
		progress.pages(parsed.pages(), parsed.pages());
		return parsed;
	}

	private ParsedDocument image(Path file) throws IOException {
		if (!this.ocr.isAvailable()) {
			return new ParsedDocument(List.of(), 1,
					List.of("Page 1 is an image and OCR is not available (install tesseract-ocr); it was not indexed"));
		}
		List<Section> sections = Paragraphs.split(this.ocr.read(file))
			.stream()
			.map((text) -> new Section(1, "", text))
			.toList();
		return new ParsedDocument(sections, 1,
				sections.isEmpty() ? List.of("Page 1 is an image and OCR found no text on it") : List.of());
	}

}
