package dev.ragchat.retrieval;

/**
 * How a search finds chunks.
 */
public enum SearchMode {

	/** Nearest neighbours of the query's embedding. */
	VECTOR,

	/** BM25 over the chunks' words. */
	KEYWORD,

	/** Both, fused by reciprocal rank. */
	HYBRID

}
