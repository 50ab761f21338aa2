/**
 * The rerank step, above retrieval: a reranker (a model that reads the question and each
 * candidate together) orders what hybrid search found, and the best few go on
 * ({@link dev.ragchat.retrieval.rerank.Reranking}). The port
 * ({@link dev.ragchat.retrieval.rerank.Reranker}) lives here so that any search may use
 * it; its HTTP adapter lives with the web edge's configuration.
 */
package dev.ragchat.retrieval.rerank;
