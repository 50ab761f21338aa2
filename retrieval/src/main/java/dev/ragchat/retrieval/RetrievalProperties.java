package dev.ragchat.retrieval;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded index and the in-process embedding model.
 *
 * @param indexDir where the Lucene index lives (default: {@code index} in the data
 * directory)
 * @param embeddingThreads threads the embedding model may use (default: all cores)
 * @param embeddingBatch texts embedded per model call
 */
@ConfigurationProperties("ragchat.retrieval")
record RetrievalProperties(Path indexDir, @DefaultValue("0") int embeddingThreads,
		@DefaultValue("32") int embeddingBatch) {

}
