package dev.ragchat.benchmarks;

import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.Retriever;
import dev.ragchat.retrieval.config.RetrievalProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The production settings, read from their {@code @ConfigurationProperties} defaults
 * rather than copied, so the benchmarks measure what ragchat runs.
 */
final class Production {

	private Production() {
	}

	/**
	 * @return {@code ragchat.retrieval.*} with nothing set
	 */
	static RetrievalProperties retrievalDefaults() {
		return new Binder(new MapConfigurationPropertySource()).bindOrCreate("ragchat.retrieval",
				RetrievalProperties.class);
	}

	/**
	 * @param index a chunk index
	 * @return the retriever ragchat builds over it by default
	 */
	static Retriever retriever(ChunkIndex index) {
		RetrievalProperties defaults = retrievalDefaults();
		return new Retriever(index, defaults.fusion());
	}

}
