package dev.ragchat.retrieval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import dev.ragchat.retrieval.query.Periods;

import org.springframework.ai.rag.Query;
import org.springframework.ai.rag.retrieval.join.DocumentJoiner;

/**
 * The chunk index port: embeds and stores chunks, and searches them. A document's chunks
 * become visible together and disappear together. Every adapter passes
 * {@code ChunkIndexContractTests}.
 */
public interface ChunkIndex {

	/**
	 * The metadata key by which a hybrid candidate tells the joiner whether it holds one
	 * of the periods the question names ({@link ChunkSearch#periods()}): {@code false}
	 * when it holds none, absent when the question names none.
	 */
	String PERIOD = "period";

	/**
	 * Embeds the chunks and puts them in place of whatever the document had, all at once.
	 * @param documentId the document
	 * @param chunks all of its chunks
	 * @param embedded told the number of chunks embedded so far, as embedding goes on
	 */
	default void replace(String documentId, List<Chunk> chunks, IntConsumer embedded) {
		replace(documentId, chunks, embedded, () -> true);
	}

	/**
	 * Embeds the chunks and puts them in place of whatever the document had, all at once,
	 * if the document is still wanted when they would become visible. The check and the
	 * write are one step against {@link #deleteDocument} and
	 * {@link #deleteKnowledgeBase}: a caller that removes the document from the catalog
	 * first and then deletes its chunks never sees them come back.
	 * @param documentId the document
	 * @param chunks all of its chunks
	 * @param embedded told the number of chunks embedded so far, as embedding goes on
	 * @param stillWanted asked right before the chunks become visible; {@code false}
	 * leaves the index as it was
	 * @return whether the chunks were written
	 */
	boolean replace(String documentId, List<Chunk> chunks, IntConsumer embedded, BooleanSupplier stillWanted);

	/**
	 * Removes every chunk of a document.
	 * @param documentId the document
	 */
	void deleteDocument(String documentId);

	/**
	 * Removes every chunk of a knowledge base.
	 * @param knowledgeBase the knowledge base
	 */
	void deleteKnowledgeBase(String knowledgeBase);

	/**
	 * @param documentId a document
	 * @return how many of its chunks are searchable
	 */
	int count(String documentId);

	/**
	 * @param documentId a document
	 * @return its searchable chunks in document order
	 */
	List<Chunk> chunks(String documentId);

	/**
	 * @param documentId a document
	 * @param fromPage the first page
	 * @param toPage the last page
	 * @return its searchable chunks that begin on one of these pages, in document order
	 */
	default List<Chunk> chunks(String documentId, int fromPage, int toPage) {
		return chunks(documentId).stream()
			.filter((chunk) -> chunk.page() >= fromPage && chunk.page() <= toPage)
			.toList();
	}

	/**
	 * Searches one knowledge base by vector or by keyword (hybrid search is
	 * {@link #hybrid}, on top of these two).
	 * @param search what to look for
	 * @return the best chunks, best first
	 */
	List<ScoredChunk> search(ChunkSearch search);

	/**
	 * How many documents a search's scope holds: those of its knowledge base (only the
	 * documents it names, when it names some) with a searchable chunk that passes its
	 * filter. What a question about the whole knowledge base scanned.
	 * @param scope the scope (its query, words and depth are not read)
	 * @return how many documents
	 */
	int documents(ChunkSearch scope);

	/**
	 * Hybrid search: the vector and the keyword ranking as Spring AI
	 * {@code DocumentRetriever}s over the same knowledge base, fused by the joiner. An
	 * index may do the same inside one read of its own.
	 * @param search the search (its mode is ignored)
	 * @param depth how deep each ranking goes
	 * @param joiner fuses the two rankings (vector first)
	 * @return the best {@code search.topK()} chunks, best first, scored by the joiner
	 */
	default List<ScoredChunk> hybrid(ChunkSearch search, int depth, DocumentJoiner joiner) {
		return hybrid(search, depth, joiner, SearchTrace.OFF);
	}

	/**
	 * Hybrid search, each ranking told to a trace as it is made (the first
	 * {@link SearchTrace#TOP} of the vector and of the keyword ranking; the caller tells
	 * the fused one).
	 * @param search the search (its mode is ignored)
	 * @param depth how deep each ranking goes
	 * @param joiner fuses the two rankings (vector first)
	 * @param trace told the vector and the keyword ranking ({@link SearchTrace#OFF}:
	 * nothing)
	 * @return the best {@code search.topK()} chunks, best first, scored by the joiner
	 */
	default List<ScoredChunk> hybrid(ChunkSearch search, int depth, DocumentJoiner joiner, SearchTrace trace) {
		ChunkIndexRetriever vector = new ChunkIndexRetriever(this, search.with(depth, SearchMode.VECTOR));
		ChunkIndexRetriever keyword = new ChunkIndexRetriever(this, search.with(depth, SearchMode.KEYWORD));
		Query query = new Query(search.query());
		List<String> periods = search.periods();
		List<org.springframework.ai.document.Document> byVector = withPeriods(vector.retrieve(query), periods);
		if (trace.on()) {
			trace.ranked(SearchTrace.Ranking.VECTOR, ChunkIndexRetriever.chunks(byVector), byVector.size(), null);
		}
		List<org.springframework.ai.document.Document> byKeyword = withPeriods(keyword.retrieve(query), periods);
		if (trace.on()) {
			trace.ranked(SearchTrace.Ranking.KEYWORD, ChunkIndexRetriever.chunks(byKeyword), byKeyword.size(), null);
		}
		Map<String, Chunk> chunks = new HashMap<>();
		for (org.springframework.ai.document.Document document : byVector) {
			chunks.put(document.getId(), (Chunk) document.getMetadata().get(ChunkIndexRetriever.CHUNK));
		}
		for (org.springframework.ai.document.Document document : byKeyword) {
			chunks.put(document.getId(), (Chunk) document.getMetadata().get(ChunkIndexRetriever.CHUNK));
		}
		return joiner.join(Map.of(query, List.of(byVector, byKeyword)))
			.stream()
			.limit(search.topK())
			.map((document) -> new ScoredChunk(chunks.get(document.getId()), document.getScore()))
			.toList();
	}

	/**
	 * @param ranked a ranking of documents that carry their chunk
	 * @param periods the periods the question names
	 * @return the ranking, each document marked with whether its chunk's title, heading
	 * path or text names one of the periods (unmarked when there are none)
	 */
	private static List<org.springframework.ai.document.Document> withPeriods(
			List<org.springframework.ai.document.Document> ranked, List<String> periods) {
		if (periods.isEmpty()) {
			return ranked;
		}
		return ranked.stream().map((document) -> {
			Chunk chunk = (Chunk) document.getMetadata().get(ChunkIndexRetriever.CHUNK);
			Map<String, Object> metadata = new HashMap<>(document.getMetadata());
			metadata.put(PERIOD, periods.stream().anyMatch((year) -> Periods.writes(chunk.indexText(), year)));
			return document.mutate().metadata(metadata).build();
		}).toList();
	}

	/**
	 * @return the embedding model the index's vectors come from, e.g.
	 * {@code bge-small-en-v1.5}
	 */
	String embeddingModel();

	/**
	 * @return the dimensions of those vectors
	 */
	int dimensions();

	/**
	 * @param model an embedding model's name
	 * @param dimensions the dimensions of its vectors
	 * @return whether this index can search a knowledge base built with that model
	 */
	default boolean serves(String model, int dimensions) {
		return embeddingModel().equals(model) && dimensions() == dimensions;
	}

	/**
	 * @param knowledgeBase a knowledge base
	 * @return the embedding model its searches are answered with (its queries are
	 * embedded with it)
	 */
	default String embeddingModel(String knowledgeBase) {
		return embeddingModel();
	}

}
