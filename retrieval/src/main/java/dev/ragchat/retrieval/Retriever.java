package dev.ragchat.retrieval;

import java.util.List;

/**
 * The retrieval front: vector or keyword search straight from the index, or hybrid search
 * asked of the index with a weighted reciprocal-rank {@code DocumentJoiner} and how deep
 * each ranking goes.
 */
public final class Retriever {

	private final ChunkIndex index;

	private final FusionJoiner joiner;

	private final int candidates;

	/**
	 * @param index the chunk index
	 * @param fusion how hybrid search fuses the vector and the keyword ranking
	 */
	public Retriever(ChunkIndex index, Fusion fusion) {
		this(index, new FusionJoiner(fusion), fusion.candidates());
	}

	Retriever(ChunkIndex index, FusionJoiner joiner, int candidates) {
		this.index = index;
		this.joiner = joiner;
		this.candidates = candidates;
	}

	/**
	 * A retriever over the same index with other hybrid settings (for tuning them).
	 * @param fusion the hybrid settings
	 * @return the new retriever
	 */
	public Retriever withFusion(Fusion fusion) {
		return new Retriever(this.index, fusion);
	}

	/**
	 * @param documentId a document
	 * @param fromPage the first page
	 * @param toPage the last page
	 * @return its chunks that begin on one of these pages, in document order
	 */
	public List<Chunk> chunks(String documentId, int fromPage, int toPage) {
		return this.index.chunks(documentId, fromPage, toPage);
	}

	/**
	 * @param documentId a document
	 * @return how many searchable chunks it has
	 */
	public int count(String documentId) {
		return this.index.count(documentId);
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
