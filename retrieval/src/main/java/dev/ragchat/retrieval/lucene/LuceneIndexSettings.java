package dev.ragchat.retrieval.lucene;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

import org.springframework.util.Assert;

/**
 * How the chunk index lays out its vectors and buffers its writes. The defaults are
 * Lucene's: HNSW with 16 connections per node and a beam of 100 at build time, full
 * precision vectors, a 16 MB write buffer. Read back with any settings: every segment
 * records its own format.
 *
 * @param maxConnections HNSW connections per node (Lucene's {@code M})
 * @param beamWidth HNSW candidates kept while building the graph
 * @param quantization {@code none} (float32), {@code int8}, {@code int7} or {@code int4}:
 * Lucene's optimized scalar quantization of the graph's vectors (the float vectors stay
 * on disk too)
 * @param ramBufferMb the write buffer; bigger means fewer, larger segments when many
 * chunks arrive at once
 * @param vectorCandidates the fewest results an HNSW search looks for before the best k
 * are kept (its beam): recall against exact search rises with it, and so does latency
 * @param keywordStatistics whose BM25 statistics rank the keyword side's candidates
 * @param exactSearchUpTo the most chunks a vector search's filter (the knowledge base,
 * and the documents and metadata asked for) may let through for every one of them to be
 * scored rather than the HNSW graph searched (0: always the graph)
 */
public record LuceneIndexSettings(int maxConnections, int beamWidth, Quantization quantization, double ramBufferMb,
		int vectorCandidates, KeywordStatistics keywordStatistics, int exactSearchUpTo) {

	/**
	 * Up to how many chunks a vector search scores them all by default: 20,000 chunks
	 * (some 5,000 pages of filings) cost about 11 ms more a search than the graph on 2
	 * cores (docs/decisions/0009-exact-vector-search.md).
	 */
	public static final int EXACT_SEARCH_UP_TO = 20_000;

	/** Lucene's defaults, and the candidates' files' statistics. */
	public static final LuceneIndexSettings DEFAULTS = new LuceneIndexSettings(16, 100, Quantization.NONE, 16, 100);

	/**
	 * Settings with the candidates' files' statistics.
	 */
	public LuceneIndexSettings(int maxConnections, int beamWidth, Quantization quantization, double ramBufferMb,
			int vectorCandidates) {
		this(maxConnections, beamWidth, quantization, ramBufferMb, vectorCandidates, KeywordStatistics.CANDIDATE_FILES);
	}

	/**
	 * Settings with the default bound of exact vector search.
	 */
	public LuceneIndexSettings(int maxConnections, int beamWidth, Quantization quantization, double ramBufferMb,
			int vectorCandidates, KeywordStatistics keywordStatistics) {
		this(maxConnections, beamWidth, quantization, ramBufferMb, vectorCandidates, keywordStatistics,
				EXACT_SEARCH_UP_TO);
	}

	public LuceneIndexSettings {
		Assert.isTrue(maxConnections >= 2 && maxConnections <= 512, "maxConnections must be between 2 and 512");
		// Lucene 10.6 accepts a beam of 1 and then fails to index the first vector
		Assert.isTrue(beamWidth >= 2 && beamWidth <= 3200, "beamWidth must be between 2 and 3200");
		Assert.notNull(quantization, "quantization must not be null");
		Assert.isTrue(ramBufferMb >= 1, "ramBufferMb must be at least 1");
		Assert.isTrue(vectorCandidates >= 1 && vectorCandidates <= 10_000,
				"vectorCandidates must be between 1 and 10000");
		Assert.notNull(keywordStatistics, "keywordStatistics must not be null");
		Assert.isTrue(exactSearchUpTo >= 0, "exactSearchUpTo must not be negative");
	}

	/**
	 * @param config a writer configuration
	 * @return it, with these settings
	 */
	IndexWriterConfig applyTo(IndexWriterConfig config) {
		KnnVectorsFormat format = switch (this.quantization) {
			case INT8 -> new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.UNSIGNED_BYTE,
					this.maxConnections, this.beamWidth);
			case INT7 -> new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.SEVEN_BIT, this.maxConnections,
					this.beamWidth);
			case INT4 -> new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.PACKED_NIBBLE,
					this.maxConnections, this.beamWidth);
			case NONE -> new Lucene99HnswVectorsFormat(this.maxConnections, this.beamWidth);
		};
		Codec codec = new Lucene104Codec() {

			@Override
			public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
				return format;
			}

		};
		return config.setCodec(codec).setRAMBufferSizeMB(this.ramBufferMb);
	}

	/**
	 * Lucene's scalar quantization of the graph's vectors.
	 */
	public enum Quantization {

		/** Full precision (float32). */
		NONE,

		/** 8 bits per dimension. */
		INT8,

		/** 7 bits per dimension. */
		INT7,

		/** 4 bits per dimension. */
		INT4

	}

	/**
	 * Whose BM25 statistics rank the keyword side.
	 */
	public enum KeywordStatistics {

		/**
		 * The knowledge base's: its chunks and its files
		 * ({@code KnowledgeBaseStatistics}).
		 */
		KNOWLEDGE_BASE,

		/**
		 * The knowledge base's statistics find the keyword candidates; those of the files
		 * the candidates come from (in hybrid search the vector ranking's candidates
		 * too), each file counted once, rank them ({@code CandidateFiles}).
		 */
		CANDIDATE_FILES

	}

}
