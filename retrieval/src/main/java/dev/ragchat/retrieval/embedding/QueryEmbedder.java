package dev.ragchat.retrieval.embedding;

/**
 * Embeds a query the way the configured embedding model expects queries (bge wants an
 * instruction in front of them, never in front of passages), so that callers compare
 * queries with passages without knowing the model.
 */
@FunctionalInterface
public interface QueryEmbedder {

	float[] embed(String query);

}
