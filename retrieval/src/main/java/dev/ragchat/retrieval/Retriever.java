package dev.ragchat.retrieval;

import java.util.List;
import java.util.Map;

import org.springframework.ai.rag.Query;

/**
 * The retrieval front: vector or keyword search straight from the index, or hybrid search
 * built from Spring AI pieces: a vector and a keyword {@code DocumentRetriever} over the
 * same knowledge base, fused by a weighted reciprocal-rank {@code DocumentJoiner}.
 */
public final class Retriever {

	private final ChunkIndex index;

	private final ReciprocalRankFusionJoiner joiner;

	private final int candidates;

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
		return new Retriever(this.index, new ReciprocalRankFusionJoiner(k, List.of(vectorWeight, keywordWeight)),
				candidates);
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
		if (this.index instanceof LuceneChunkIndex lucene) {
			// the same fusion, reading only the chunks it returns
			return lucene.hybrid(search, depth, this.joiner);
		}
		ChunkIndexRetriever vector = new ChunkIndexRetriever(this.index, new ChunkSearch(search.knowledgeBase(),
				search.query(), depth, SearchMode.VECTOR, search.documentIds(), search.metadata()));
		ChunkIndexRetriever keyword = new ChunkIndexRetriever(this.index, new ChunkSearch(search.knowledgeBase(),
				search.query(), depth, SearchMode.KEYWORD, search.documentIds(), search.metadata()));
		Query query = new Query(search.query());
		List<org.springframework.ai.document.Document> byVector = vector.retrieve(query);
		List<org.springframework.ai.document.Document> byKeyword = keyword.retrieve(query);
		Map<String, Chunk> chunks = new java.util.HashMap<>();
		java.util.stream.Stream.concat(byVector.stream(), byKeyword.stream())
			.forEach((d) -> chunks.put(d.getId(), (Chunk) d.getMetadata().get(ChunkIndexRetriever.CHUNK)));
		return this.joiner.join(Map.of(query, List.of(byVector, byKeyword)))
			.stream()
			.limit(search.topK())
			.map((document) -> new ScoredChunk(chunks.get(document.getId()), document.getScore()))
			.toList();
	}

}
