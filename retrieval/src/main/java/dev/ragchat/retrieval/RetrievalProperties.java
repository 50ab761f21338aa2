package dev.ragchat.retrieval;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded index and the in-process embedding model.
 *
 * @param indexDir where the Lucene index lives (default: {@code index} in the data
 * directory)
 * @param embeddingThreads threads per model run ({@code 0}: all cores); as many runs go
 * at once as there are cores per run (default 1 thread: one run per core, which embedded
 * about twice as fast as one run on all cores, see docs/benchmarks.md)
 * @param embeddingBatch texts per model run (default 1: on a CPU, a batch of long texts
 * costs more per text than the texts one by one; the index still hands the model 32 at a
 * time, which it spreads over the runs)
 * @param hybridK the reciprocal rank fusion constant k
 * @param vectorWeight the weight of the vector ranking in hybrid search
 * @param keywordWeight the weight of the keyword (BM25) ranking in hybrid search
 * @param hybridCandidates how deep each ranking goes before fusion
 * @param hnswMaxConnections HNSW connections per node (Lucene's {@code M})
 * @param hnswBeamWidth HNSW candidates kept while building the graph
 * @param vectorQuantization {@code none}, {@code int8}, {@code int7} or {@code int4}
 * (Lucene's scalar quantization of the indexed vectors)
 * @param indexRamBufferMb the index write buffer in MB
 * @param vectorCandidates the fewest results an HNSW search looks for before keeping the
 * best k (higher: better recall, slower)
 * @param index {@code lucene} (embedded, default) or {@code atlas} (MongoDB Atlas Vector
 * Search and Atlas Search, on the cluster of {@code spring.data.mongodb.uri})
 * @param embedding the embedding model the index's vectors come from
 * @param atlas the Atlas chunk index
 */
@ConfigurationProperties("ragchat.retrieval")
record RetrievalProperties(Path indexDir, @DefaultValue("1") int embeddingThreads,
		@DefaultValue("1") int embeddingBatch, @DefaultValue("60") int hybridK,
		@DefaultValue("1.0") double vectorWeight, @DefaultValue("1.0") double keywordWeight,
		@DefaultValue("50") int hybridCandidates, @DefaultValue("16") int hnswMaxConnections,
		@DefaultValue("100") int hnswBeamWidth, @DefaultValue("none") String vectorQuantization,
		@DefaultValue("16") double indexRamBufferMb, @DefaultValue("100") int vectorCandidates,
		@DefaultValue("lucene") String index, @DefaultValue Embedding embedding, @DefaultValue Atlas atlas) {

	static final Set<String> INDEXES = Set.of("lucene", "atlas");

	RetrievalProperties {
		if (!INDEXES.contains(index)) {
			throw new IllegalArgumentException(
					"ragchat.retrieval.index must be one of " + INDEXES + ", not '" + index + "'");
		}
	}

	LuceneIndexSettings indexSettings() {
		return new LuceneIndexSettings(this.hnswMaxConnections, this.hnswBeamWidth, this.vectorQuantization,
				this.indexRamBufferMb, this.vectorCandidates);
	}

	/**
	 * The embedding model of the chunk index.
	 *
	 * @param provider {@code bge-small} (in process, default), {@code vertex} (Vertex AI,
	 * application default credentials) or {@code gemini} (Gemini API with an API key)
	 * @param model the model, e.g. {@code text-embedding-005} or
	 * {@code gemini-embedding-001} (default: {@code text-embedding-005} on Vertex AI,
	 * {@code gemini-embedding-001} with an API key)
	 * @param dimensions output dimensions, for models that can shorten their vectors
	 * @param projectId the Google Cloud project (Vertex AI)
	 * @param location the Vertex AI region
	 * @param apiKey the Gemini API key ({@code gemini})
	 * @param endpoint another endpoint than Google's (a proxy, or a test server)
	 */
	record Embedding(@DefaultValue("bge-small") String provider, String model, Integer dimensions, String projectId,
			@DefaultValue("us-central1") String location, String apiKey, URI endpoint) {

		static final Set<String> PROVIDERS = Set.of("bge-small", "vertex", "gemini");

		Embedding {
			if (!PROVIDERS.contains(provider)) {
				throw new IllegalArgumentException("ragchat.retrieval.embedding.provider must be one of " + PROVIDERS
						+ ", not '" + provider + "'");
			}
			if (dimensions != null && dimensions < 1) {
				throw new IllegalArgumentException("ragchat.retrieval.embedding.dimensions must be positive");
			}
		}

	}

	/**
	 * The chunk index on MongoDB Atlas.
	 *
	 * @param collection the collection of chunks
	 * @param numCandidates how many nearest neighbours {@code $vectorSearch} considers
	 * @param syncTimeout how long a write waits for Atlas Search to make it searchable
	 */
	record Atlas(@DefaultValue("chunks") String collection, @DefaultValue("200") int numCandidates,
			@DefaultValue("60s") Duration syncTimeout) {

	}

}
