package dev.ragchat.answer;

/**
 * The one search of a knowledge base (or of several): shape the query, retrieve, rerank,
 * keep what reaches the reranker's least score. {@code /search}, the MCP {@code search}
 * tool and the answer engine's own stages search through it.
 */
public interface Search {

	/**
	 * @param request what to look for, where and how
	 * @return the shaped query and the chunks found, best first
	 */
	Found search(SearchRequest request);

}
