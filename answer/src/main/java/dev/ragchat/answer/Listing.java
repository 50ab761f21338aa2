package dev.ragchat.answer;

import java.util.List;

import dev.ragchat.retrieval.ChunkSearch;

/**
 * The answer to a question about the whole scope: every document of it that says what was
 * asked, each with the quote that says it. The count and the items come from the engine's
 * scan and judge, never from a language model.
 *
 * @param asks what was asked: {@value #WHICH}, {@value #HOW_MANY}, {@value #LIST} or
 * {@value #EACH}
 * @param says what a document must say to be an item, as the question put it
 * @param count how many documents say it (the items)
 * @param scanned how many documents the scope holds: those the question was asked of
 * @param truncated whether the scan of a knowledge base stopped at its depth (at least
 * {@value #SCAN_DEPTH} passages that write the question's words,
 * {@value #SCAN_PER_DOCUMENT} of each document of a larger scope), so that more documents
 * may say it
 * @param items the documents that say it, in the order the scan ranked them
 */
public record Listing(String asks, String says, int count, int scanned, boolean truncated, List<Item> items) {

	/** "Which contracts have a termination fee?" */
	public static final String WHICH = "which";

	/** "How many policies mention remote work?" */
	public static final String HOW_MANY = "how-many";

	/** "List every supplier named in the contracts." */
	public static final String LIST = "list";

	/** "What is the notice period of each contract?" */
	public static final String EACH = "each";

	/**
	 * How many passages that write the question's words a scan reads at most of a scope
	 * of few documents; of a larger one, {@value #SCAN_PER_DOCUMENT} of each of its
	 * documents, up to {@value #SCAN_DEPTH_MOST}.
	 */
	public static final int SCAN_DEPTH = 5000;

	/**
	 * How many passages a scan reads at most, however many documents the scope holds: as
	 * many as one answer judges in about three seconds on two cores.
	 */
	public static final int SCAN_DEPTH_MOST = ChunkSearch.MAX_SCAN;

	/**
	 * How many of one document's passages a scan reads at most, its best: the scan
	 * reaches every document that writes the words before it reads many passages of one.
	 */
	public static final int SCAN_PER_DOCUMENT = 3;

	/**
	 * @param documents how many documents a scope holds
	 * @return how many passages a scan of it reads at most
	 */
	public static int scanDepth(int documents) {
		return Math.min(SCAN_DEPTH_MOST, Math.max(SCAN_DEPTH, SCAN_PER_DOCUMENT * documents));
	}

	/** How many items the answer's text lists; all are in {@link #items()}. */
	public static final int SHOWN = 50;

	public Listing {
		items = List.copyOf(items);
	}

	/**
	 * A document that says it.
	 *
	 * @param documentId the document
	 * @param title its title (its file name when it has none)
	 * @param filename its file name
	 * @param page the page of the quote
	 * @param quote the sentence that says it, as the document writes it
	 * @param citation the number of the answer's citation of it (the text cites the first
	 * {@value #SHOWN}), or {@code null}
	 * @param value for a figure asked of each document, the figure the quote gives, else
	 * {@code null}
	 * @param chunkId the passage of the quote
	 * @param knowledgeBase the knowledge base of the document
	 */
	public record Item(String documentId, String title, String filename, int page, String quote, Integer citation,
			Value value, String chunkId, String knowledgeBase) {

		/**
		 * @param number the number of the answer's citation of it
		 * @param page the page the citation located the quote on
		 * @param quote the quote as the citation verified it
		 * @return the item, cited
		 */
		public Item cited(int number, int page, String quote) {
			return new Item(this.documentId, this.title, this.filename, page, quote, number, this.value, this.chunkId,
					this.knowledgeBase);
		}

	}

	/**
	 * A figure or a name read from a quote.
	 *
	 * @param text the figure as written ("EUR 5,000", "30 days"), or the name
	 * @param amount its number ({@code null} for a name)
	 * @param unit its unit or currency as written, or {@code null}
	 * @param period the year the quote (or its heading) gives it for, or {@code null}
	 */
	public record Value(String text, Double amount, String unit, String period) {

	}

}
