package dev.ragchat.answer;

import java.util.LinkedHashSet;
import java.util.List;

import dev.ragchat.retrieval.ChunkSearch;
import dev.ragchat.retrieval.MetadataFilter;
import dev.ragchat.retrieval.SearchMode;

import org.springframework.util.Assert;

/**
 * A search of one knowledge base, or of several at once ({@link SearchScope}).
 *
 * @param knowledgeBase the knowledge base (the first of several)
 * @param query what to look for, as the user wrote it (the stage shapes it)
 * @param topK how many chunks to return
 * @param mode hybrid (reranked when a reranker is configured), vector or keyword
 * @param documentIds only these documents, or empty for all
 * @param filter only chunks whose values pass it, or {@code null}
 * @param rerank whether a hybrid search is reranked when a reranker is configured
 * ({@code false}: the retrieval order stands, as with no reranker)
 * @param knowledgeBases every knowledge base searched, {@code knowledgeBase} first (just
 * it when {@code null} or empty)
 */
public record SearchRequest(String knowledgeBase, String query, int topK, SearchMode mode, List<String> documentIds,
		MetadataFilter filter, boolean rerank, List<String> knowledgeBases) {

	public SearchRequest {
		Assert.hasText(knowledgeBase, "knowledgeBase must not be empty");
		Assert.hasText(query, "query must not be empty");
		Assert.isTrue(topK >= 1 && topK <= ChunkSearch.MAX_TOP_K,
				"topK must be between 1 and " + ChunkSearch.MAX_TOP_K);
		Assert.notNull(mode, "mode must not be null");
		documentIds = (documentIds != null) ? List.copyOf(documentIds) : List.of();
		LinkedHashSet<String> all = new LinkedHashSet<>();
		all.add(knowledgeBase);
		if (knowledgeBases != null) {
			all.addAll(knowledgeBases);
		}
		knowledgeBases = List.copyOf(all);
	}

	/**
	 * A search of one knowledge base.
	 * @param knowledgeBase the knowledge base
	 * @param query what to look for
	 * @param topK how many chunks to return
	 * @param mode hybrid, vector or keyword
	 * @param documentIds only these documents, or empty for all
	 * @param filter only chunks whose values pass it, or {@code null}
	 * @param rerank whether a hybrid search is reranked when a reranker is configured
	 */
	public SearchRequest(String knowledgeBase, String query, int topK, SearchMode mode, List<String> documentIds,
			MetadataFilter filter, boolean rerank) {
		this(knowledgeBase, query, topK, mode, documentIds, filter, rerank, null);
	}

	/**
	 * A search of one knowledge base, reranked when a reranker is configured.
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
	 * A search of a scope: its knowledge bases, only its documents when it names some.
	 * @param scope where to search
	 * @param query what to look for
	 * @param topK how many chunks to return
	 * @param mode hybrid, vector or keyword
	 * @param filter only chunks whose values pass it, or {@code null}
	 * @param rerank whether a hybrid search is reranked when a reranker is configured
	 * @return the request
	 */
	public static SearchRequest within(SearchScope scope, String query, int topK, SearchMode mode,
			MetadataFilter filter, boolean rerank) {
		return new SearchRequest(scope.knowledgeBase(), query, topK, mode, scope.documentIds(), filter, rerank,
				scope.knowledgeBases());
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

	/**
	 * @param other another query
	 * @return the same search (its knowledge bases, documents, filter and settings) of
	 * that query
	 */
	public SearchRequest searching(String other) {
		return new SearchRequest(this.knowledgeBase, other, this.topK, this.mode, this.documentIds, this.filter,
				this.rerank, this.knowledgeBases);
	}

	/**
	 * @param documents documents to narrow the search to
	 * @return the same search, of those documents only (of those the search already
	 * names, when it names some)
	 */
	public SearchRequest in(List<String> documents) {
		List<String> within = this.documentIds.isEmpty() ? documents
				: documents.stream().filter(this.documentIds::contains).toList();
		return within.isEmpty() ? this : new SearchRequest(this.knowledgeBase, this.query, this.topK, this.mode, within,
				this.filter, this.rerank, this.knowledgeBases);
	}

	/**
	 * @param other another mode
	 * @return the same search in that mode
	 */
	public SearchRequest as(SearchMode other) {
		return new SearchRequest(this.knowledgeBase, this.query, this.topK, other, this.documentIds, this.filter,
				this.rerank, this.knowledgeBases);
	}

	/**
	 * @param words what to look up
	 * @param topK how many chunks at most
	 * @return a keyword search of the same scope (knowledge bases, documents, filter),
	 * not reranked
	 */
	public SearchRequest lookingUp(String words, int topK) {
		return new SearchRequest(this.knowledgeBase, words, topK, SearchMode.KEYWORD, this.documentIds, this.filter,
				false, this.knowledgeBases);
	}

}
