package dev.ragchat.retrieval.embedding;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentMap;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.util.Assert;

/**
 * A query embedder that embeds each query text once: a bounded cache (Caffeine, least
 * recently and frequently used out first) keyed by the query itself holds its vector. A
 * question is embedded by the search and again by the answer (the extract compares it
 * with its sentences), and a search's query repeats across users and retries: those reach
 * the model once. Callers that ask for the same query while it is being embedded wait for
 * that one run rather than starting their own. The vector is the model's for that text
 * alone, so an answer is the same with or without the cache; each caller gets its own
 * copy.
 */
public final class QueryVectors implements QueryEmbedder {

	private final QueryEmbedder model;

	/** By query: its vector, or the run under way that embeds it. */
	private final ConcurrentMap<String, CompletableFuture<float[]>> vectors;

	private QueryVectors(QueryEmbedder model, long maxQueries) {
		this.model = model;
		// an asynchronous cache, so that the model runs outside the map's locks (a
		// synchronous compute would hold up other queries of the same hash bin for a
		// whole run); a failed run is not kept
		AsyncCache<String, float[]> cache = Caffeine.newBuilder().maximumSize(maxQueries).buildAsync();
		this.vectors = cache.asMap();
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
		CompletableFuture<float[]> mine = new CompletableFuture<>();
		CompletableFuture<float[]> known = this.vectors.putIfAbsent(query, mine);
		if (known == null) {
			try {
				mine.complete(this.model.embed(query));
			}
			catch (RuntimeException | Error ex) {
				// the cache drops a failed future; whoever waited on it fails alike
				mine.completeExceptionally(ex);
				throw ex;
			}
			known = mine;
		}
		try {
			return known.join().clone();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

}
