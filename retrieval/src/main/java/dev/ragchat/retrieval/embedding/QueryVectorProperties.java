package dev.ragchat.retrieval.embedding;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The query vectors kept so that a query text reaches the embedding model once (see
 * {@link QueryVectors}).
 *
 * @param cacheSize how many query vectors are kept, least recently and frequently used
 * out first (0: none, every search and answer embeds its question; a bge-small vector and
 * its query take about 2 KB, so the default 10,000 about 20 MB)
 */
@ConfigurationProperties("ragchat.retrieval.query-vectors")
public record QueryVectorProperties(@DefaultValue("10000") long cacheSize) {

	public QueryVectorProperties {
		if (cacheSize < 0) {
			throw new IllegalArgumentException("ragchat.retrieval.query-vectors.cache-size must not be negative");
		}
	}

}
