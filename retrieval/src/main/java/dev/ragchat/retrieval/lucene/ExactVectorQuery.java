package dev.ragchat.retrieval.lucene;

import java.io.IOException;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.knn.KnnCollectorManager;

/**
 * A vector query that scores every chunk its filter lets through, with Lucene's own exact
 * search (which Lucene itself runs only when a filter leaves fewer chunks than results
 * wanted, or when the graph search gives up), never the HNSW graph. The graph is
 * approximate, and most where ragchat needs it not to be: right after an upload, with the
 * index in many small segments, SciFact abstracts that rank first in a knowledge base of
 * their own were missing from the vector top 10 next to 10,000 filing chunks (4 of 60
 * claims; ORD-QA sections 3 of 90), and chunks whose vector another repeats (a file in
 * two knowledge bases) can end up in islands of the graph (apache/lucene#13611). Scoring
 * 20,000 chunks takes about 11 ms more than the graph on 2 cores
 * (docs/decisions/0009-exact-vector-search.md); above the bound the graph is searched.
 */
final class ExactVectorQuery extends KnnFloatVectorQuery {

	ExactVectorQuery(String field, float[] target, int k, Query filter) {
		super(field, target, k, filter);
	}

	@Override
	protected TopDocs approximateSearch(LeafReaderContext context, AcceptDocs acceptDocs, int visitedLimit,
			KnnCollectorManager knnCollectorManager) throws IOException {
		return exactSearch(context, acceptDocs.iterator(), null);
	}

}
