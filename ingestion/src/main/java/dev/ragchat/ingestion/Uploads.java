package dev.ragchat.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
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
import dev.ragchat.ingestion.Documents.Replaced;
import dev.ragchat.ingestion.Documents.Submitted;
import dev.ragchat.ingestion.Documents.Upload;
import dev.ragchat.ingestion.reading.MediaTypes;
import dev.ragchat.ingestion.reading.WorkFiles;
import dev.ragchat.retrieval.ChunkIndex;

import org.springframework.dao.DuplicateKeyException;

/**
 * How files come in and go, for the front ({@link Documents}): every upload is checked
 * before any is stored (a safe name, not empty, a type ragchat reads, its SHA-256, the
 * metadata a JSON object), then its original goes into the blob store and the document
 * into the catalog, queued: a new document ({@link #submit}: an Idempotency-Key replayed,
 * the same bytes answered by the document that has them, a FAILED one with them replaced)
 * or a document's next version ({@link #replace}, {@link #updateMetadata}). A document
 * leaves with its chunks and originals ({@link #delete}). The front calls this class,
 * never the other way: it passes in the documents it has read, and what this class reads
 * or deletes itself it takes from the catalog, the index and the blob store.
 */
final class Uploads {

	private static final int MAX_METADATA_BYTES = 16 * 1024;

	private static final int MAX_NAME_LENGTH = 255;

	private static final ObjectMapper json = new ObjectMapper();

	private final DocumentStore store;

	private final BlobStore blobs;

	private final MediaTypes mediaTypes;

	private final ChunkIndex index;

	private final IngestionWorkers workers;

	private final Clock clock;

	Uploads(DocumentStore store, BlobStore blobs, MediaTypes mediaTypes, ChunkIndex index, IngestionWorkers workers,
			Clock clock) {
		this.store = store;
		this.blobs = blobs;
		this.mediaTypes = mediaTypes;
		this.index = index;
		this.workers = workers;
		this.clock = clock;
	}

	/**
	 * Checks every file, then stores each original and queues it (see
	 * {@link Documents#submit}).
	 */
	List<Submitted> submit(String knowledgeBase, List<Upload> uploads, String metadata, String idempotencyKey) {
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
				this.blobs.put(document.blobKey(), file.upload().file(), file.mediaType());
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

	/**
	 * The same bytes sent again after they FAILED are a retry: the new document replaces
	 * the failed ones (once it is stored), instead of a second FAILED row beside it. Only
	 * the documents with its bytes are read (an upload does not read its whole knowledge
	 * base, which made filling one take time growing with the square of its size).
	 */
	private void replaceFailed(Document document) {
		for (Document failed : this.store.findBySha256(document.knowledgeBase(), document.sha256())) {
			if (failed.status() == DocumentStatus.FAILED && failed.sha256().equals(document.sha256())
					&& !failed.id().equals(document.id())) {
				// deleted meanwhile: nothing to replace
				reread(failed).ifPresent(this::delete);
			}
		}
	}

	/**
	 * Deletes a document, its chunks and its original, and stops its ingestion (see
	 * {@link Documents#delete}): the catalog row first, then the chunks.
	 * @param document the document, as just read from the catalog
	 */
	void delete(Document document) {
		this.store.delete(document.id());
		this.workers.cancel(document.id());
		this.index.deleteDocument(document.id());
		try {
			for (String key : document.blobKeys()) {
				this.blobs.delete(key);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete the original of " + document.id(), ex);
		}
	}

	private void deleteOriginal(Document document) {
		try {
			this.blobs.delete(document.blobKey());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete the original of " + document.id(), ex);
		}
	}

	/**
	 * Queues a document's next version (see {@link Documents#replace}).
	 * @param current the document, as just read from the catalog
	 */
	Replaced replace(Document current, Upload upload, String metadata) {
		String knowledgeBase = current.knowledgeBase();
		String id = current.id();
		String normalizedMetadata = (metadata != null && !metadata.isBlank()) ? metadata(metadata) : current.metadata();
		Checked file = check(upload);
		Optional<Document> same = this.store.findLiveBySha256(knowledgeBase, file.sha256());
		if (same.isPresent() && same.get().id().equals(id) && Objects.equals(normalizedMetadata, current.metadata())
				&& file.filename().equals(current.filename())) {
			return new Replaced(current, false);
		}
		if (same.isPresent() && !same.get().id().equals(id)) {
			throw new ConflictException("Document '" + same.get().id() + "' of '" + knowledgeBase
					+ "' already has these bytes; delete it or replace it instead");
		}
		if (current.status() != DocumentStatus.READY && current.status() != DocumentStatus.FAILED) {
			throw busy(current);
		}
		Document next = new Document(id, knowledgeBase, file.filename(), file.mediaType(), file.size(), file.sha256(),
				DocumentStatus.QUEUED, Document.Progress.NONE, List.of(), null, 0, normalizedMetadata,
				current.createdAt(), null, current.version() + 1, this.clock.instant());
		try {
			this.blobs.put(next.blobKey(), file.upload().file(), file.mediaType());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot store the original of " + file.filename(), ex);
		}
		boolean replaced;
		try {
			replaced = this.store.replace(next);
		}
		catch (DuplicateKeyException ex) {
			replaced = false;
		}
		if (!replaced) {
			Optional<Document> now = this.store.findById(id);
			// a concurrent replacement to the same version may own this original now
			if (now.isEmpty() || !now.get().blobKey().equals(next.blobKey())
					|| !now.get().sha256().equals(next.sha256())) {
				deleteOriginal(next);
			}
			throw now.map(Uploads::busy)
				.orElseGet(() -> new ConflictException("Document '" + id + "' was deleted meanwhile"));
		}
		this.workers.wakeUp();
		return new Replaced(this.store.findById(id).orElse(next), true);
	}

	/**
	 * Queues a document's next version with new metadata (see
	 * {@link Documents#updateMetadata}).
	 * @param current the document, as just read from the catalog
	 */
	Replaced updateMetadata(Document current, String metadata) {
		String id = current.id();
		String normalized = metadata(metadata);
		boolean empty = normalized == null || "{}".equals(normalized);
		if (empty ? current.metadata() == null || "{}".equals(metadata(current.metadata()))
				: current.metadata() != null && sameJson(normalized, current.metadata())) {
			return new Replaced(current, false);
		}
		Path temp = null;
		try {
			// in the owner-only work directory, never the system's temp directory
			temp = WorkFiles.create(this.workers.workDir(), "metadata-", ".bin");
			try (InputStream in = this.blobs.open(current.blobKey()); OutputStream out = Files.newOutputStream(temp)) {
				in.transferTo(out);
			}
			Document now = reread(current).orElseThrow(
					() -> new NotFoundException("No document '" + id + "' in '" + current.knowledgeBase() + "'"));
			return replace(now, new Upload(current.filename(), temp), empty ? "{}" : normalized);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the original of " + id, ex);
		}
		finally {
			if (temp != null) {
				try {
					Files.deleteIfExists(temp);
				}
				catch (IOException ex) {
					// a work file: the next start removes it
				}
			}
		}
	}

	/**
	 * @param document a document read a moment ago
	 * @return it as the catalog has it now, read as the front reads it (empty once it is
	 * deleted)
	 */
	private Optional<Document> reread(Document document) {
		return this.store.findById(document.id()).filter((d) -> d.knowledgeBase().equals(document.knowledgeBase()));
	}

	private static ConflictException busy(Document document) {
		return new ConflictException("Document '" + document.id() + "' is at version " + document.version() + ", "
				+ document.status() + "; replace it once it is READY or FAILED (one replacement at a time)");
	}

	private Checked check(Upload upload) {
		String filename = filename(upload.filename());
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

	/** Whether two JSON texts hold the same values (the order of keys aside). */
	private static boolean sameJson(String a, String b) {
		try {
			return json.readTree(a).equals(json.readTree(b));
		}
		catch (JsonProcessingException ex) {
			return false;
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
			in.transferTo(OutputStream.nullOutputStream());
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
	 * Makes an uploaded file name safe to store and show: only its last path element, no
	 * control or bidi characters, at most 255 characters. File names are never used as
	 * paths.
	 * @param name the name the file came with, or {@code null}
	 * @return the name it is stored under
	 */
	static String filename(String name) {
		if (name == null) {
			return "upload";
		}
		String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		StringBuilder clean = new StringBuilder();
		last.codePoints()
			.filter((c) -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
			.forEach(clean::appendCodePoint);
		String result = clean.toString().strip();
		while (result.startsWith(".")) {
			result = result.substring(1);
		}
		if (result.isEmpty()) {
			return "upload";
		}
		return (result.length() > MAX_NAME_LENGTH) ? result.substring(0, MAX_NAME_LENGTH) : result;
	}

	private record Checked(Upload upload, String filename, long size, String sha256, String mediaType) {

	}

}
