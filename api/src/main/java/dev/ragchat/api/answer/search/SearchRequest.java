package dev.ragchat.api.answer.search;

import java.util.List;

import dev.ragchat.retrieval.ChunkSearch;
import dev.ragchat.retrieval.MetadataFilter;
import dev.ragchat.retrieval.SearchMode;

import org.springframework.util.Assert;

/**
 * A search of one knowledge base.
 *
 * @param knowledgeBase the knowledge base
 * @param query what to look for, as the user wrote it (the stage shapes it)
 * @param topK how many chunks to return
 * @param mode hybrid (reranked when a reranker is configured), vector or keyword
 * @param documentIds only these documents, or empty for all
 * @param filter only chunks whose values pass it, or {@code null}
 * @param rerank whether a hybrid search is reranked when a reranker is configured
 * ({@code false}: the retrieval order stands, as with no reranker)
 */
public record SearchRequest(String knowledgeBase, String query, int topK, SearchMode mode, List<String> documentIds,
		MetadataFilter filter, boolean rerank) {

	public SearchRequest {
		Assert.hasText(knowledgeBase, "knowledgeBase must not be empty");
		Assert.hasText(query, "query must not be empty");
		Assert.isTrue(topK >= 1 && topK <= ChunkSearch.MAX_TOP_K,
				"topK must be between 1 and " + ChunkSearch.MAX_TOP_K);
		Assert.notNull(mode, "mode must not be null");
		documentIds = (documentIds != null) ? List.copyOf(documentIds) : List.of();
	}

	/**
	 * A search reranked when a reranker is configured.
	 * @param knowledgeBase the knowledge base
	 * @param query what to look for
	 * @param topK how many chunks to return
	 * @param mode hybrid, vector or keyword
	 * @param documentIds only these documents, or empty for all
	 * @param filter only chunks whose values pass it, or {@code null}
	 */
	public SearchRequest(String knowledgeBase, String query, int topK, SearchMode mode, List<String> documentIds,
			MetadataFilter filter) {
		this(knowledgeBase, query, topK, mode, documentIds, filter, true);
	}

	/**
	 * A hybrid search of the whole knowledge base.
	 * @param knowledgeBase the knowledge base
	 * @param query what to look for
	 * @param topK how many chunks to return
	 * @param filter only chunks whose values pass it, or {@code null}
	 * @return the request
	 */
	public static SearchRequest hybrid(String knowledgeBase, String query, int topK, MetadataFilter filter) {
		return new SearchRequest(knowledgeBase, query, topK, SearchMode.HYBRID, List.of(), filter);
	}

}
