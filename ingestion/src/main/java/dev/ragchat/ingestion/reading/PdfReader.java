package dev.ragchat.ingestion.reading;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import dev.ragchat.errors.RejectedInputException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads a PDF page by page with PDFBox, keeping page numbers. PDFBox buffers in temp
 * files rather than memory, so a large PDF costs disk, not heap. A page without a text
 * layer is rendered and OCR'd when Tesseract is installed, else the document gets a
 * warning.
 */
final class PdfReader {

	private static final int OCR_DPI = 300;

	private final Ocr ocr;

	private final int maxPages;

	PdfReader(Ocr ocr, int maxPages) {
		this.ocr = ocr;
		this.maxPages = maxPages;
	}

	ParsedDocument read(Path file, PageProgress progress) throws IOException {
		try (PDDocument pdf = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
			int pages = pdf.getNumberOfPages();
			if (pages > this.maxPages) {
				throw new RejectedInputException(
						"The PDF has " + pages + " pages; at most " + this.maxPages + " are accepted");
			}
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setParagraphEnd("\n\n");
			PDFRenderer renderer = null;
			List<Section> sections = new ArrayList<>();
			List<String> warnings = new ArrayList<>();
			for (int page = 1; page <= pages; page++) {
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				String text = stripper.getText(pdf);
				if (text.isBlank()) {
					if (this.ocr.isAvailable()) {
						renderer = (renderer != null) ? renderer : new PDFRenderer(pdf);
						text = ocr(renderer, page);
						if (text.isBlank()) {
							warnings.add("Page " + page + " has no text layer and OCR found no text on it");
						}
					}
					else {
						warnings.add("Page " + page + " has no text layer and OCR is not available"
								+ " (install tesseract-ocr); it was not indexed");
					}
				}
				for (String paragraph : Paragraphs.split(text)) {
					sections.add(new Section(page, "", paragraph));
				}
				progress.pages(page, pages);
			}
			return new ParsedDocument(sections, pages, warnings);
		}
		catch (InvalidPasswordException ex) {
			throw new RejectedInputException("The PDF is encrypted with a password; upload it without one");
		}
	}

	private String ocr(PDFRenderer renderer, int page) throws IOException {
		BufferedImage image = renderer.renderImageWithDPI(page - 1, OCR_DPI, ImageType.GRAY);
		Path png = Files.createTempFile("ragchat-page", ".png");
		try {
			ImageIO.write(image, "png", png.toFile());
			return this.ocr.read(png);
		}
		finally {
			Files.deleteIfExists(png);
		}
	}

}
