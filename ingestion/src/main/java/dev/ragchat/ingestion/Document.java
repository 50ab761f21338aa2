package dev.ragchat.ingestion;

import java.time.Instant;
import java.util.List;

/**
 * A document as the catalog keeps it.
 *
 * @param id its id
 * @param knowledgeBase the knowledge base it belongs to
 * @param filename the sanitized file name it was uploaded with
 * @param mediaType the media type detected from its content
 * @param sizeBytes its size
 * @param sha256 hex SHA-256 of its bytes
 * @param status where it is on its way to the index
 * @param progress pages and chunks done so far
 * @param warnings what did not go perfectly (for example a page without text and no OCR)
 * @param error why it failed, or {@code null}
 * @param attempts how many times a worker took it up
 * @param metadata the caller's metadata as JSON, or {@code null}
 * @param createdAt when it was uploaded
 * @param readyAt when it became searchable, or {@code null}
 */
public record Document(String id, String knowledgeBase, String filename, String mediaType, long sizeBytes,
		String sha256, DocumentStatus status, Progress progress, List<String> warnings, String error, int attempts,
		String metadata, Instant createdAt, Instant readyAt) {

	public Document {
		warnings = List.copyOf(warnings);
	}

	/**
	 * How far ingestion got.
	 *
	 * @param pagesDone pages read
	 * @param pagesTotal pages in the document (0 until known)
	 * @param chunksDone chunks embedded
	 * @param chunksTotal chunks the document was split into (0 until known)
	 */
	public record Progress(int pagesDone, int pagesTotal, int chunksDone, int chunksTotal) {

		public static final Progress NONE = new Progress(0, 0, 0, 0);

	}

}
