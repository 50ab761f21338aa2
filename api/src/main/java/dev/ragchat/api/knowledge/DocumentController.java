package dev.ragchat.api.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.access.Scope;
import dev.ragchat.api.audit.Audit;
import dev.ragchat.errors.RagChatException;
import dev.ragchat.ingestion.Document;
import dev.ragchat.ingestion.DocumentPages;
import dev.ragchat.ingestion.DocumentStore;
import dev.ragchat.ingestion.Documents;
import dev.ragchat.retrieval.ChunkIndex;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Documents of a knowledge base: upload (queued for ingestion), status, original, delete.
 */
@RestController
@RequestMapping(path = "/api/v1/knowledge-bases/{kb}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "documents")
class DocumentController {

	private static final int MAX_IDEMPOTENCY_KEY = 200;

	private static final int MAX_WAIT_SECONDS = 60;

	private static final long WAIT_POLL_MILLIS = 200;

	private final Documents documents;

	private final ChunkIndex index;

	private final DocumentPages pages;

	private final Audit audit;

	private final Limits limits;

	DocumentController(Documents documents, ChunkIndex index, DocumentPages pages, Audit audit,
			ObjectProvider<MultipartProperties> multipart) {
		MultipartProperties sizes = multipart.getIfAvailable(MultipartProperties::new);
		this.limits = new Limits(sizes.getMaxFileSize().toBytes(), sizes.getMaxRequestSize().toBytes());
		this.audit = audit;
		this.documents = documents;
		this.index = index;
		this.pages = pages;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Upload one or more files (parts named 'file'); each is queued for ingestion")
	SubmittedList upload(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String kb,
			@RequestPart("file") List<MultipartFile> files,
			@RequestPart(name = "metadata", required = false) String metadata,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) throws IOException {
		try {
			return submit(caller, kb, files, metadata, idempotencyKey);
		}
		catch (RagChatException ex) {
			this.audit.refused(caller.keyId(), "document.created", "documents:" + kb, ex);
			throw ex;
		}
	}

	private SubmittedList submit(Caller caller, String kb, List<MultipartFile> files, String metadata,
			String idempotencyKey) throws IOException {
		caller.require(Scope.UPLOAD, kb);
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
			throw new dev.ragchat.errors.RejectedInputException(
					"Idempotency-Key must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters");
		}
		List<Path> temps = new ArrayList<>();
		try {
			List<Documents.Upload> uploads = new ArrayList<>();
			for (MultipartFile file : files) {
				Path temp = Files.createTempFile("ragchat-upload", ".bin");
				temps.add(temp);
				try (InputStream in = file.getInputStream()) {
					Files.copy(in, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				}
				uploads.add(new Documents.Upload(file.getOriginalFilename(), temp));
			}
			List<Documents.Submitted> submitted = this.documents.submit(kb, uploads, metadata, idempotencyKey);
			for (Documents.Submitted s : submitted) {
				if (s.duplicateOf() == null) {
					this.audit.documentCreated(caller.keyId(), kb, s.document().id());
				}
			}
			return new SubmittedList(submitted.stream()
				.map((s) -> new SubmittedView(s.document().id(), s.document().filename(), s.document().status().name(),
						statusUrl(s.document()), s.duplicateOf()))
				.toList());
		}
		finally {
			for (Path temp : temps) {
				Files.deleteIfExists(temp);
			}
		}
	}

	@PutMapping(path = "/{doc}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Replace a document in place (one part named 'file', optional 'metadata'): same id, next"
			+ " version; the previous version stays searchable until the new one is READY; 409 while a version is"
			+ " being ingested")
	ReplacedView replace(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String kb,
			@PathVariable String doc, @RequestPart("file") MultipartFile file,
			@RequestPart(name = "metadata", required = false) String metadata) throws IOException {
		try {
			return replaceInPlace(caller, kb, doc, file, metadata);
		}
		catch (RagChatException ex) {
			this.audit.refused(caller.keyId(), "document.replaced", "document:" + kb + "/" + doc, ex);
			throw ex;
		}
	}

	private ReplacedView replaceInPlace(Caller caller, String kb, String doc, MultipartFile file, String metadata)
			throws IOException {
		caller.require(Scope.UPLOAD, kb);
		Path temp = Files.createTempFile("ragchat-upload", ".bin");
		try {
			try (InputStream in = file.getInputStream()) {
				Files.copy(in, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
			Documents.Replaced replaced = this.documents.replace(kb, doc,
					new Documents.Upload(file.getOriginalFilename(), temp), metadata);
			Document d = replaced.document();
			if (replaced.replaced()) {
				this.audit.documentReplaced(caller.keyId(), kb, doc, d.version());
				this.pages.evict(kb, doc);
			}
			return new ReplacedView(d.id(), d.filename(), d.status().name(), d.version(), replaced.replaced(),
					statusUrl(d));
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	@GetMapping("/{doc}/versions")
	@Operation(summary = "A document's versions, oldest first, the current one last")
	VersionList versions(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String kb,
			@PathVariable String doc) {
		Permissions.see(caller, kb);
		List<Document.Version> previous = this.documents.versions(kb, doc);
		Document d = this.documents.get(kb, doc);
		List<VersionView> versions = new ArrayList<>();
		for (Document.Version v : previous) {
			versions.add(new VersionView(v.version(), v.filename(), v.mediaType(), v.sizeBytes(), v.sha256(),
					v.metadata(), v.createdAt(), v.readyAt(), v.supersededAt(), null, false));
		}
		versions.add(new VersionView(d.version(), d.filename(), d.mediaType(), d.sizeBytes(), d.sha256(), d.metadata(),
				d.updatedAt(), d.readyAt(), null, d.status().name(), true));
		return new VersionList(d.id(), d.version(), versions);
	}

	@GetMapping
	@Operation(summary = "List the documents of a knowledge base: all of them, oldest first, unless q (in the file"
			+ " name, case-blind), sort (name, date, size, status; -name etc. descending), offset and limit (1 to"
			+ " 500) ask for a page; total is how many matched, limits the upload limits")
	DocumentList list(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String kb,
			@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(required = false) Integer limit) {
		Permissions.see(caller, kb);
		DocumentStore.Page page = this.documents.page(kb, new DocumentListing(q, sort, offset, limit).toQuery());
		return new DocumentList(
				page.documents().stream().map((d) -> view(d).withPlaceInLine(page.placesInLine().get(d.id()))).toList(),
				Math.toIntExact(page.total()), offset, limit, Math.toIntExact(page.queued()), this.limits);
	}

	@PatchMapping(path = "/{doc}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Change a document's metadata ({metadata: {...}}, upload scope): its next version, the"
			+ " same file with this metadata, is queued and replaces the current one when READY, so that search"
			+ " filters see the new values all at once; 409 while a version is being ingested")
	ReplacedView updateMetadata(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
			@PathVariable String kb, @PathVariable String doc, @RequestBody MetadataChange change) throws IOException {
		try {
			caller.require(Scope.UPLOAD, kb);
			if (change == null || change.metadata() == null || !change.metadata().isObject()) {
				throw new dev.ragchat.errors.RejectedInputException("Send {\"metadata\": {...}}, a JSON object");
			}
			Documents.Replaced replaced = this.documents.updateMetadata(kb, doc, change.metadata().toString());
			Document d = replaced.document();
			if (replaced.replaced()) {
				this.audit.documentReplaced(caller.keyId(), kb, doc, d.version());
				this.pages.evict(kb, doc);
			}
			return new ReplacedView(d.id(), d.filename(), d.status().name(), d.version(), replaced.replaced(),
					statusUrl(d));
		}
		catch (RagChatException ex) {
			this.audit.refused(caller.keyId(), "document.replaced", "document:" + kb + "/" + doc, ex);
			throw ex;
		}
	}

	@GetMapping("/{doc}")
	@Operation(summary = "Show a document's ingestion status and progress; with waitSeconds, first wait (up to"
			+ " 60 s) until it is READY or FAILED")
	DocumentView get(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String kb,
			@PathVariable String doc, @RequestParam(defaultValue = "0") int waitSeconds) throws InterruptedException {
		Permissions.see(caller, kb);
		if (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
			throw new dev.ragchat.errors.RejectedInputException(
					"waitSeconds must be between 0 and " + MAX_WAIT_SECONDS);
		}
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(waitSeconds);
		Document document = this.documents.get(kb, doc);
		while (!document.status().isFinal() && System.nanoTime() < deadline) {
			Thread.sleep(WAIT_POLL_MILLIS);
			document = this.documents.get(kb, doc);
		}
		return view(document).withIndexedChunks(this.index.count(doc));
	}

	@GetMapping(path = "/{doc}/content", produces = MediaType.ALL_VALUE)
	@Operation(summary = "Download the original (or be redirected to a short-lived URL)")
	ResponseEntity<Resource> content(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
			@PathVariable String kb, @PathVariable String doc) throws IOException {
		Permissions.see(caller, kb);
		Documents.Original original = this.documents.original(kb, doc);
		if (original.url() != null) {
			return ResponseEntity.status(HttpStatus.FOUND).location(original.url()).build();
		}
		Document document = original.document();
		Resource body = new InputStreamResource(original.content().open());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.mediaType()))
			.contentLength(document.sizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(document.filename(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(body);
	}

	@DeleteMapping("/{doc}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a document with its chunks, original and page previews")
	void delete(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String kb,
			@PathVariable String doc) {
		try {
			caller.require(Scope.UPLOAD, kb);
			this.documents.delete(kb, doc);
		}
		catch (RagChatException ex) {
			this.audit.refused(caller.keyId(), "document.deleted", "document:" + kb + "/" + doc, ex);
			throw ex;
		}
		this.audit.documentDeleted(caller.keyId(), kb, doc);
		this.pages.evict(kb, doc);
	}

	private static String statusUrl(Document document) {
		return "/api/v1/knowledge-bases/" + document.knowledgeBase() + "/documents/" + document.id();
	}

	static DocumentView view(Document d) {
		boolean ready = d.status() == dev.ragchat.ingestion.DocumentStatus.READY;
		return new DocumentView(d.id(), d.filename(), d.mediaType(), d.sizeBytes(), d.sha256(), d.status().name(),
				d.progress(), ready ? d.progress().pagesTotal() : null, ready ? d.progress().chunksTotal() : null,
				d.warnings(), d.error(), d.metadata(), d.createdAt(), d.readyAt(), d.version(), d.updatedAt(), null,
				null);
	}

	/**
	 * A change of metadata.
	 *
	 * @param metadata the new metadata, a JSON object (it replaces the old one whole)
	 */
	record MetadataChange(com.fasterxml.jackson.databind.JsonNode metadata) {

	}

	/**
	 * The upload limits ({@code spring.servlet.multipart.*}), so that a client refuses a
	 * file that is too big before sending a byte of it.
	 *
	 * @param maxFileBytes the largest file
	 * @param maxRequestBytes the largest upload request (all its files)
	 */
	record Limits(long maxFileBytes, long maxRequestBytes) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ReplacedView(String id, String filename, String status, int version, boolean replaced, String statusUrl) {

	}

	record VersionList(String documentId, int current, List<VersionView> versions) {

	}

	/**
	 * One version of a document.
	 *
	 * @param version its number
	 * @param filename its file name
	 * @param mediaType its media type
	 * @param sizeBytes its size
	 * @param sha256 hex SHA-256 of its bytes
	 * @param metadata its metadata
	 * @param uploadedAt when it was uploaded
	 * @param readyAt when it became searchable ({@code null}: not (yet))
	 * @param supersededAt when the next version was uploaded ({@code null}: the current)
	 * @param status the current version's status
	 * @param current whether it is the current version
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record VersionView(int version, String filename, String mediaType, long sizeBytes, String sha256,
			@JsonRawValue String metadata, Instant uploadedAt, Instant readyAt, Instant supersededAt, String status,
			boolean current) {

	}

	record SubmittedList(List<SubmittedView> documents) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record SubmittedView(String id, String filename, String status, String statusUrl, String duplicateOf) {

	}

	/**
	 * A page of documents.
	 *
	 * @param documents the documents
	 * @param total how many matched the search (all of them without one)
	 * @param offset documents skipped
	 * @param limit the page size asked for, or {@code null}
	 * @param queued how many documents of the knowledge base wait in line
	 * @param limits the upload limits
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record DocumentList(List<DocumentView> documents, int total, int offset, Integer limit, int queued, Limits limits) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record DocumentView(String id, String filename, String mediaType, long sizeBytes, String sha256, String status,
			Document.Progress progress, Integer pages, Integer chunks, List<String> warnings, String error,
			@JsonRawValue String metadata, Instant createdAt, Instant readyAt, int version, Instant updatedAt,
			Integer indexedChunks, Integer placeInLine) {

		/**
		 * @param count chunks of the document that are searchable right now
		 * @return this view with that count (shown for a single document: it costs an
		 * index query)
		 */
		DocumentView withIndexedChunks(int count) {
			return new DocumentView(this.id, this.filename, this.mediaType, this.sizeBytes, this.sha256, this.status,
					this.progress, this.pages, this.chunks, this.warnings, this.error, this.metadata, this.createdAt,
					this.readyAt, this.version, this.updatedAt, count, this.placeInLine);
		}

		/**
		 * @param place its place among the knowledge base's queued documents (1: next),
		 * or {@code null}
		 * @return this view with it
		 */
		DocumentView withPlaceInLine(Integer place) {
			return new DocumentView(this.id, this.filename, this.mediaType, this.sizeBytes, this.sha256, this.status,
					this.progress, this.pages, this.chunks, this.warnings, this.error, this.metadata, this.createdAt,
					this.readyAt, this.version, this.updatedAt, this.indexedChunks, place);
		}

	}

}
