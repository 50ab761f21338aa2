package dev.ragchat.retrieval;

import java.util.Locale;

import dev.ragchat.errors.RejectedInputException;

/**
 * How a search finds chunks.
 */
public enum SearchMode {

	/** Nearest neighbours of the query's embedding. */
	VECTOR,

	/** BM25 over the chunks' words. */
	KEYWORD,

	/** Both, fused (see {@code Fusion}). */
	HYBRID;

	/**
	 * @param mode a mode as a caller writes it ({@code hybrid}, {@code vector},
	 * {@code keyword}, any case), or {@code null}
	 * @return the mode, hybrid when none is given
	 * @throws RejectedInputException for any other word
	 */
	public static SearchMode of(String mode) {
		if (mode == null) {
			return HYBRID;
		}
		try {
			return valueOf(mode.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new RejectedInputException("mode must be hybrid, vector or keyword");
		}
	}

}
