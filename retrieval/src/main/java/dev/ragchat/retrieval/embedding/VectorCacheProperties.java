package dev.ragchat.retrieval.embedding;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The vectors kept so that a text reaches the embedding model once. A bge-small vector
 * and its text take about 2 KB.
 *
 * @param queries how many query vectors are kept, least recently and frequently used out
 * first (0: none, every search and answer embeds its question; the default 10,000 take
 * about 20 MB; docs/decisions/0027-query-vectors-shared-not-batched.md)
 * @param texts how many vectors of other texts someone waits for (an answer's sentences)
 * the in-process model keeps (0, default: none beyond the runs under way, which are
 * always shared by the answers that need the same sentence at once; the extract keeps its
 * own, {@code ragchat.chat.sentence-cache})
 */
@ConfigurationProperties("ragchat.retrieval.vector-cache")
public record VectorCacheProperties(@DefaultValue("10000") long queries, @DefaultValue("0") long texts) {

	public VectorCacheProperties {
		if (queries < 0 || texts < 0) {
			throw new IllegalArgumentException(
					"ragchat.retrieval.vector-cache.queries and .texts must not be negative");
		}
	}

}
