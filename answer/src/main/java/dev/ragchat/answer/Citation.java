package dev.ragchat.answer;

import java.util.List;

import dev.ragchat.ingestion.reading.pdf.PdfPages;

/**
 * A source an answer cites with {@code [index]}. An answer's citations are numbered 1 to
 * n in the order the answer first cites them; sources it retrieved but did not cite are
 * not among them.
 *
 * @param index the number used in the answer
 * @param documentId the document
 * @param filename its file name
 * @param page the page the quote is on (the page the cited chunk starts on when there is
 * no quote)
 * @param chunkId the chunk
 * @param snippet the cited chunk's text (or its start)
 * @param score the chunk's retrieval score
 * @param quote the sentence of the source the cited sentence of the answer rests on,
 * verbatim as the document has it (blanks folded to single spaces), or {@code null} for
 * answers stored before quotes existed
 * @param boxes for a PDF: the quote's rectangles on its page, one per line, as fractions
 * of the page's width and height from its top-left corner; empty for other formats
 * @param webUrl for a page a web source read: the page's URL (a link to it, where a
 * browser can add a text fragment to find the quote); {@code null} for other documents
 * @param knowledgeBase the knowledge base of the document (a conversation may ask
 * several), or {@code null} for answers stored before citations said it
 */
public record Citation(int index, String documentId, String filename, int page, String chunkId, String snippet,
		double score, String quote, List<PdfPages.Box> boxes, String webUrl, String knowledgeBase) {

	/**
	 * The most characters of a source's text a citation's (or a passage's) snippet holds.
	 */
	public static final int SNIPPET_LENGTH = 300;

	public Citation {
		boxes = (boxes != null) ? List.copyOf(boxes) : List.of();
	}

	/**
	 * A citation that does not say its knowledge base (yet).
	 */
	public Citation(int index, String documentId, String filename, int page, String chunkId, String snippet,
			double score, String quote, List<PdfPages.Box> boxes, String webUrl) {
		this(index, documentId, filename, page, chunkId, snippet, score, quote, boxes, webUrl, null);
	}

	/**
	 * @param knowledgeBase the knowledge base of the document
	 * @return the same citation, saying it
	 */
	public Citation in(String knowledgeBase) {
		return new Citation(this.index, this.documentId, this.filename, this.page, this.chunkId, this.snippet,
				this.score, this.quote, this.boxes, this.webUrl, knowledgeBase);
	}

	/**
	 * A citation of a document that is no web page.
	 */
	public Citation(int index, String documentId, String filename, int page, String chunkId, String snippet,
			double score, String quote, List<PdfPages.Box> boxes) {
		this(index, documentId, filename, page, chunkId, snippet, score, quote, boxes, null);
	}

	/**
	 * @param values a chunk's values (its document's metadata and more)
	 * @return the page's URL when a web source read the document (its {@code path} an
	 * http(s) URL and its {@code source} set), else {@code null}
	 */
	public static String webUrl(java.util.Map<String, Object> values) {
		return (values.get("source") instanceof String && values.get("path") instanceof String path
				&& (path.startsWith("https://") || path.startsWith("http://"))) ? path : null;
	}

}
