package dev.ragchat.api.chat.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.audit.Audit;
import dev.ragchat.api.chat.files.SessionFiles;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RagChatException;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.Document;
import dev.ragchat.ingestion.DocumentPages;
import dev.ragchat.ingestion.DocumentStatus;
import dev.ragchat.ingestion.Documents;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files dropped into a conversation ({@link SessionFiles}): with the session's token or
 * the API key that started it, and the right to chat in it. The same sub-paths as a
 * knowledge base's documents, so that a viewer opens either.
 */
@RestController
@RequestMapping(path = "/api/v1/sessions/{id}/files", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "sessions")
class SessionFileController {

	private static final int MAX_WAIT_SECONDS = 60;

	private static final long WAIT_POLL_MILLIS = 200;

	private static final int MAX_QUOTE = 2000;

	private final SessionFiles files;

	private final Documents documents;

	private final DocumentPages pages;

	private final Audit audit;

	SessionFileController(SessionFiles files, Documents documents, DocumentPages pages, Audit audit) {
		this.files = files;
		this.documents = documents;
		this.pages = pages;
		this.audit = audit;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Drop files into the conversation (parts named 'file'): each is ingested as an upload is,"
			+ " into the session's own knowledge base (no one else's to list or search; deleted with the session),"
			+ " and asked from then on; needs only the right to chat in the session; the upload limits of"
			+ " documents, at most " + SessionFiles.MAX_FILES + " files per conversation (409)")
	@SecurityRequirement(name = "sessionToken")
	@SecurityRequirement(name = "apiKey")
	FileList drop(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String id,
			@RequestPart("file") List<MultipartFile> parts) throws IOException {
		try {
			List<FileView> dropped = new ArrayList<>();
			for (MultipartFile part : parts) {
				dropped.add(drop(caller, id, part));
			}
			return new FileList(dropped);
		}
		catch (RagChatException ex) {
			this.audit.refused(caller.keyId(), "document.created", "session-files:" + id, ex);
			throw ex;
		}
	}

	private FileView drop(Caller caller, String id, MultipartFile part) throws IOException {
		Path temp = Files.createTempFile("ragchat-drop", ".bin");
		try {
			try (InputStream in = part.getInputStream()) {
				Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
			}
			Documents.Submitted submitted = this.files.drop(caller, id, part.getOriginalFilename(), temp);
			Document document = submitted.document();
			if (submitted.duplicateOf() == null) {
				this.audit.documentCreated(caller.keyId(), document.knowledgeBase(), document.id());
			}
			return view(id, document).duplicateOf(submitted.duplicateOf());
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	@GetMapping
	@Operation(summary = "The files dropped into the conversation, oldest first")
	@SecurityRequirement(name = "sessionToken")
	@SecurityRequirement(name = "apiKey")
	FileList list(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String id) {
		return new FileList(this.files.list(caller, id).stream().map((d) -> view(id, d)).toList());
	}

	@GetMapping("/{doc}")
	@Operation(summary = "A dropped file's ingestion status; with waitSeconds, first wait (up to 60 s) until it is"
			+ " READY or FAILED")
	@SecurityRequirement(name = "sessionToken")
	@SecurityRequirement(name = "apiKey")
	FileView get(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String id,
			@PathVariable String doc, @RequestParam(defaultValue = "0") int waitSeconds) throws InterruptedException {
		if (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
			throw new RejectedInputException("waitSeconds must be between 0 and " + MAX_WAIT_SECONDS);
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
		Document document = this.files.get(caller, id, doc);
		while (!document.status().isFinal() && System.nanoTime() < deadline) {
			Thread.sleep(WAIT_POLL_MILLIS);
			document = this.files.get(caller, id, doc);
		}
		return view(id, document);
	}

	@GetMapping(path = "/{doc}/content", produces = MediaType.ALL_VALUE)
	@Operation(summary = "Download a dropped file's original")
	@SecurityRequirement(name = "sessionToken")
	@SecurityRequirement(name = "apiKey")
	ResponseEntity<Resource> content(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
			@PathVariable String id, @PathVariable String doc) throws IOException {
		Document document = this.files.get(caller, id, doc);
		Documents.Original original = this.documents.original(document.knowledgeBase(), doc);
		if (original.url() != null) {
			return ResponseEntity.status(HttpStatus.FOUND).location(original.url()).build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.mediaType()))
			.contentLength(document.sizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(document.filename(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(new InputStreamResource(original.content().open()));
	}

	@GetMapping("/{doc}/chunks")
	@Operation(summary = "A dropped file's passages in order")
	@SecurityRequirement(name = "sessionToken")
	@SecurityRequirement(name = "apiKey")
	ChunkList chunks(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String id,
			@PathVariable String doc) {
		Document document = this.files.get(caller, id, doc);
		return new ChunkList(this.documents.chunks(document.knowledgeBase(), doc)
			.stream()
			.map((c) -> new ChunkView(c.id(), c.ordinal(), c.page(), c.pageEnd(), c.headingPath(), c.text()))
			.toList());
	}

	@GetMapping(path = "/{doc}/pages/{page}", produces = MediaType.IMAGE_PNG_VALUE)
	@Operation(summary = "A PNG of a dropped PDF's page; highlight=<chunkId> or quote=<text> draws that passage")
	@SecurityRequirement(name = "sessionToken")
	@SecurityRequirement(name = "apiKey")
	ResponseEntity<byte[]> page(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
			@PathVariable String id, @PathVariable String doc, @PathVariable int page,
			@RequestParam(required = false) String highlight, @RequestParam(required = false) String quote)
			throws IOException {
		if (quote != null && (quote.isBlank() || quote.length() > MAX_QUOTE)) {
			throw new RejectedInputException("quote must hold 1 to " + MAX_QUOTE + " characters");
		}
		Document document = this.files.get(caller, id, doc);
		String passage = quote;
		if (quote == null && highlight != null) {
			passage = this.documents.chunk(document.knowledgeBase(), doc, highlight).text();
		}
		try {
			byte[] body = Files.readAllBytes(this.pages.png(document.knowledgeBase(), doc, page, passage));
			return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(body);
		}
		catch (java.nio.file.NoSuchFileException ex) {
			throw new NotFoundException("No file '" + doc + "' in session '" + id + "'");
		}
	}

	@DeleteMapping("/{doc}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a dropped file with its chunks and original: it is asked no more")
	@SecurityRequirement(name = "sessionToken")
	@SecurityRequirement(name = "apiKey")
	void delete(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String id,
			@PathVariable String doc) {
		Document document = this.files.get(caller, id, doc);
		this.files.delete(caller, id, doc);
		this.audit.documentDeleted(caller.keyId(), document.knowledgeBase(), doc);
		this.pages.evict(document.knowledgeBase(), doc);
	}

	private static FileView view(String sessionId, Document d) {
		boolean ready = d.status() == DocumentStatus.READY;
		return new FileView(d.id(), d.filename(), d.mediaType(), d.sizeBytes(), d.status().name(), d.progress(),
				ready ? d.progress().pagesTotal() : null, ready ? d.progress().chunksTotal() : null, d.warnings(),
				d.error(), d.knowledgeBase(), d.createdAt(), d.readyAt(),
				"/api/v1/sessions/" + sessionId + "/files/" + d.id(), null);
	}

	record FileList(List<FileView> files) {

	}

	/**
	 * A file dropped into a conversation.
	 *
	 * @param knowledgeBase the session's own knowledge base, where its citations point
	 * @param statusUrl where its status is
	 * @param duplicateOf the file dropped before with the same bytes, which is asked
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record FileView(String id, String filename, String mediaType, long sizeBytes, String status,
			Document.Progress progress, Integer pages, Integer chunks, List<String> warnings, String error,
			String knowledgeBase, Instant createdAt, Instant readyAt, String statusUrl, String duplicateOf) {

		FileView duplicateOf(String earlier) {
			return new FileView(this.id, this.filename, this.mediaType, this.sizeBytes, this.status, this.progress,
					this.pages, this.chunks, this.warnings, this.error, this.knowledgeBase, this.createdAt,
					this.readyAt, this.statusUrl, earlier);
		}

	}

	record ChunkList(List<ChunkView> chunks) {

	}

	record ChunkView(String id, int ordinal, int page, int pageEnd, String headingPath, String text) {

	}

}
