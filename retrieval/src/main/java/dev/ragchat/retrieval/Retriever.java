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

	/** How the fusion is made, for a trace (written once, not per search). */
	private final String fusion;

	/**
	 * @param index the chunk index
	 * @param fusion how hybrid search fuses the vector and the keyword ranking
	 */
	public Retriever(ChunkIndex index, Fusion fusion) {
		this(index, new FusionJoiner(fusion), fusion.candidates(), fusion.describe());
	}

	Retriever(ChunkIndex index, FusionJoiner joiner, int candidates) {
		this(index, joiner, candidates, null);
	}

	private Retriever(ChunkIndex index, FusionJoiner joiner, int candidates, String fusion) {
		this.index = index;
		this.joiner = joiner;
		this.candidates = candidates;
		this.fusion = fusion;
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
	 * @param knowledgeBase a knowledge base
	 * @return the embedding model its searches are answered with
	 */
	public String embeddingModel(String knowledgeBase) {
		return this.index.embeddingModel(knowledgeBase);
	}

	/**
	 * @param documentId a document
	 * @return how many searchable chunks it has
	 */
	public int count(String documentId) {
		return this.index.count(documentId);
	}

	/**
	 * @param scope a search's scope
	 * @return how many documents it holds ({@link ChunkIndex#documents})
	 */
	public int documents(ChunkSearch scope) {
		return this.index.documents(scope);
	}

	/**
	 * @param search what to look for, where and how
	 * @return the best chunks, best first (hybrid scores are fused reciprocal ranks)
	 */
	public List<ScoredChunk> retrieve(ChunkSearch search) {
		return retrieve(search, SearchTrace.OFF);
	}

	/**
	 * @param search what to look for, where and how
	 * @param trace told each ranking as it is made ({@link SearchTrace#OFF}: nothing)
	 * @return the best chunks, best first (hybrid scores are fused reciprocal ranks)
	 */
	public List<ScoredChunk> retrieve(ChunkSearch search, SearchTrace trace) {
		if (search.mode() != SearchMode.HYBRID) {
			List<ScoredChunk> ranked = this.index.search(search);
			trace.ranked(
					(search.mode() == SearchMode.VECTOR) ? SearchTrace.Ranking.VECTOR : SearchTrace.Ranking.KEYWORD,
					ranked, ranked.size(), null);
			return ranked;
		}
		int depth = Math.min(ChunkSearch.MAX_TOP_K, Math.max(search.topK(), this.candidates));
		List<ScoredChunk> fused = this.index.hybrid(search, depth, this.joiner, trace);
		trace.ranked(SearchTrace.Ranking.FUSED, fused, fused.size(), this.fusion);
		return fused;
	}

}
