package dev.ragchat.retrieval;

/**
 * A chunk found by a search.
 *
 * @param chunk the chunk
 * @param score how well it matches; comparable only within one search
 */
public record ScoredChunk(Chunk chunk, double score) {

}
