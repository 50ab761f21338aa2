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
 * @param hybridK the reciprocal rank fusion constant k
 * @param vectorWeight the weight of the vector ranking in hybrid search
 * @param keywordWeight the weight of the keyword (BM25) ranking in hybrid search
 * @param hybridCandidates how deep each ranking goes before fusion
 */
@ConfigurationProperties("ragchat.retrieval")
record RetrievalProperties(Path indexDir, @DefaultValue("0") int embeddingThreads,
		@DefaultValue("32") int embeddingBatch, @DefaultValue("60") int hybridK,
		@DefaultValue("1.0") double vectorWeight, @DefaultValue("1.0") double keywordWeight,
		@DefaultValue("50") int hybridCandidates) {

}
