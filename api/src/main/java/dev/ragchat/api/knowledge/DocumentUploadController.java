package dev.ragchat.api.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.access.Scope;
import dev.ragchat.api.audit.Audit;
import dev.ragchat.errors.RagChatException;
import dev.ragchat.ingestion.Document;
import dev.ragchat.ingestion.DocumentPages;
import dev.ragchat.ingestion.Documents;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Changes to the documents of a knowledge base, each with the upload scope and audited
 * (its refusal too): upload (queued for ingestion), replace in place, a change of
 * metadata, delete. A page preview of a document changed is dropped.
 */
@RestController
@RequestMapping(path = "/api/v1/knowledge-bases/{kb}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "documents")
class DocumentUploadController {

	private static final int MAX_IDEMPOTENCY_KEY = 200;

	private final Documents documents;

	private final DocumentPages pages;

	private final Audit audit;

	DocumentUploadController(Documents documents, DocumentPages pages, Audit audit) {
		this.documents = documents;
		this.pages = pages;
		this.audit = audit;
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

	/**
	 * A change of metadata.
	 *
	 * @param metadata the new metadata, a JSON object (it replaces the old one whole)
	 */
	record MetadataChange(com.fasterxml.jackson.databind.JsonNode metadata) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ReplacedView(String id, String filename, String status, int version, boolean replaced, String statusUrl) {

	}

	record SubmittedList(List<SubmittedView> documents) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record SubmittedView(String id, String filename, String status, String statusUrl, String duplicateOf) {

	}

}
