package dev.ragchat.retrieval;

import java.util.List;

import org.springframework.util.Assert;

/**
 * A search inside one knowledge base.
 *
 * @param knowledgeBase the only knowledge base searched (isolation is part of the query)
 * @param query what to look for
 * @param topK how many chunks to return
 * @param mode how to search
 * @param documentIds only these documents, or empty for all
 */
public record ChunkSearch(String knowledgeBase, String query, int topK, SearchMode mode, List<String> documentIds) {

	/** The most chunks a search returns. */
	public static final int MAX_TOP_K = 100;

	public ChunkSearch {
		Assert.hasText(knowledgeBase, "knowledgeBase must not be empty");
		Assert.hasText(query, "query must not be empty");
		Assert.isTrue(topK >= 1 && topK <= MAX_TOP_K, "topK must be between 1 and " + MAX_TOP_K);
		Assert.notNull(mode, "mode must not be null");
		documentIds = (documentIds != null) ? List.copyOf(documentIds) : List.of();
	}

}
