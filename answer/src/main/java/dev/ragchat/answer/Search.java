package dev.ragchat.answer;

/**
 * The one search of a knowledge base (or of several): shape the query, retrieve, rerank,
 * keep what reaches the reranker's least score. {@code /search} and the MCP
 * {@code search} tool call it; the engine's stages use its implementation
 * ({@code answer.search.KnowledgeBaseSearch}) for the rest: shaping, scans and look-ups.
 */
public interface Search {

	/**
	 * @param request what to look for, where and how
	 * @return the shaped query and the chunks found, best first
	 */
	Found search(SearchRequest request);

}
