/**
 * The embedded chunk index: HNSW vectors and BM25 in one Lucene index.
 */
package dev.ragchat.retrieval.lucene;
