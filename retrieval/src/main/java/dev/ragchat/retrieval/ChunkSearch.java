package dev.ragchat.retrieval;

import java.util.List;
import java.util.Map;

import org.springframework.util.Assert;

/**
 * A search inside one knowledge base.
 *
 * @param knowledgeBase the only knowledge base searched (isolation is part of the query)
 * @param query what to look for
 * @param topK how many chunks to return
 * @param mode how to search
 * @param documentIds only these documents, or empty for all
 * @param metadata only chunks whose document metadata has all these values
 */
public record ChunkSearch(String knowledgeBase, String query, int topK, SearchMode mode, List<String> documentIds,
		Map<String, String> metadata) {

	/** The most chunks a search returns. */
	public static final int MAX_TOP_K = 100;

	public ChunkSearch {
		Assert.hasText(knowledgeBase, "knowledgeBase must not be empty");
		Assert.hasText(query, "query must not be empty");
		Assert.isTrue(topK >= 1 && topK <= MAX_TOP_K, "topK must be between 1 and " + MAX_TOP_K);
		Assert.notNull(mode, "mode must not be null");
		documentIds = (documentIds != null) ? List.copyOf(documentIds) : List.of();
		metadata = (metadata != null) ? Map.copyOf(metadata) : Map.of();
	}

	/**
	 * A search without a metadata filter.
	 */
	public ChunkSearch(String knowledgeBase, String query, int topK, SearchMode mode, List<String> documentIds) {
		this(knowledgeBase, query, topK, mode, documentIds, Map.of());
	}

}
