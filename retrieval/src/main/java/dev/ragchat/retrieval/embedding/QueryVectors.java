package dev.ragchat.retrieval.embedding;

import java.util.List;

import org.springframework.util.Assert;

/**
 * A query embedder that embeds each query text once: a bounded cache keyed by the query
 * itself holds its vector ({@link SharedVectors}). A question is embedded by the search
 * and again by the answer (the extract compares it with its sentences), and a search's
 * query repeats across users and retries: those reach the model once. Callers that ask
 * for the same query while it is being embedded wait for that one run rather than
 * starting their own. The vector is the model's for that text alone, so an answer is the
 * same with or without the cache; each caller gets its own copy.
 */
public final class QueryVectors implements QueryEmbedder {

	private final QueryEmbedder model;

	private final SharedVectors vectors;

	private QueryVectors(QueryEmbedder model, long maxQueries) {
		this.model = model;
		this.vectors = new SharedVectors(maxQueries);
	}

	/**
	 * @param model embeds a query
	 * @param maxQueries how many query vectors are kept (0: none, every query goes to the
	 * model)
	 * @return the model behind a cache of that size, or the model itself for 0
	 */
	public static QueryEmbedder cached(QueryEmbedder model, long maxQueries) {
		Assert.notNull(model, "model must not be null");
		Assert.isTrue(maxQueries >= 0, "maxQueries must not be negative");
		return (maxQueries > 0) ? new QueryVectors(model, maxQueries) : model;
	}

	@Override
	public float[] embed(String query) {
		return this.vectors.of(List.of(query), (queries) -> List.of(this.model.embed(queries.get(0)))).get(0);
	}

}
