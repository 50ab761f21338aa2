package dev.ragchat.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.errors.ConflictException;
import dev.ragchat.errors.IdempotencyConflictException;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.errors.UnsupportedMediaTypeException;
import dev.ragchat.ingestion.reading.MediaTypes;
import dev.ragchat.retrieval.ChunkIndex;

/**
 * The ingestion front: takes uploads (original first into the blob store, then a queued
 * job in the catalog), reports status, serves originals, deletes documents with their
 * chunks and originals.
 */
public final class Documents {

	private static final int MAX_METADATA_BYTES = 16 * 1024;

	private static final ObjectMapper json = new ObjectMapper();

	private final KnowledgeBases knowledgeBases;

	private final DocumentStore store;

	private final BlobStore blobs;

	private final MediaTypes mediaTypes;

	private final ChunkIndex index;

	private final IngestionWorkers workers;

	private final Clock clock;

	Documents(KnowledgeBases knowledgeBases, DocumentStore store, BlobStore blobs, MediaTypes mediaTypes,
			ChunkIndex index, IngestionWorkers workers, Clock clock) {
		this.knowledgeBases = knowledgeBases;
		this.store = store;
		this.blobs = blobs;
		this.mediaTypes = mediaTypes;
		this.index = index;
		this.workers = workers;
		this.clock = clock;
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
		if (uploads.isEmpty()) {
			throw new RejectedInputException("Send at least one file in a part named 'file'");
		}
		String normalizedMetadata = metadata(metadata);
		List<Checked> checked = new ArrayList<>();
		for (Upload upload : uploads) {
			checked.add(check(upload));
		}
		String requestHash = requestHash(checked, normalizedMetadata);
		boolean replay = false;
		if (idempotencyKey != null) {
			// the first request to claim the key owns it, however requests interleave
			if (!this.store.claimIdempotencyKey(knowledgeBase, idempotencyKey, requestHash).equals(requestHash)) {
				throw new IdempotencyConflictException(
						"Idempotency-Key '" + idempotencyKey + "' was already used for a different request");
			}
			List<DocumentStore.KeyedDocument> earlier = this.store.findByIdempotencyKey(knowledgeBase, idempotencyKey);
			if (earlier.size() == checked.size()) {
				return earlier.stream().map((k) -> new Submitted(k.document(), null)).toList();
			}
			// the same request, still being stored by another call (or partly): the same
			// bytes resolve to the same documents below
			replay = true;
		}
		List<Submitted> submitted = new ArrayList<>();
		for (Checked file : checked) {
			Optional<Document> duplicate = this.store.findLiveBySha256(knowledgeBase, file.sha256());
			if (duplicate.isPresent()) {
				submitted.add(new Submitted(duplicate.get(), replay ? null : duplicate.get().id()));
				continue;
			}
			Document document = new Document("doc_" + UUID.randomUUID().toString().replace("-", ""), knowledgeBase,
					file.filename(), file.mediaType(), file.size(), file.sha256(), DocumentStatus.QUEUED,
					Document.Progress.NONE, List.of(), null, 0, normalizedMetadata, this.clock.instant(), null);
			try {
				this.blobs.put(blobKey(document), file.upload().file(), file.mediaType());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot store the original of " + file.filename(), ex);
			}
			Document stored = this.store.insert(document, idempotencyKey, requestHash);
			if (!stored.id().equals(document.id())) {
				// a concurrent upload of the same bytes won: this copy of the original
				// goes
				deleteOriginal(document);
				submitted.add(new Submitted(stored, replay ? null : stored.id()));
				continue;
			}
			submitted.add(new Submitted(document, null));
			replaceFailed(document);
		}
		this.workers.wakeUp();
		return submitted;
	}

	public Document get(String knowledgeBase, String id) {
		return this.store.findById(id)
			.filter((d) -> d.knowledgeBase().equals(knowledgeBase))
			.orElseThrow(() -> new NotFoundException("No document '" + id + "' in '" + knowledgeBase + "'"));
	}

	public List<Document> list(String knowledgeBase) {
		this.knowledgeBases.get(knowledgeBase);
		return this.store.findByKnowledgeBase(knowledgeBase);
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
		Document document = get(knowledgeBase, id);
		this.store.delete(id);
		this.workers.cancel(id);
		this.index.deleteDocument(id);
		try {
			this.blobs.delete(blobKey(document));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete the original of " + id, ex);
		}
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
	 * The same bytes sent again after they FAILED are a retry: the new document replaces
	 * the failed ones (once it is stored), instead of a second FAILED row beside it.
	 */
	private void replaceFailed(Document document) {
		for (Document failed : this.store.findByKnowledgeBase(document.knowledgeBase())) {
			if (failed.status() == DocumentStatus.FAILED && failed.sha256().equals(document.sha256())
					&& !failed.id().equals(document.id())) {
				try {
					delete(failed.knowledgeBase(), failed.id());
				}
				catch (NotFoundException ex) {
					// deleted meanwhile: nothing to replace
				}
			}
		}
	}

	private void deleteOriginal(Document document) {
		try {
			this.blobs.delete(blobKey(document));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete the original of " + document.id(), ex);
		}
	}

	/**
	 * @param knowledgeBase its knowledge base
	 * @param id the document
	 * @return the original: a presigned URL where the blob store has them, else its bytes
	 */
	public Original original(String knowledgeBase, String id) {
		Document document = get(knowledgeBase, id);
		Optional<URI> url = this.blobs.presignedUrl(blobKey(document), Duration.ofMinutes(5));
		return new Original(document, url.orElse(null), () -> this.blobs.open(blobKey(document)));
	}

	/**
	 * @param metadata a document's metadata JSON object, or {@code null}
	 * @return its top-level text, number and boolean values, as text (what search filters
	 * on)
	 */
	static Map<String, String> searchableMetadata(String metadata) {
		if (metadata == null) {
			return Map.of();
		}
		try {
			Map<String, String> values = new java.util.LinkedHashMap<>();
			json.readTree(metadata).properties().forEach((entry) -> {
				if (entry.getValue().isValueNode() && !entry.getValue().isNull()
						&& entry.getKey().matches("[A-Za-z0-9_.-]{1,64}")) {
					values.put(entry.getKey(), entry.getValue().asText());
				}
			});
			return values;
		}
		catch (JsonProcessingException ex) {
			return Map.of();
		}
	}

	static String blobKey(Document document) {
		return document.knowledgeBase() + "/" + document.id();
	}

	private Checked check(Upload upload) {
		String filename = Filenames.sanitize(upload.filename());
		try {
			long size = Files.size(upload.file());
			if (size == 0) {
				throw new RejectedInputException("File '" + filename + "' is empty");
			}
			String mediaType = this.mediaTypes.detect(upload.file(), filename);
			if (!MediaTypes.isAllowed(mediaType)) {
				throw new UnsupportedMediaTypeException("File '" + filename + "' is " + mediaType
						+ ", which ragchat does not read; send PDF, DOCX, PPTX, XLSX, ODT, HTML, Markdown, text, CSV,"
						+ " EML, PNG, JPEG or TIFF");
			}
			return new Checked(upload, filename, size, sha256(upload.file()), mediaType);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String metadata(String metadata) {
		if (metadata == null || metadata.isBlank()) {
			return null;
		}
		if (metadata.getBytes(StandardCharsets.UTF_8).length > MAX_METADATA_BYTES) {
			throw new RejectedInputException("metadata may be at most " + MAX_METADATA_BYTES + " bytes");
		}
		try {
			JsonNode node = json.readTree(metadata);
			if (node == null || !node.isObject()) {
				throw new RejectedInputException("metadata must be a JSON object");
			}
			return json.writeValueAsString(node);
		}
		catch (JsonProcessingException ex) {
			throw new RejectedInputException("metadata is not valid JSON");
		}
	}

	private static String requestHash(List<Checked> files, String metadata) {
		StringBuilder request = new StringBuilder(String.valueOf(metadata));
		for (Checked file : files) {
			request.append('\n').append(file.filename()).append('\n').append(file.sha256());
		}
		return HexFormat.of().formatHex(digest().digest(request.toString().getBytes(StandardCharsets.UTF_8)));
	}

	private static String sha256(Path file) throws IOException {
		MessageDigest digest = digest();
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
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

	private record Checked(Upload upload, String filename, long size, String sha256, String mediaType) {

	}

}
