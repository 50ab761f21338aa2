package dev.ragchat.retrieval;

import java.util.List;
import java.util.Map;

import dev.ragchat.retrieval.query.KeywordTerm;
import dev.ragchat.retrieval.query.QueryShaper;
import dev.ragchat.retrieval.query.ShapedQuery;

import org.springframework.util.Assert;

/**
 * A search inside one knowledge base.
 *
 * @param knowledgeBase the only knowledge base searched (isolation is part of the query)
 * @param query what to look for (the vector side embeds it)
 * @param keywords the weighted words the keyword side looks for (shaped above the index,
 * so that every index gets the same query)
 * @param topK how many chunks to return: at most {@value #MAX_TOP_K} for a search, at
 * most {@value #MAX_SCAN} for a scan of every chunk that writes the words (a question
 * about the whole knowledge base)
 * @param mode how to search
 * @param documentIds only these documents, or empty for all
 * @param filter only chunks whose values pass it ({@link Chunk#metadata()}), or
 * {@code null} for all
 * @param minimumMatch how many of the keywords a chunk the keyword side finds writes at
 * least (0 or 1: any); a keyword the index holds no term of (a stop word) counts as
 * written
 * @param perDocument how many chunks of one document the keyword side returns at most (0:
 * no limit), so that a scan reaches every document before many passages of one
 */
public record ChunkSearch(String knowledgeBase, String query, List<KeywordTerm> keywords, int topK, SearchMode mode,
		List<String> documentIds, MetadataFilter filter, int minimumMatch, int perDocument) {

	/** The most chunks a search returns. */
	public static final int MAX_TOP_K = 100;

	/**
	 * The most chunks a scan returns: the candidates of a whole-scope question, as many
	 * as one answer reads in about three seconds (the best three of each of 5,000
	 * documents).
	 */
	public static final int MAX_SCAN = 15_000;

	private static final QueryShaper SHAPER = new QueryShaper();

	public ChunkSearch {
		Assert.hasText(knowledgeBase, "knowledgeBase must not be empty");
		Assert.hasText(query, "query must not be empty");
		Assert.notNull(keywords, "keywords must not be null");
		Assert.isTrue(topK >= 1 && topK <= MAX_SCAN, "topK must be between 1 and " + MAX_SCAN);
		Assert.notNull(mode, "mode must not be null");
		Assert.isTrue(minimumMatch >= 0 && minimumMatch <= keywords.size(),
				"minimumMatch must be between 0 and the number of keywords");
		Assert.isTrue(perDocument >= 0, "perDocument must not be negative");
		keywords = List.copyOf(keywords);
		documentIds = (documentIds != null) ? List.copyOf(documentIds) : List.of();
	}

	/**
	 * A search that any of its keywords finds.
	 */
	public ChunkSearch(String knowledgeBase, String query, List<KeywordTerm> keywords, int topK, SearchMode mode,
			List<String> documentIds, MetadataFilter filter) {
		this(knowledgeBase, query, keywords, topK, mode, documentIds, filter, 0, 0);
	}

	/**
	 * A search for chunks that write some of its keywords, any number of a document.
	 */
	public ChunkSearch(String knowledgeBase, String query, List<KeywordTerm> keywords, int topK, SearchMode mode,
			List<String> documentIds, MetadataFilter filter, int minimumMatch) {
		this(knowledgeBase, query, keywords, topK, mode, documentIds, filter, minimumMatch, 0);
	}

	/**
	 * A search with the older exact metadata filter ({@link MetadataFilter#exact}).
	 */
	public ChunkSearch(String knowledgeBase, String query, List<KeywordTerm> keywords, int topK, SearchMode mode,
			List<String> documentIds, Map<String, String> metadata) {
		this(knowledgeBase, query, keywords, topK, mode, documentIds, MetadataFilter.exact(metadata));
	}

	/**
	 * A search for a shaped question.
	 */
	public ChunkSearch(String knowledgeBase, ShapedQuery query, int topK, SearchMode mode, List<String> documentIds,
			MetadataFilter filter) {
		this(knowledgeBase, query.text(), query.keywords(), topK, mode, documentIds, filter);
	}

	/**
	 * A search for a shaped question.
	 */
	public ChunkSearch(String knowledgeBase, ShapedQuery query, int topK, SearchMode mode, List<String> documentIds,
			Map<String, String> metadata) {
		this(knowledgeBase, query.text(), query.keywords(), topK, mode, documentIds, MetadataFilter.exact(metadata));
	}

	/**
	 * A search for a question shaped by the default {@link QueryShaper}.
	 */
	public ChunkSearch(String knowledgeBase, String query, int topK, SearchMode mode, List<String> documentIds,
			Map<String, String> metadata) {
		this(knowledgeBase, SHAPER.shape(query), topK, mode, documentIds, metadata);
	}

	/**
	 * A search without a metadata filter, for a question shaped by the default
	 * {@link QueryShaper}.
	 */
	public ChunkSearch(String knowledgeBase, String query, int topK, SearchMode mode, List<String> documentIds) {
		this(knowledgeBase, query, topK, mode, documentIds, Map.of());
	}

	/**
	 * @return the periods (years) the question names, from its keywords
	 */
	public List<String> periods() {
		return this.keywords.stream().filter(KeywordTerm::period).map(KeywordTerm::word).distinct().toList();
	}

	/**
	 * @param topK how many chunks to return: at most {@value #MAX_TOP_K} for a search, at
	 * most {@value #MAX_SCAN} for a scan of every chunk that writes the words (a question
	 * about the whole knowledge base)
	 * @param mode how to search
	 * @return the same search, that deep, that way
	 */
	public ChunkSearch with(int topK, SearchMode mode) {
		return new ChunkSearch(this.knowledgeBase, this.query, this.keywords, topK, mode, this.documentIds, this.filter,
				this.minimumMatch);
	}

}
