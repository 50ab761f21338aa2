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

	/**
	 * How the id of a chat session's own knowledge base starts: it is named as its
	 * session ({@code ses_…}), holds the files dropped into that conversation and nothing
	 * else, and is no one's to list, search or use outside it.
	 */
	public static final String SESSION_PREFIX = "ses_";

	/**
	 * @param id a knowledge base id
	 * @return whether it is a chat session's own (private) knowledge base
	 */
	public static boolean isPrivate(String id) {
		return id != null && id.startsWith(SESSION_PREFIX);
	}

}
