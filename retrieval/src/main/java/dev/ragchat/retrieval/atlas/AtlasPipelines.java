package dev.ragchat.retrieval.atlas;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.ragchat.retrieval.ChunkSearch;
import dev.ragchat.retrieval.MetadataFilter;
import dev.ragchat.retrieval.query.KeywordTerm;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.bson.Document;

/**
 * The aggregation pipelines of the Atlas chunk index. Knowledge-base isolation (and the
 * documents asked for) sit inside {@code $vectorSearch}'s filter and {@code $search}'s
 * compound filter; the following {@code $match} runs on the stored chunks themselves:
 * only chunks made live by a finished write, and the caller's metadata filters (which
 * Atlas indexes cannot declare up front).
 */
final class AtlasPipelines {

	static final String VECTOR_INDEX = "chunk_vectors";

	static final String SEARCH_INDEX = "chunk_text";

	static final String EMBEDDING = "embedding";

	static final String CONTENT = "content";

	static final String SCORE = "score";

	/** Metadata fields both Atlas indexes can filter on. */
	static final List<String> FILTER_FIELDS = List.of("knowledgeBase", "documentId", "generation");

	private AtlasPipelines() {
	}

	/**
	 * @param search what to look for
	 * @param queryVector the query's embedding
	 * @param numCandidates the nearest neighbours to consider
	 * @return the approximate {@code $vectorSearch} pipeline
	 */
	static List<Document> vector(ChunkSearch search, float[] queryVector, int numCandidates) {
		return vector(search, queryVector, numCandidates, false);
	}

	/**
	 * @param search what to look for
	 * @param queryVector the query's embedding
	 * @param numCandidates the nearest neighbours to consider (how many chunks an exact
	 * search returns before the stored-chunk filter, too)
	 * @param exact whether Atlas scores every chunk the filter lets through (ENN,
	 * {@code exact: true}, no {@code numCandidates}) rather than searching its HNSW graph
	 * @return the {@code $vectorSearch} pipeline
	 */
	static List<Document> vector(ChunkSearch search, float[] queryVector, int numCandidates, boolean exact) {
		List<Double> vector = new ArrayList<>(queryVector.length);
		for (float value : queryVector) {
			vector.add((double) value);
		}
		// a few more than asked, so that chunks of a write still in progress (or left out
		// by
		// a metadata filter) cannot crowd the others out
		int limit = (search.filter() == null) ? Math.min(numCandidates, search.topK() * 4) : numCandidates;
		Document filter = new Document("metadata.knowledgeBase", search.knowledgeBase());
		if (!search.documentIds().isEmpty()) {
			filter.append("metadata.documentId", new Document("$in", search.documentIds()));
		}
		Document vectorSearch = new Document("index", VECTOR_INDEX).append("path", EMBEDDING)
			.append("queryVector", vector);
		if (exact) {
			vectorSearch.append("exact", true);
		}
		else {
			vectorSearch.append("numCandidates", Math.max(numCandidates, limit));
		}
		vectorSearch.append("limit", limit).append("filter", filter);
		return List.of(new Document("$vectorSearch", vectorSearch),
				new Document("$addFields", new Document(SCORE, new Document("$meta", "vectorSearchScore"))),
				storedMatch(search), new Document("$limit", search.topK()),
				new Document("$project", new Document(EMBEDDING, 0)));
	}

	/**
	 * @param search what to look for
	 * @return the {@code $search} (Atlas Search, BM25) pipeline
	 */
	static List<Document> keyword(ChunkSearch search) {
		List<Document> filter = new ArrayList<>();
		filter.add(new Document("equals",
				new Document("path", "metadata.knowledgeBase").append("value", search.knowledgeBase())));
		if (!search.documentIds().isEmpty()) {
			filter.add(new Document("in",
					new Document("path", "metadata.documentId").append("value", search.documentIds())));
		}
		// the shaped question's words, each boosted by its weight, as the Lucene index
		// asks
		List<Document> should = search.keywords()
			.stream()
			.map((keyword) -> new Document("text",
					new Document("query", keyword.word()).append("path", CONTENT)
						.append("score", new Document("boost", new Document("value", (double) keyword.weight())))))
			.toList();
		// a word lucene.english holds no term of (a stop word) counts as written
		int unheld = (int) search.keywords().stream().filter(AtlasPipelines::unheld).count();
		Document compound = new Document("should", should)
			.append("minimumShouldMatch", Math.max(1, search.minimumMatch() - unheld))
			.append("filter", filter);
		List<Document> pipeline = new ArrayList<>(
				List.of(new Document("$search", new Document("index", SEARCH_INDEX).append("compound", compound)),
						new Document("$addFields", new Document(SCORE, new Document("$meta", "searchScore"))),
						storedMatch(search)));
		if (search.perDocument() > 0) {
			// the best few chunks of each document, then the best of those
			pipeline.add(new Document("$group",
					new Document("_id", "$metadata.documentId").append("chunks",
							new Document("$topN",
									new Document("n", search.perDocument()).append("sortBy", new Document(SCORE, -1))
										.append("output", "$$ROOT")))));
			pipeline.add(new Document("$unwind", "$chunks"));
			pipeline.add(new Document("$replaceWith", "$chunks"));
			pipeline.add(new Document("$sort", new Document(SCORE, -1)));
		}
		pipeline.add(new Document("$limit", search.topK()));
		pipeline.add(new Document("$project", new Document(EMBEDDING, 0)));
		return pipeline;
	}

	/** Whether every word of a keyword is a stop word of the index's analyser. */
	private static boolean unheld(KeywordTerm keyword) {
		for (String word : keyword.word().split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty() && !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word.toLowerCase(Locale.ROOT))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * @param documentId a document
	 * @param generation one write of its chunks
	 * @return a {@code $searchMeta} pipeline counting that write's chunks Atlas Search
	 * has indexed
	 */
	static List<Document> searchableCount(String documentId, String generation) {
		List<Document> filter = List.of(
				new Document("equals", new Document("path", "metadata.documentId").append("value", documentId)),
				new Document("equals", new Document("path", "metadata.generation").append("value", generation)));
		return List.of(new Document("$searchMeta",
				new Document("index", SEARCH_INDEX).append("compound", new Document("filter", filter))
					.append("count", new Document("type", "total"))));
	}

	/**
	 * @param documentId a document
	 * @param generation one write of its chunks
	 * @param vector the stored embedding of one of them
	 * @param count how many chunks the write has
	 * @return an exact {@code $vectorSearch} pipeline finding that write's chunks the
	 * vector index has
	 */
	static List<Document> vectorSearchableCount(String documentId, String generation, List<?> vector, int count) {
		return List.of(
				new Document("$vectorSearch", new Document("index", VECTOR_INDEX).append("path", EMBEDDING)
					.append("queryVector", vector)
					.append("exact", true)
					.append("limit", count)
					.append("filter",
							new Document("metadata.documentId", documentId).append("metadata.generation", generation))),
				new Document("$count", "found"));
	}

	/**
	 * @param collection the chunk collection
	 * @return the {@code createSearchIndexes} command for the keyword index
	 */
	static Document createSearchIndex(String collection) {
		Document metadata = new Document("type", "document").append("fields",
				new Document("knowledgeBase", new Document("type", "token"))
					.append("documentId", new Document("type", "token"))
					.append("generation", new Document("type", "token")));
		Document mappings = new Document("dynamic", false).append("fields",
				new Document(CONTENT, new Document("type", "string").append("analyzer", "lucene.english"))
					.append("metadata", metadata));
		return new Document("createSearchIndexes", collection).append("indexes",
				List.of(new Document("name", SEARCH_INDEX).append("type", "search")
					.append("definition", new Document("mappings", mappings))));
	}

	static Document storedMatch(ChunkSearch search) {
		Document match = new Document("metadata.live", true);
		if (search.filter() != null) {
			match.append("$and", List.of(filter(search.filter())));
		}
		return new Document("$match", match);
	}

	/**
	 * A filter as a MongoDB query on the stored chunks' values ({@code metadata.meta}).
	 * MongoDB's own comparison rules give the filter's semantics: a comparison meets only
	 * values of its operand's type (numbers of any width alike), texts compare by their
	 * bytes; {@code ne} and {@code nin} add {@code $exists}, since MongoDB's alone would
	 * match chunks without the key.
	 * @param filter the filter
	 * @return the query
	 */
	static Document filter(MetadataFilter filter) {
		return switch (filter) {
			case MetadataFilter.And and ->
				new Document("$and", and.filters().stream().map(AtlasPipelines::filter).toList());
			case MetadataFilter.Or or ->
				new Document("$or", or.filters().stream().map(AtlasPipelines::filter).toList());
			case MetadataFilter.Condition condition -> {
				// the key was checked against MetadataFilter.KEY: no operator, no nesting
				String path = "metadata.meta." + condition.key();
				Document test = switch (condition.op()) {
					case EQ -> new Document("$eq", condition.value());
					case NE -> new Document("$exists", true).append("$ne", condition.value());
					case GT -> new Document("$gt", condition.value());
					case GTE -> new Document("$gte", condition.value());
					case LT -> new Document("$lt", condition.value());
					case LTE -> new Document("$lte", condition.value());
					case IN -> new Document("$in", condition.values());
					case NIN -> new Document("$exists", true).append("$nin", condition.values());
				};
				yield new Document(path, test);
			}
		};
	}

}
