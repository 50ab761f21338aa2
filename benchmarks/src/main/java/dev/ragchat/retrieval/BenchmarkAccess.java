package dev.ragchat.retrieval;

import java.nio.file.Path;
import java.util.List;

import org.springframework.ai.embedding.EmbeddingModel;

/**
 * The benchmarks' way into the retrieval module's package-private index, without widening
 * its public API: this class lives in the benchmarks module but in the retrieval package,
 * so it may build the real {@link LuceneChunkIndex} and {@link Retriever} around another
 * {@link EmbeddingModel} (one that returns precomputed vectors, so that a million chunks
 * can be indexed without running the ONNX model on a million texts). Benchmarks only.
 */
public final class BenchmarkAccess {

	private BenchmarkAccess() {
	}

	/**
	 * The production chunk index over a directory, embedding with the given model.
	 * @param directory the index directory
	 * @param embeddingModel the model (queries are embedded without an instruction)
	 * @param modelName the name the index reports
	 * @return the index; close it with {@link #close(ChunkIndex)}
	 */
	public static ChunkIndex index(Path directory, EmbeddingModel embeddingModel, String modelName) {
		return new LuceneChunkIndex(directory, embeddingModel, modelName, "", 32);
	}

	/**
	 * The production chunk index with other index settings (see
	 * {@code ragchat.retrieval.hnsw-*}, {@code vector-quantization},
	 * {@code index-ram-buffer-mb}).
	 * @param directory the index directory
	 * @param embeddingModel the model (queries are embedded without an instruction)
	 * @param modelName the name the index reports
	 * @param maxConnections HNSW connections per node
	 * @param beamWidth HNSW build beam
	 * @param quantization none, int8, int7 or int4
	 * @param ramBufferMb the write buffer
	 * @param vectorCandidates the HNSW search beam
	 * @return the index; close it with {@link #close(ChunkIndex)}
	 */
	public static ChunkIndex index(Path directory, EmbeddingModel embeddingModel, String modelName, int maxConnections,
			int beamWidth, String quantization, double ramBufferMb, int vectorCandidates) {
		return new LuceneChunkIndex(directory, embeddingModel, modelName, "", 32,
				new LuceneIndexSettings(maxConnections, beamWidth, quantization, ramBufferMb, vectorCandidates));
	}

	/**
	 * The production retriever with the default hybrid settings of
	 * {@code ragchat.retrieval.*} (k 60, equal weights, 50 candidates per ranking).
	 * @param index the index
	 * @return the retriever
	 */
	public static Retriever retriever(ChunkIndex index) {
		return new Retriever(index, new ReciprocalRankFusionJoiner(60, List.of(1.0, 1.0)), 50);
	}

	/**
	 * ragchat's in-process bge-small-en-v1.5 int8 model.
	 * @param threads ONNX Runtime intra-op threads
	 * @param batchSize texts per model run
	 * @return the model (close it when done)
	 */
	public static EmbeddingModel bgeSmall(int threads, int batchSize) {
		return new BgeSmallEmbeddingModel(threads, batchSize);
	}

	/**
	 * @return what bge expects in front of a query
	 */
	public static String queryInstruction() {
		return BgeSmallEmbeddingModel.QUERY_INSTRUCTION;
	}

	/**
	 * @param index an index from {@link #index}
	 */
	public static void close(ChunkIndex index) throws Exception {
		((LuceneChunkIndex) index).close();
	}

}
