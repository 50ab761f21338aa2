/**
 * The search stage, the one way anything in ragchat searches a knowledge base: shape the
 * query, retrieve (as deep as a reranker reads), rerank, keep what reaches the reranker's
 * least score. {@link dev.ragchat.answer.search.KnowledgeBaseSearch} implements the
 * engine's {@link dev.ragchat.answer.Search}, which {@code /search} and the MCP
 * {@code search} tool call; the answer engine and the ground step's look-ups use it
 * directly ({@code ArchitectureTests}: nothing else calls the query shaper, the retriever
 * or the reranker). Its request and result ({@code SearchRequest}, {@code SearchScope},
 * {@code Found}) are the engine's API, one package up.
 */
package dev.ragchat.answer.search;
