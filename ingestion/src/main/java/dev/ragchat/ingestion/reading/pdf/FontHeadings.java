package dev.ragchat.ingestion.reading.pdf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.ragchat.retrieval.query.StopWords;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.TextPosition;

/**
 * Heading paths of a PDF without an outline, from its fonts. While PDFBox writes a page,
 * each line's glyphs are counted by size and weight; when the page ends, a short line of
 * words (not a table row, not a run of figures) set in bold at the size of the page's
 * body text or larger, or at least a quarter larger than the body text, is a heading.
 * Heading lines that follow each other at the same size are one heading ("AMAZON.COM,
 * INC." above "CONSOLIDATED STATEMENTS OF CASH FLOWS"). A larger heading is above a
 * smaller one in the path; a heading of the same size or larger replaces those of its
 * size and below. The path carries over to the next pages until a heading replaces it.
 * Hand-written: PDFBox gives the glyphs' fonts and sizes but no heading detection, and
 * Tika's PDF parser none either.
 */
final class FontHeadings {

	static final int MAX_DEPTH = 3;

	private static final int MAX_CHARS = 150;

	private static final int MAX_WORDS = 20;

	/** Sizes within this many points are the same size. */
	private static final float SAME_SIZE = 0.3f;

	private static final Pattern BOLD_NAME = Pattern.compile("(?i).*(bold|black|heavy|demi|semibold).*");

	private int pages;

	/** The heading path in force, larger headings first. */
	private final Deque<Heading> path = new ArrayDeque<>();

	/** Glyph count by size (in tenths of a point) on the current page. */
	private final Map<Integer, Integer> sizes = new HashMap<>();

	private final List<Line> lines = new ArrayList<>();

	private int lineStart = -1;

	private int lineGlyphs;

	private int lineBold;

	private final Map<Integer, Integer> lineSizes = new HashMap<>();

	/**
	 * Counts glyphs of the current line.
	 * @param offset where in the page's text they are written
	 * @param positions the glyphs
	 */
	void glyphs(int offset, List<TextPosition> positions) {
		if (this.lineStart < 0) {
			this.lineStart = offset;
		}
		for (TextPosition position : positions) {
			int size = Math.round(position.getHeightDir() * 10);
			this.lineSizes.merge(size, 1, Integer::sum);
			this.sizes.merge(size, 1, Integer::sum);
			this.lineGlyphs++;
			if (isBold(position.getFont())) {
				this.lineBold++;
			}
		}
	}

	/**
	 * Ends the current line.
	 * @param offset where in the page's text it ends
	 */
	void lineEnd(int offset) {
		if (this.lineStart >= 0 && this.lineGlyphs > 0) {
			this.lines.add(new Line(this.lineStart, offset, mode(this.lineSizes) / 10f,
					this.lineBold >= this.lineGlyphs * 0.8));
		}
		this.lineStart = -1;
		this.lineGlyphs = 0;
		this.lineBold = 0;
		this.lineSizes.clear();
	}

	/**
	 * Ends the page: finds its headings and cuts its text where they start.
	 * @param text the page's text, as written while the glyphs were counted
	 * @return the page's text in pieces, each with the heading path in force over it, in
	 * order (one piece when the page has no heading)
	 */
	List<Piece> page(String text) {
		lineEnd(text.length());
		if (++this.pages == 2) {
			this.path.clear();
		}
		List<Piece> pieces = new ArrayList<>();
		float body = mode(this.sizes) / 10f;
		int pieceStart = 0;
		Line previousHeading = null;
		for (Line line : this.lines) {
			String words = text.substring(Math.min(line.start(), text.length()), Math.min(line.end(), text.length()))
				.replace('\u00A0', ' ')
				.replaceAll("\\s+", " ")
				.strip();
			if (!isHeading(line, words, body)) {
				previousHeading = null;
				continue;
			}
			boolean continues = previousHeading != null && Math.abs(previousHeading.size() - line.size()) <= SAME_SIZE;
			if (!continues) {
				if (line.start() > pieceStart) {
					pieces.add(new Piece(text.substring(pieceStart, line.start()), path()));
				}
				pieceStart = line.start();
				push(new Heading(line.size(), words));
			}
			else {
				Heading last = this.path.removeLast();
				this.path.addLast(new Heading(last.size(), last.text() + " " + words));
			}
			previousHeading = line;
		}
		pieces.add(new Piece(text.substring(Math.min(pieceStart, text.length())), path()));
		this.lines.clear();
		this.sizes.clear();
		return pieces;
	}

	/**
	 * @return the heading path in force, for a page with no text layer of its own
	 */
	String path() {
		return String.join(" > ", this.path.stream().map(Heading::text).toList());
	}

	private void push(Heading heading) {
		while (!this.path.isEmpty() && this.path.peekLast().size() <= heading.size() + SAME_SIZE) {
			this.path.removeLast();
		}
		if (this.path.size() >= MAX_DEPTH) {
			this.path.removeLast();
		}
		this.path.addLast(heading);
	}

	private static boolean isHeading(Line line, String words, float body) {
		boolean larger = line.size() >= body * 1.25f;
		boolean set = larger || (line.bold() && line.size() >= body * 0.95f && isTitleCase(words));
		if (!set || words.length() > MAX_CHARS || words.split(" ").length > MAX_WORDS) {
			return false;
		}
		long letters = words.chars().filter(Character::isLetter).count();
		long visible = words.chars().filter((c) -> !Character.isWhitespace(c)).count();
		String lower = words.toLowerCase(Locale.ROOT);
		return letters >= 3 && letters * 2 >= visible && !lower.equals("table of contents")
				&& !words.matches("^[(•·▪*-].*|.*[,;]$") && !TableLines.isRow(words) && !TableLines.isHeader(words);
	}

	private static boolean isTitleCase(String words) {
		for (String word : words.split(" ")) {
			String bare = word.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}.]+$", "");
			if (!bare.isEmpty() && Character.isLowerCase(bare.charAt(0)) && !minor(bare.toLowerCase(Locale.ROOT))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isBold(PDFont font) {
		if (font == null) {
			return false;
		}
		if (font.getName() != null && BOLD_NAME.matcher(font.getName()).matches()) {
			return true;
		}
		PDFontDescriptor descriptor = font.getFontDescriptor();
		return descriptor != null && (descriptor.isForceBold() || descriptor.getFontWeight() >= 600);
	}

	private static int mode(Map<Integer, Integer> counts) {
		return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0);
	}

	/**
	 * Words title case leaves in lower case: English stop words (articles, prepositions,
	 * conjunctions), "per" and "vs".
	 */
	private static boolean minor(String word) {
		return StopWords.contains(word) || word.matches("per|vs\\.?");
	}

	/**
	 * A piece of a page's text and the heading path in force over it.
	 *
	 * @param text the text
	 * @param headingPath the path
	 */
	record Piece(String text, String headingPath) {

	}

	private record Line(int start, int end, float size, boolean bold) {

	}

	private record Heading(float size, String text) {

	}

}
