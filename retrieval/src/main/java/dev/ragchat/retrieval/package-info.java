/**
 * Retrieval: the embedding model choice, the chunk index (vector and keyword) and hybrid
 * search. Its front is an index writer and a retriever; everything else stays
 * package-private. Filled in by the ingestion and chat issues.
 */
package dev.ragchat.retrieval;
