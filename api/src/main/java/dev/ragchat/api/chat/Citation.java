package dev.ragchat.api.chat;

/**
 * A source an answer cites with {@code [index]}.
 *
 * @param index the number used in the answer
 * @param documentId the document
 * @param filename its file name
 * @param page the page the cited text starts on
 * @param chunkId the chunk
 * @param snippet the cited text (or its start)
 * @param score the chunk's retrieval score
 */
public record Citation(int index, String documentId, String filename, int page, String chunkId, String snippet,
		double score) {

}
