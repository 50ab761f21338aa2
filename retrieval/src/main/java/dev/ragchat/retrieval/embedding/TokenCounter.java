package dev.ragchat.retrieval.embedding;

/**
 * Counts tokens the way the embedding model sees them, so chunks can be sized to it.
 */
@FunctionalInterface
public interface TokenCounter {

	int count(String text);

}
