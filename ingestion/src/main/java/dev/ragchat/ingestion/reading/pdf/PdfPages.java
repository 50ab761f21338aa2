package dev.ragchat.ingestion.reading.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Where text stands on a PDF page, and the page as a picture: finds a passage of a chunk
 * on its page by PDFBox's text positions (the same stripper ingestion reads with), gives
 * it back verbatim as the page has it with the rectangles it covers, and renders a page
 * with such rectangles highlighted.
 * <p>
 * A passage is matched on its letters and digits only (case-blind), so line breaks,
 * hyphenation at line ends and spacing that ingestion folded do not stop it from being
 * found; the quote returned is the page's own text over the matched glyphs. A passage
 * that is not on the page word for word (a table row an answer wrote again in its own
 * way: cells in another order, a label shortened, a number without its currency sign) is
 * looked for as the one to three lines that hold most of its words and numbers
 * ({@link Rows}).
 */
public final class PdfPages {

	private static final Color FILL = new Color(255, 214, 0, 110);

	private static final Color EDGE = new Color(220, 120, 0, 230);

	private PdfPages() {
	}

	/**
	 * @param pdf the document
	 * @param page the page to look on (1-based)
	 * @param passage text taken from that page (a sentence of a chunk, or a whole chunk)
	 * @return the passage as the page has it and its rectangles, or empty when it is not
	 * on the page
	 * @throws IOException if the page cannot be read
	 */
	public static Optional<Located> locate(PDDocument pdf, int page, String passage) throws IOException {
		if (page < 1 || page > pdf.getNumberOfPages()) {
			return Optional.empty();
		}
		Glyphs glyphs = Glyphs.of(pdf, page);
		StringBuilder key = new StringBuilder();
		List<Integer> at = new ArrayList<>();
		for (int i = 0; i < glyphs.text.length(); i++) {
			char c = glyphs.text.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				key.append(Character.toLowerCase(c));
				at.add(i);
			}
		}
		String wanted = key(passage);
		int start = wanted.isEmpty() ? -1 : key.indexOf(wanted);
		if (start < 0) {
			return Rows.closest(glyphs.text, passage).map((lines) -> located(glyphs, page, lines[0], lines[1]));
		}
		int first = at.get(start);
		int last = at.get(start + wanted.length() - 1);
		// the quote keeps the punctuation that clings to its first and last words
		while (first > 0 && !Character.isWhitespace(glyphs.text.charAt(first - 1))) {
			first--;
		}
		while (last + 1 < glyphs.text.length() && !Character.isWhitespace(glyphs.text.charAt(last + 1))) {
			last++;
		}
		return Optional.of(located(glyphs, page, first, last));
	}

	/** The page's text from {@code first} to {@code last} (inclusive) and its boxes. */
	private static Located located(Glyphs glyphs, int page, int first, int last) {
		String quote = glyphs.text.substring(first, last + 1).replaceAll("\\s+", " ").strip();
		List<TextPosition> covered = new ArrayList<>();
		for (int i = first; i <= last; i++) {
			TextPosition position = glyphs.positions.get(i);
			if (position != null && (covered.isEmpty() || covered.get(covered.size() - 1) != position)) {
				covered.add(position);
			}
		}
		return new Located(quote, page, boxes(page, covered));
	}

	/**
	 * Renders a page, its longer edge at most {@code maxEdge} pixels and its resolution
	 * at most {@code dpi}, with the boxes of that page drawn over it.
	 * @param pdf the document
	 * @param page the page (1-based)
	 * @param dpi the highest resolution
	 * @param maxEdge the longest edge in pixels
	 * @param highlight boxes to draw (those of other pages are ignored)
	 * @return the picture
	 * @throws IOException if the page cannot be rendered
	 */
	public static BufferedImage render(PDDocument pdf, int page, int dpi, int maxEdge, List<Box> highlight)
			throws IOException {
		PDPage pdPage = pdf.getPage(page - 1);
		PDRectangle crop = pdPage.getCropBox();
		float longest = Math.max(crop.getWidth(), crop.getHeight());
		float scale = Math.min(dpi / 72f, maxEdge / Math.max(longest, 1f));
		BufferedImage image = new PDFRenderer(pdf).renderImage(page - 1, scale, ImageType.RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setStroke(new BasicStroke(Math.max(1f, scale)));
			for (Box box : highlight) {
				if (box.page() != page) {
					continue;
				}
				int x = (int) Math.floor(box.x() * image.getWidth());
				int y = (int) Math.floor(box.y() * image.getHeight());
				int w = (int) Math.ceil(box.width() * image.getWidth());
				int h = (int) Math.ceil(box.height() * image.getHeight());
				g.setColor(FILL);
				g.fillRect(x, y, w, h);
				g.setColor(EDGE);
				g.drawRect(x, y, w, h);
			}
		}
		finally {
			g.dispose();
		}
		return image;
	}

	/**
	 * One rectangle per line of the covered glyphs, as fractions of the page: x from the
	 * left edge, y from the top edge, of the page as it is displayed (its crop box,
	 * rotated).
	 */
	private static List<Box> boxes(int page, List<TextPosition> covered) {
		List<Box> boxes = new ArrayList<>();
		double left = 0;
		double right = 0;
		double top = 0;
		double bottom = 0;
		double baseline = Double.NaN;
		double width = 1;
		double height = 1;
		for (TextPosition p : covered) {
			double x = p.getXDirAdj();
			double y = p.getYDirAdj();
			double glyphHeight = Math.max(p.getHeightDir(), 1);
			boolean sameLine = !Double.isNaN(baseline) && Math.abs(y - baseline) < glyphHeight / 2;
			if (!sameLine) {
				if (!Double.isNaN(baseline)) {
					boxes.add(box(page, left, top, right, bottom, width, height));
				}
				left = x;
				right = x + p.getWidthDirAdj();
				top = y - glyphHeight;
				bottom = y;
				baseline = y;
				width = p.getPageWidth();
				height = p.getPageHeight();
			}
			else {
				left = Math.min(left, x);
				right = Math.max(right, x + p.getWidthDirAdj());
				top = Math.min(top, y - glyphHeight);
				bottom = Math.max(bottom, y);
			}
		}
		if (!Double.isNaN(baseline)) {
			boxes.add(box(page, left, top, right, bottom, width, height));
		}
		return boxes;
	}

	private static Box box(int page, double left, double top, double right, double bottom, double pageWidth,
			double pageHeight) {
		// a little air around the glyphs, then clipped to the page
		double pad = 1.5;
		double x0 = clamp((left - pad) / pageWidth);
		double y0 = clamp((top - pad) / pageHeight);
		double x1 = clamp((right + pad) / pageWidth);
		double y1 = clamp((bottom + pad * 2) / pageHeight);
		return new Box(page, round(x0), round(y0), round(x1 - x0), round(y1 - y0));
	}

	private static double clamp(double value) {
		return Math.max(0, Math.min(1, value));
	}

	private static double round(double value) {
		return Math.floor(value * 10000) / 10000;
	}

	static String key(String text) {
		StringBuilder key = new StringBuilder(text.length());
		text.codePoints().forEach((c) -> {
			if (Character.isLetterOrDigit(c)) {
				key.append(String.valueOf(Character.toChars(c)).toLowerCase(Locale.ROOT));
			}
		});
		return key.toString();
	}

	/**
	 * A rectangle of a page, in fractions of the page's displayed width and height.
	 *
	 * @param page the page (1-based)
	 * @param x left edge, from the page's left
	 * @param y top edge, from the page's top
	 * @param width its width
	 * @param height its height
	 */
	public record Box(int page, double x, double y, double width, double height) {

	}

	/**
	 * A passage found on a page.
	 *
	 * @param quote the page's own text of the passage, blanks folded to single spaces
	 * @param page the page
	 * @param boxes the rectangles it covers, one per line
	 */
	public record Located(String quote, int page, List<Box> boxes) {

		public Located {
			boxes = List.copyOf(boxes);
		}

	}

	/**
	 * A page's text as the ingestion stripper writes it, with the glyph behind each
	 * character ({@code null} for the blanks and line breaks the stripper adds).
	 */
	private static final class Glyphs extends PDFTextStripper {

		final StringBuilder text = new StringBuilder();

		final List<TextPosition> positions = new ArrayList<>();

		static Glyphs of(PDDocument pdf, int page) throws IOException {
			Glyphs glyphs = new Glyphs();
			glyphs.setStartPage(page);
			glyphs.setEndPage(page);
			glyphs.setParagraphEnd("\n\n");
			glyphs.writeText(pdf, new StringWriter());
			return glyphs;
		}

		@Override
		protected void writeString(String string, List<TextPosition> textPositions) {
			for (TextPosition position : textPositions) {
				String unicode = position.getUnicode();
				for (int i = 0; i < unicode.length(); i++) {
					this.text.append(unicode.charAt(i));
					this.positions.add(position);
				}
			}
		}

		@Override
		protected void writeWordSeparator() {
			blank(' ');
		}

		@Override
		protected void writeLineSeparator() {
			blank('\n');
		}

		@Override
		protected void writeParagraphEnd() {
			blank('\n');
		}

		private void blank(char c) {
			this.text.append(c);
			this.positions.add(null);
		}

	}

}
