package dev.ragchat.retrieval.embedding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.util.Assert;

/**
 * Vectors by text, so that a text reaches the model once: while one caller embeds it,
 * every other caller of the same text waits for that run rather than starting its own,
 * and a bounded cache (Caffeine, least recently and frequently used out first) may keep
 * it for later callers. Keyed by the text itself, for one model: the vector is the one
 * the model gives that text, so a caller gets what it would have got without sharing
 * (when the model embeds each text alone, as bge-small does by default). Each caller gets
 * its own copy of a vector.
 */
public final class SharedVectors {

	/** By text: its vector, or the run under way that embeds it. */
	private final ConcurrentMap<String, CompletableFuture<float[]>> vectors;

	/** Whether vectors stay after their run (else only runs under way are shared). */
	private final boolean keeps;

	/**
	 * @param maxTexts how many vectors are kept after their run (0: none, only the runs
	 * under way are shared)
	 */
	public SharedVectors(long maxTexts) {
		Assert.isTrue(maxTexts >= 0, "maxTexts must not be negative");
		this.keeps = maxTexts > 0;
		// an asynchronous cache, so that the model runs outside the map's locks (a
		// synchronous compute would hold up other texts of the same hash bin for a whole
		// run); it drops a failed run by itself
		this.vectors = this.keeps ? Caffeine.newBuilder().maximumSize(maxTexts).<String, float[]>buildAsync().asMap()
				: new ConcurrentHashMap<>();
	}

	/**
	 * @param texts the texts (repeats allowed)
	 * @param model embeds the texts no one else is embedding or has kept, in one call,
	 * their vectors in their order
	 * @return the texts' vectors, in their order
	 */
	public List<float[]> of(List<String> texts, Function<List<String>, List<float[]>> model) {
		Map<String, CompletableFuture<float[]>> found = new LinkedHashMap<>();
		Map<String, CompletableFuture<float[]>> mine = new LinkedHashMap<>();
		for (String text : texts) {
			if (!found.containsKey(text)) {
				CompletableFuture<float[]> run = new CompletableFuture<>();
				CompletableFuture<float[]> known = this.vectors.putIfAbsent(text, run);
				found.put(text, (known != null) ? known : run);
				if (known == null) {
					mine.put(text, run);
				}
			}
		}
		if (!mine.isEmpty()) {
			embed(mine, model);
		}
		List<float[]> result = new ArrayList<>(texts.size());
		for (String text : texts) {
			result.add(join(found.get(text)).clone());
		}
		return result;
	}

	private void embed(Map<String, CompletableFuture<float[]>> mine, Function<List<String>, List<float[]>> model) {
		try {
			List<float[]> computed = model.apply(new ArrayList<>(mine.keySet()));
			int i = 0;
			for (CompletableFuture<float[]> run : mine.values()) {
				run.complete(computed.get(i++));
			}
		}
		catch (RuntimeException | Error ex) {
			// whoever waits on these runs fails alike; the next caller asks the model
			// again
			mine.values().forEach((run) -> run.completeExceptionally(ex));
			mine.forEach(this.vectors::remove);
			throw ex;
		}
		finally {
			if (!this.keeps) {
				mine.forEach(this.vectors::remove);
			}
		}
	}

	private static float[] join(CompletableFuture<float[]> run) {
		try {
			return run.join();
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
