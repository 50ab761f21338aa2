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
 * @param version its version: 1 when uploaded, one more each time it is replaced in place
 * @param updatedAt when this version was uploaded ({@code createdAt} for the first)
 */
public record Document(String id, String knowledgeBase, String filename, String mediaType, long sizeBytes,
		String sha256, DocumentStatus status, Progress progress, List<String> warnings, String error, int attempts,
		String metadata, Instant createdAt, Instant readyAt, int version, Instant updatedAt) {

	/** The most warnings a document keeps. */
	public static final int MAX_WARNINGS = 20;

	/** The longest a kept warning may be. */
	static final int MAX_WARNING_LENGTH = 500;

	public Document {
		warnings = List.copyOf(warnings);
		updatedAt = (updatedAt != null) ? updatedAt : createdAt;
	}

	/**
	 * A first version.
	 */
	public Document(String id, String knowledgeBase, String filename, String mediaType, long sizeBytes, String sha256,
			DocumentStatus status, Progress progress, List<String> warnings, String error, int attempts,
			String metadata, Instant createdAt, Instant readyAt) {
		this(id, knowledgeBase, filename, mediaType, sizeBytes, sha256, status, progress, warnings, error, attempts,
				metadata, createdAt, readyAt, 1, createdAt);
	}

	/**
	 * Bounds a document's warnings, so that no document has more than the catalog holds:
	 * at most {@value #MAX_WARNINGS}, each cut at {@value #MAX_WARNING_LENGTH}
	 * characters, and a last one telling how many more there were.
	 * @param warnings the warnings
	 * @return at most {@value #MAX_WARNINGS} + 1 of them
	 */
	public static List<String> boundedWarnings(List<String> warnings) {
		if (warnings == null) {
			return List.of();
		}
		List<String> bounded = new java.util.ArrayList<>();
		for (String warning : warnings.subList(0, Math.min(MAX_WARNINGS, warnings.size()))) {
			bounded.add((warning.length() > MAX_WARNING_LENGTH) ? warning.substring(0, MAX_WARNING_LENGTH - 1) + "…"
					: warning);
		}
		if (warnings.size() > MAX_WARNINGS) {
			bounded.add("… and " + (warnings.size() - MAX_WARNINGS) + " more warnings");
		}
		return bounded;
	}

	/**
	 * Where its current version's original is in the blob store: the first version's
	 * where originals always were, each later one beside it, {@code -v<version>}
	 * (package-private: the layout is ingestion's own).
	 * @return its key
	 */
	String blobKey() {
		return blobKey(this.version);
	}

	/**
	 * @return where the originals of all its versions are, the first version's first
	 */
	List<String> blobKeys() {
		List<String> keys = new java.util.ArrayList<>();
		for (int each = 1; each <= this.version; each++) {
			keys.add(blobKey(each));
		}
		return keys;
	}

	private String blobKey(int version) {
		return this.knowledgeBase + "/" + this.id + ((version > 1) ? "-v" + version : "");
	}

	/**
	 * A version a document had before it was replaced.
	 *
	 * @param documentId the document
	 * @param version its number
	 * @param filename the file name it was uploaded with
	 * @param mediaType its media type
	 * @param sizeBytes its size
	 * @param sha256 hex SHA-256 of its bytes
	 * @param metadata the caller's metadata as JSON, or {@code null}
	 * @param createdAt when it was uploaded
	 * @param readyAt when it became searchable, or {@code null} if it never did
	 * @param supersededAt when the next version was uploaded
	 */
	public record Version(String documentId, int version, String filename, String mediaType, long sizeBytes,
			String sha256, String metadata, Instant createdAt, Instant readyAt, Instant supersededAt) {

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
