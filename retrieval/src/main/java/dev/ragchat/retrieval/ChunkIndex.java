package dev.ragchat.retrieval;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * The chunk index port: embeds and stores chunks, and searches them. A document's chunks
 * become visible together and disappear together. Every adapter passes
 * {@code ChunkIndexContractTests}.
 */
public interface ChunkIndex {

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
	 * Searches one knowledge base by vector or by keyword (hybrid search is the
	 * {@link Retriever}'s, on top of these two).
	 * @param search what to look for
	 * @return the best chunks, best first
	 */
	List<ScoredChunk> search(ChunkSearch search);

	/**
	 * @return the embedding model the index's vectors come from, e.g.
	 * {@code bge-small-en-v1.5}
	 */
	String embeddingModel();

	/**
	 * @return the dimensions of those vectors
	 */
	int dimensions();

}
