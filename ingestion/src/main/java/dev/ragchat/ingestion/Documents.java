package dev.ragchat.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.ragchat.errors.ConflictException;
import dev.ragchat.errors.IdempotencyConflictException;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.errors.UnsupportedMediaTypeException;
import dev.ragchat.ingestion.reading.MediaTypes;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ChunkIndex;

/**
 * The ingestion front: takes uploads and new versions (checked and stored by
 * {@link Uploads}: original first into the blob store, then a queued job in the catalog),
 * reports status, serves originals, a page of documents and a document's chunks, deletes
 * documents with their chunks and originals (through {@link Uploads} too). Code outside
 * ingestion and retrieval reads documents here, never through the catalog or index ports.
 * The front calls {@link Uploads}, never the other way: it hands over the documents it
 * has read.
 */
public final class Documents {

	private final KnowledgeBases knowledgeBases;

	private final DocumentStore store;

	private final BlobStore blobs;

	private final ChunkIndex index;

	private final IngestionWorkers workers;

	private final Uploads uploads;

	Documents(KnowledgeBases knowledgeBases, DocumentStore store, BlobStore blobs, MediaTypes mediaTypes,
			ChunkIndex index, IngestionWorkers workers, Clock clock) {
		this.knowledgeBases = knowledgeBases;
		this.store = store;
		this.blobs = blobs;
		this.index = index;
		this.workers = workers;
		this.uploads = new Uploads(store, blobs, mediaTypes, index, workers, clock);
	}

	/**
	 * Stores the originals and queues them for ingestion. Every file is checked before
	 * any is stored, so a bad file rejects the whole request and nothing of it is kept.
	 * @param knowledgeBase where they go
	 * @param uploads the files
	 * @param metadata a JSON object for all of them, or {@code null}
	 * @param idempotencyKey the caller's Idempotency-Key, or {@code null}
	 * @return one entry per upload
	 * @throws NotFoundException if the knowledge base does not exist
	 * @throws RejectedInputException if a file is empty or the metadata is not a JSON
	 * object
	 * @throws UnsupportedMediaTypeException if a file is of a type ragchat does not read
	 * @throws IdempotencyConflictException if the key was used for a different request
	 */
	public List<Submitted> submit(String knowledgeBase, List<Upload> uploads, String metadata, String idempotencyKey) {
		this.knowledgeBases.get(knowledgeBase);
		return this.uploads.submit(knowledgeBase, uploads, metadata, idempotencyKey);
	}

	public Document get(String knowledgeBase, String id) {
		return this.store.findById(id)
			.filter((d) -> d.knowledgeBase().equals(knowledgeBase))
			.orElseThrow(() -> new NotFoundException("No document '" + id + "' in '" + knowledgeBase + "'"));
	}

	/**
	 * @param knowledgeBase a knowledge base
	 * @param ids some of its documents
	 * @return the ids of those still on their way to the index (neither READY nor
	 * FAILED), from one catalog query: for a caller waiting for many documents
	 */
	public Set<String> unfinished(String knowledgeBase, Collection<String> ids) {
		return this.store.findUnfinished(knowledgeBase, ids);
	}

	/**
	 * @param knowledgeBase a knowledge base
	 * @return all its documents, oldest first (read whole: for a page, see {@link #page})
	 */
	public List<Document> list(String knowledgeBase) {
		this.knowledgeBases.get(knowledgeBase);
		return this.store.findByKnowledgeBase(knowledgeBase);
	}

	/**
	 * One page of a knowledge base's documents, searched, sorted and cut by the catalog.
	 * @param knowledgeBase a knowledge base
	 * @param query which documents, in which order
	 * @return the page, with how many matched and the queue's places in line
	 * @throws NotFoundException if the knowledge base does not exist
	 */
	public DocumentQuery.Page page(String knowledgeBase, DocumentQuery query) {
		this.knowledgeBases.get(knowledgeBase);
		return this.store.findPage(knowledgeBase, query);
	}

	/**
	 * @param knowledgeBases where it may be
	 * @param id a document
	 * @return the document, if it is in one of those knowledge bases
	 */
	public Optional<Document> find(Collection<String> knowledgeBases, String id) {
		return this.store.findById(id).filter((d) -> knowledgeBases.contains(d.knowledgeBase()));
	}

	/**
	 * @param knowledgeBase its knowledge base
	 * @param id the document
	 * @return its searchable chunks in document order (by ordinal)
	 * @throws NotFoundException if the knowledge base has no such document
	 */
	public List<Chunk> chunks(String knowledgeBase, String id) {
		get(knowledgeBase, id);
		return this.index.chunks(id).stream().sorted(Comparator.comparingInt(Chunk::ordinal)).toList();
	}

	/**
	 * @param knowledgeBase its knowledge base
	 * @param id the document
	 * @param chunkId one of its chunks, as search and citations name it
	 * @return the chunk
	 * @throws NotFoundException if the knowledge base has no such document, or the
	 * document no such searchable chunk
	 */
	public Chunk chunk(String knowledgeBase, String id, String chunkId) {
		get(knowledgeBase, id);
		return this.index.chunks(id)
			.stream()
			.filter((c) -> c.id().equals(chunkId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("No chunk '" + chunkId + "' in document '" + id + "'"));
	}

	/**
	 * @param document a document, as this front gave it
	 * @return how many of its chunks are searchable now
	 */
	public int indexedChunks(Document document) {
		return this.index.count(document.id());
	}

	/**
	 * Deletes a document, its chunks and its original, and stops its ingestion. The
	 * catalog row goes first, then the chunks: a worker writes chunks only while the row
	 * exists, in one step against this delete (see
	 * {@link ChunkIndex#replace(String, List, java.util.function.IntConsumer, java.util.function.BooleanSupplier)}),
	 * so nothing of the document is searchable once this returns.
	 * @param knowledgeBase its knowledge base
	 * @param id the document
	 */
	public void delete(String knowledgeBase, String id) {
		this.uploads.delete(get(knowledgeBase, id));
	}

	/**
	 * Reads a READY document again from its original (after OCR was installed, or a
	 * reader improved): it goes back in the queue, and its chunks stay searchable until
	 * the new ones replace them in one step. A FAILED document is retried by sending its
	 * bytes again.
	 * @param knowledgeBase its knowledge base
	 * @param id the document
	 * @return the document, queued
	 * @throws ConflictException unless it is READY
	 */
	public Document reingest(String knowledgeBase, String id) {
		Document document = get(knowledgeBase, id);
		if (document.status() != DocumentStatus.READY) {
			throw new ConflictException("Document '" + id + "' is " + document.status()
					+ "; only a READY document is ingested again (a FAILED one: send its bytes again)");
		}
		this.store.requeue(id);
		this.workers.wakeUp();
		return get(knowledgeBase, id);
	}

	/**
	 * @param knowledgeBase its knowledge base
	 * @param id the document
	 * @return the original: a presigned URL where the blob store has them, else its bytes
	 */
	public Original original(String knowledgeBase, String id) {
		Document document = get(knowledgeBase, id);
		Optional<URI> url = this.blobs.presignedUrl(document.blobKey(), Duration.ofMinutes(5));
		return new Original(document, url.orElse(null), () -> this.blobs.open(document.blobKey()));
	}

	/**
	 * Replaces a document in place: the same id, the next version number. The upload is
	 * checked as any upload; the previous version stays searchable until the new one is
	 * READY, when the index swaps the document's chunks at once (keeping the vectors of
	 * every chunk whose text did not change). The same bytes as the current version
	 * change nothing.
	 * @param knowledgeBase its knowledge base
	 * @param id the document
	 * @param upload the new file
	 * @param metadata a JSON object, or {@code null} to keep the current metadata
	 * @return the document, QUEUED as its next version (or unchanged)
	 * @throws ConflictException if the document is being ingested, is replaced
	 * concurrently, or another document of the knowledge base has these bytes
	 */
	public Replaced replace(String knowledgeBase, String id, Upload upload, String metadata) {
		return this.uploads.replace(get(knowledgeBase, id), upload, metadata);
	}

	/**
	 * Changes a document's metadata by re-indexing: its next version is its current file
	 * with the new metadata. Search filters read the values each chunk carries (see
	 * {@link IngestionSteps#searchableValues}), so the chunks are written again; the
	 * index swaps them all at once when the version is READY (keeping every vector, since
	 * no text changed), and until then the previous values hold. No chunk ever has half
	 * of a change.
	 * @param knowledgeBase its knowledge base
	 * @param id the document
	 * @param metadata the new metadata, a JSON object that replaces the old one whole
	 * @return the document, QUEUED as its next version (or unchanged when the metadata is
	 * the same)
	 * @throws RejectedInputException if the metadata is not a JSON object or too large
	 * @throws ConflictException if the document is being ingested
	 */
	public Replaced updateMetadata(String knowledgeBase, String id, String metadata) {
		return this.uploads.updateMetadata(get(knowledgeBase, id), metadata);
	}

	/**
	 * @param knowledgeBase its knowledge base
	 * @param id the document
	 * @return its versions before the current one, oldest first
	 */
	public List<Document.Version> versions(String knowledgeBase, String id) {
		get(knowledgeBase, id);
		return this.store.versions(id);
	}

	/**
	 * An uploaded file, already on local disk.
	 *
	 * @param filename the name it came with
	 * @param file where its bytes are
	 */
	public record Upload(String filename, Path file) {

	}

	/**
	 * What became of one upload.
	 *
	 * @param document the document (the existing one for a duplicate)
	 * @param duplicateOf the existing document with the same bytes, or {@code null}
	 */
	public record Submitted(Document document, String duplicateOf) {

	}

	/**
	 * What a replacement did.
	 *
	 * @param document the document
	 * @param replaced whether a new version was queued ({@code false}: the same file and
	 * metadata as the current version)
	 */
	public record Replaced(Document document, boolean replaced) {

	}

	/**
	 * An original.
	 *
	 * @param document its document
	 * @param url a presigned download URL, or {@code null}
	 * @param content opens its bytes
	 */
	public record Original(Document document, URI url, Content content) {

	}

	/**
	 * Opens an original's bytes.
	 */
	@FunctionalInterface
	public interface Content {

		InputStream open() throws IOException;

	}

}
