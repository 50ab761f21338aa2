package dev.ragchat.retrieval.config;

import java.nio.file.Path;

import dev.ragchat.retrieval.Fusion;
import dev.ragchat.retrieval.lucene.LuceneIndexSettings;
import dev.ragchat.retrieval.lucene.LuceneIndexSettings.Quantization;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded index and the in-process embedding model.
 *
 * @param index which index: {@code lucene} (embedded, default) or {@code atlas} (MongoDB
 * Atlas Vector Search and Atlas Search, on the cluster of
 * {@code spring.data.mongodb.uri})
 * @param indexDir where the Lucene index lives (default: {@code index} in the data
 * directory)
 * @param embeddingThreads threads per model run ({@code 0}: all cores); as many runs go
 * at once as there are cores per run (default 1 thread: one run per core, which embedded
 * about twice as fast as one run on all cores: docs/decisions/0011-embedding-runs.md)
 * @param embeddingBatch texts per model run (default 1: on a CPU, a batch of long texts
 * costs more per text than the texts one by one; the index still hands the model 32 at a
 * time, which it spreads over the runs)
 * @param hybridFusion what hybrid search fuses: {@code scores} (each ranking's scores
 * scaled to [0, 1], default) or {@code ranks} (reciprocal rank fusion)
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
 * @param hybridOnePerPage whether hybrid results hold at most one chunk a page (its best;
 * default true)
 * @param hybridPeriodWeight how much of its hybrid score a chunk loses when the question
 * names periods (years) and the chunk holds none of them (0: none; see {@code Fusion})
 * @param queryContextWeight when a question has a sentence that asks (ends with "?"), how
 * much the words of its other sentences weigh in the keyword query (1: alike; see
 * {@code QueryShaper})
 * @param keywordStatistics whose BM25 statistics rank the keyword side in the embedded
 * index: {@code candidate-files} (default: those of the files the candidates come from,
 * each file counted once) or {@code knowledge-base} (the whole knowledge base's)
 * @param exactVectorSearchUpTo up to how many chunks (of the knowledge base, or of the
 * documents and, in the embedded index, the metadata a search asks for) a vector search
 * scores every one of them rather than searching the HNSW graph (0: always the graph); on
 * Atlas, an exact {@code $vectorSearch}
 * @param hybridVectorSpread with score fusion, the vector ranking's scores are scaled
 * from their mean less this many standard deviations (0) to their mean plus as many (1),
 * so a chunk whose similarity stands out of a flat ranking keeps its lead (0: from the
 * lowest to the highest, as the keyword ranking's; see {@code Fusion} and
 * docs/decisions/0002-vector-spread.md)
 */
@ConfigurationProperties("ragchat.retrieval")
public record RetrievalProperties(Path indexDir, @DefaultValue("1") int embeddingThreads,
		@DefaultValue("1") int embeddingBatch, @DefaultValue("scores") Fusion.Method hybridFusion,
		@DefaultValue("60") int hybridK, @DefaultValue("1.0") double vectorWeight,
		@DefaultValue("1.0") double keywordWeight, @DefaultValue("100") int hybridCandidates,
		@DefaultValue("16") int hnswMaxConnections, @DefaultValue("100") int hnswBeamWidth,
		@DefaultValue("none") Quantization vectorQuantization, @DefaultValue("16") double indexRamBufferMb,
		@DefaultValue("100") int vectorCandidates, @DefaultValue("lucene") Index index,
		@DefaultValue("true") boolean hybridOnePerPage, @DefaultValue("0.5") double hybridPeriodWeight,
		@DefaultValue("1") double queryContextWeight,
		@DefaultValue("candidate-files") LuceneIndexSettings.KeywordStatistics keywordStatistics,
		@DefaultValue("20000") int exactVectorSearchUpTo, @DefaultValue("2") double hybridVectorSpread) {

	/**
	 * Where the chunks are indexed.
	 */
	public enum Index {

		/** The embedded Lucene index in the data directory. */
		LUCENE,

		/** MongoDB Atlas Vector Search and Atlas Search. */
		ATLAS

	}

	/**
	 * @return how hybrid search fuses its rankings
	 */
	public Fusion fusion() {
		return new Fusion(this.hybridFusion, this.hybridK, this.vectorWeight, this.keywordWeight, this.hybridCandidates,
				this.hybridOnePerPage, this.hybridPeriodWeight, this.hybridVectorSpread);
	}

	/**
	 * @return the Lucene index settings
	 */
	LuceneIndexSettings indexSettings() {
		return new LuceneIndexSettings(this.hnswMaxConnections, this.hnswBeamWidth, this.vectorQuantization,
				this.indexRamBufferMb, this.vectorCandidates, this.keywordStatistics, this.exactVectorSearchUpTo);
	}

}
