package dev.ragchat.ingestion.reading.pdf;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.reading.Ocr;
import dev.ragchat.ingestion.reading.PageProgress;
import dev.ragchat.ingestion.reading.PagedReader;
import dev.ragchat.ingestion.reading.ParsedDocument;
import dev.ragchat.ingestion.reading.Section;
import dev.ragchat.ingestion.reading.Titles;
import dev.ragchat.ingestion.reading.WorkFiles;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.ScratchFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * Reads a PDF page by page with PDFBox, keeping page numbers, in one pass over the pages.
 * PDFBox buffers in scratch files in the work directory rather than in memory, so a large
 * PDF costs disk, not heap. A page without a text layer is rendered and OCR'd when
 * Tesseract is installed and the page draws something OCR could read (an image, or glyphs
 * that yield no text); a blank page costs next to nothing. Pages that could not be read
 * are summarised in a few warnings, however many there are.
 */
public final class PdfReader implements PagedReader {

	/** The setting that raises the most pages a PDF may have. */
	static final String MAX_PAGES_SETTING = "RAGCHAT_INGESTION_MAX_PAGES";

	private static final int OCR_DPI = 300;

	private final Ocr ocr;

	private final int maxPages;

	private final Path workDir;

	public PdfReader(Ocr ocr, int maxPages, Path workDir) {
		this.ocr = ocr;
		this.maxPages = maxPages;
		this.workDir = workDir;
	}

	@Override
	public ParsedDocument read(Path file, PageProgress progress) throws IOException {
		MemoryUsageSetting scratch = MemoryUsageSetting.setupTempFileOnly();
		if (this.workDir != null) {
			scratch.setTempDir(this.workDir.toFile());
		}
		try (PDDocument pdf = Loader.loadPDF(file.toFile(), () -> new ScratchFile(scratch))) {
			int pages = pdf.getNumberOfPages();
			if (pages > this.maxPages) {
				throw new RejectedInputException("The PDF has " + pages + " pages; at most " + this.maxPages
						+ " are accepted; " + MAX_PAGES_SETTING + " raises the limit");
			}
			Pages reader = new Pages(pdf, pages, progress, Outline.of(pdf));
			reader.setParagraphEnd("\n\n");
			reader.writeText(pdf, reader.buffer);
			reader.blankUpTo(pages);
			return new ParsedDocument(reader.sections, pages, reader.warnings(),
					Titles.meaningful(pdf.getDocumentInformation().getTitle()));
		}
		catch (InvalidPasswordException ex) {
			throw new RejectedInputException("The PDF is encrypted with a password; upload it without one");
		}
	}

	private String ocr(PDFRenderer renderer, int page) throws IOException {
		BufferedImage image = renderer.renderImageWithDPI(page - 1, OCR_DPI, ImageType.GRAY);
		Path png = (this.workDir != null) ? WorkFiles.create(this.workDir, "page-", ".png")
				: Files.createTempFile("ragchat-page", ".png");
		try {
			ImageIO.write(image, "png", png.toFile());
			return this.ocr.read(png);
		}
		finally {
			Files.deleteIfExists(png);
		}
	}

	/**
	 * "Page 7 has" or "4,999 pages (2–5000) have", with at most a few ranges spelled out.
	 */
	static String pages(List<Integer> numbers) {
		if (numbers.size() == 1) {
			return "Page " + numbers.get(0) + " has";
		}
		List<String> ranges = new ArrayList<>();
		int start = numbers.get(0);
		int previous = start;
		for (int i = 1; i <= numbers.size(); i++) {
			if (i < numbers.size() && numbers.get(i) == previous + 1) {
				previous = numbers.get(i);
				continue;
			}
			ranges.add((start == previous) ? String.valueOf(start) : start + "–" + previous);
			if (i < numbers.size()) {
				start = numbers.get(i);
				previous = start;
			}
		}
		String spelled = (ranges.size() <= 5) ? String.join(", ", ranges)
				: String.join(", ", ranges.subList(0, 5)) + ", …";
		return String.format(Locale.ROOT, "%,d pages (%s) have", numbers.size(), spelled);
	}

	/**
	 * Strips the text of every page in one pass and handles each page as it ends.
	 */
	private final class Pages extends PDFTextStripper {

		final StringWriter buffer = new StringWriter();

		final List<Section> sections = new ArrayList<>();

		private final PDDocument pdf;

		private final int pages;

		private final PageProgress progress;

		private final List<Integer> blank = new ArrayList<>();

		private final List<Integer> unreadImages = new ArrayList<>();

		private final List<Integer> ocrFoundNothing = new ArrayList<>();

		private final Outline outline;

		/** Heading paths from the fonts, for a PDF without an outline. */
		private final FontHeadings headings = new FontHeadings();

		private PDFRenderer renderer;

		private int done;

		/** Whether OCR read the page that just ended. */
		private boolean ocrUsed;

		Pages(PDDocument pdf, int pages, PageProgress progress, Outline outline) {
			this.pdf = pdf;
			this.pages = pages;
			this.progress = progress;
			this.outline = outline;
		}

		@Override
		protected void writeString(String text, List<TextPosition> positions) throws IOException {
			this.headings.glyphs(this.buffer.getBuffer().length(), positions);
			super.writeString(text, positions);
		}

		@Override
		protected void writeLineSeparator() throws IOException {
			this.headings.lineEnd(this.buffer.getBuffer().length());
			super.writeLineSeparator();
		}

		@Override
		protected void writeParagraphEnd() throws IOException {
			this.headings.lineEnd(this.buffer.getBuffer().length());
			super.writeParagraphEnd();
		}

		@Override
		protected void startPage(PDPage page) {
			this.buffer.getBuffer().setLength(0);
		}

		/**
		 * Counts pages PDFBox skipped because they have no content stream at all.
		 */
		void blankUpTo(int last) {
			while (this.done < last) {
				this.done++;
				this.blank.add(this.done);
				this.progress.pages(this.done, this.pages);
			}
		}

		@Override
		protected void endPage(PDPage page) throws IOException {
			int number = getCurrentPageNo();
			blankUpTo(number - 1);
			this.done = number;
			String text = this.buffer.toString();
			boolean readByOcr = false;
			if (text.isBlank()) {
				this.ocrUsed = false;
				text = withoutTextLayer(page, number);
				readByOcr = true;
			}
			this.buffer.getBuffer().setLength(0);
			if (!this.outline.isEmpty()) {
				TableLines.split(number, this.outline.headingPath(number), text, this.sections);
			}
			else if (readByOcr) {
				// read by OCR: no fonts to go by, the path carries over
				this.headings.page("");
				TableLines.split(number, this.headings.path(), text, this.sections);
			}
			else {
				String header = null;
				for (FontHeadings.Piece piece : this.headings.page(text)) {
					header = TableLines.split(number, piece.headingPath(), piece.text(), this.sections, header);
				}
			}
			this.progress.page(number, text.length(), readByOcr && this.ocrUsed);
			this.progress.pages(number, this.pages);
		}

		private String withoutTextLayer(PDPage page, int number) throws IOException {
			if (!Drawing.of(page).needsOcr()) {
				this.blank.add(number);
				return "";
			}
			if (!PdfReader.this.ocr.isAvailable()) {
				this.unreadImages.add(number);
				return "";
			}
			this.renderer = (this.renderer != null) ? this.renderer : new PDFRenderer(this.pdf);
			this.ocrUsed = true;
			String text = ocr(this.renderer, number);
			if (text.isBlank()) {
				this.ocrFoundNothing.add(number);
			}
			return text;
		}

		List<String> warnings() {
			List<String> warnings = new ArrayList<>();
			if (!this.unreadImages.isEmpty()) {
				warnings.add(pages(this.unreadImages) + " no text layer, only images, and OCR is not available"
						+ " (install tesseract-ocr); not indexed");
			}
			if (!this.ocrFoundNothing.isEmpty()) {
				warnings.add(pages(this.ocrFoundNothing) + " no text layer and OCR found no text");
			}
			if (!this.blank.isEmpty()) {
				warnings.add(pages(this.blank) + " no text and nothing to read (blank)");
			}
			return warnings;
		}

	}

	/**
	 * Looks at what a page draws: OCR only helps where it draws an image, or glyphs that
	 * gave no text (fonts without a Unicode mapping, text too small to extract).
	 */
	private static final class Drawing extends PDFGraphicsStreamEngine {

		private boolean images;

		private boolean glyphs;

		private Drawing(PDPage page) {
			super(page);
		}

		static Drawing of(PDPage page) throws IOException {
			Drawing drawing = new Drawing(page);
			if (page.hasContents()) {
				drawing.processPage(page);
			}
			return drawing;
		}

		boolean needsOcr() {
			return this.images || this.glyphs;
		}

		@Override
		public void drawImage(PDImage pdImage) {
			this.images = true;
		}

		@Override
		protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement) {
			this.glyphs = true;
		}

		@Override
		public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
		}

		@Override
		public void clip(int windingRule) {
		}

		@Override
		public void moveTo(float x, float y) {
		}

		@Override
		public void lineTo(float x, float y) {
		}

		@Override
		public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
		}

		@Override
		public Point2D getCurrentPoint() {
			return new Point2D.Float();
		}

		@Override
		public void closePath() {
		}

		@Override
		public void endPath() {
		}

		@Override
		public void strokePath() {
		}

		@Override
		public void fillPath(int windingRule) {
		}

		@Override
		public void fillAndStrokePath(int windingRule) {
		}

		@Override
		public void shadingFill(COSName shadingName) {
		}

	}

}
