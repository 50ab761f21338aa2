package dev.ragchat.api.knowledge;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.ragchat.api.access.Caller;
import dev.ragchat.ingestion.Document;
import dev.ragchat.ingestion.DocumentQuery;
import dev.ragchat.ingestion.Documents;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Documents of a knowledge base, for whoever may see it: the list (searched, sorted,
 * paged), a document's status (waiting for it if asked), its versions and its original.
 * Changing them is {@link DocumentUploadController}'s.
 */
@RestController
@RequestMapping(path = "/api/v1/knowledge-bases/{kb}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "documents")
class DocumentController {

	private static final int MAX_WAIT_SECONDS = 60;

	private static final long WAIT_POLL_MILLIS = 200;

	private final Documents documents;

	private final Limits limits;

	DocumentController(Documents documents, ObjectProvider<MultipartProperties> multipart) {
		MultipartProperties sizes = multipart.getIfAvailable(MultipartProperties::new);
		this.limits = new Limits(sizes.getMaxFileSize().toBytes(), sizes.getMaxRequestSize().toBytes());
		this.documents = documents;
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
		DocumentQuery.Page page = this.documents.page(kb, new DocumentListing(q, sort, offset, limit).toQuery());
		return new DocumentList(
				page.documents().stream().map((d) -> view(d).withPlaceInLine(page.placesInLine().get(d.id()))).toList(),
				Math.toIntExact(page.total()), offset, limit, Math.toIntExact(page.queued()), this.limits);
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
		return view(document).withIndexedChunks(this.documents.indexedChunks(document));
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

	static DocumentView view(Document d) {
		boolean ready = d.status() == dev.ragchat.ingestion.DocumentStatus.READY;
		return new DocumentView(d.id(), d.filename(), d.mediaType(), d.sizeBytes(), d.sha256(), d.status().name(),
				d.progress(), ready ? d.progress().pagesTotal() : null, ready ? d.progress().chunksTotal() : null,
				d.warnings(), d.error(), d.metadata(), d.createdAt(), d.readyAt(), d.version(), d.updatedAt(), null,
				null);
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
