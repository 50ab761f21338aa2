package dev.ragchat.ingestion;

import java.time.Instant;

/**
 * A knowledge base: a set of documents searched together, built with one embedding model.
 *
 * @param id its id ({@code default} for the one that always exists)
 * @param name a display name
 * @param description what it holds, or {@code null}
 * @param embeddingModel the embedding model its vectors come from
 * @param dimensions the dimensions of those vectors
 * @param createdAt when it was created
 */
public record KnowledgeBase(String id, String name, String description, String embeddingModel, int dimensions,
		Instant createdAt) {

	/** The id of the knowledge base that exists from the first start. */
	public static final String DEFAULT = "default";

}
