package dev.ragchat.retrieval.embedding;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.util.Assert;

/**
 * The embedding model a chunk index stores vectors of, with what a knowledge base records
 * about it (name and dimensions) and how it embeds queries.
 *
 * @param name the model's name, e.g. {@code bge-small-en-v1.5}
 * @param model embeds passages
 * @param dimensions the dimensions of its vectors
 * @param queries embeds queries
 */
public record IndexEmbedding(String name, EmbeddingModel model, int dimensions, QueryEmbedder queries) {

	public IndexEmbedding {
		Assert.hasText(name, "name must not be empty");
		Assert.notNull(model, "model must not be null");
		Assert.isTrue(dimensions > 0, "dimensions must be positive");
		Assert.notNull(queries, "queries must not be null");
	}

}
