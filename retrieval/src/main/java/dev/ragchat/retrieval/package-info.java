/**
 * Retrieval: the embedding model, the chunk index (vector and keyword) and search. Its
 * front is {@link dev.ragchat.retrieval.ChunkIndex} with the records it takes and
 * returns; everything else stays package-private.
 */
package dev.ragchat.retrieval;
