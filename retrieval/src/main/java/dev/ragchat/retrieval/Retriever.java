package dev.ragchat.retrieval;

import java.util.List;

/**
 * The retrieval front: vector or keyword search straight from the index, or hybrid search
 * asked of the index with a weighted reciprocal-rank {@code DocumentJoiner} and how deep
 * each ranking goes.
 */
public final class Retriever {

	private final ChunkIndex index;

	private final ReciprocalRankFusionJoiner joiner;

	private final int candidates;

	/**
	 * @param index the chunk index
	 * @param k the reciprocal rank fusion constant of hybrid search
	 * @param vectorWeight the weight of the vector ranking
	 * @param keywordWeight the weight of the keyword ranking
	 * @param candidates how deep each ranking goes
	 */
	public Retriever(ChunkIndex index, int k, double vectorWeight, double keywordWeight, int candidates) {
		this(index, k, vectorWeight, keywordWeight, candidates, 0);
	}

	/**
	 * @param index the chunk index
	 * @param k the reciprocal rank fusion constant of hybrid search
	 * @param vectorWeight the weight of the vector ranking
	 * @param keywordWeight the weight of the keyword ranking
	 * @param candidates how deep each ranking goes
	 * @param pageWeight how much of the fused score of the other candidates on the same
	 * page a chunk gains (0: none)
	 */
	public Retriever(ChunkIndex index, int k, double vectorWeight, double keywordWeight, int candidates,
			double pageWeight) {
		this(index, new ReciprocalRankFusionJoiner(k, List.of(vectorWeight, keywordWeight), pageWeight), candidates);
	}

	Retriever(ChunkIndex index, ReciprocalRankFusionJoiner joiner, int candidates) {
		this.index = index;
		this.joiner = joiner;
		this.candidates = candidates;
	}

	/**
	 * A retriever over the same index with other hybrid settings (for tuning them).
	 * @param k the reciprocal rank fusion constant
	 * @param vectorWeight the weight of the vector ranking
	 * @param keywordWeight the weight of the keyword ranking
	 * @param candidates how deep each ranking goes
	 * @return the new retriever
	 */
	public Retriever withHybrid(int k, double vectorWeight, double keywordWeight, int candidates) {
		return new Retriever(this.index, k, vectorWeight, keywordWeight, candidates);
	}

	/**
	 * A retriever over the same index with other hybrid settings (for tuning them).
	 * @param k the reciprocal rank fusion constant
	 * @param vectorWeight the weight of the vector ranking
	 * @param keywordWeight the weight of the keyword ranking
	 * @param candidates how deep each ranking goes
	 * @param pageWeight the page aggregation weight
	 * @return the new retriever
	 */
	public Retriever withHybrid(int k, double vectorWeight, double keywordWeight, int candidates, double pageWeight) {
		return new Retriever(this.index, k, vectorWeight, keywordWeight, candidates, pageWeight);
	}

	/**
	 * @param search what to look for, where and how
	 * @return the best chunks, best first (hybrid scores are fused reciprocal ranks)
	 */
	public List<ScoredChunk> retrieve(ChunkSearch search) {
		if (search.mode() != SearchMode.HYBRID) {
			return this.index.search(search);
		}
		int depth = Math.min(ChunkSearch.MAX_TOP_K, Math.max(search.topK(), this.candidates));
		return this.index.hybrid(search, depth, this.joiner);
	}

}
