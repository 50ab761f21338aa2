package dev.ragchat.api.knowledge;

import java.util.List;

import dev.ragchat.api.access.Caller;
import dev.ragchat.api.access.Scope;
import dev.ragchat.ingestion.Document;
import dev.ragchat.ingestion.DocumentPages;
import dev.ragchat.ingestion.Documents;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A document's text as the index holds it, passage by passage (what a viewer shows of a
 * type it cannot draw: DOCX, HTML, Markdown, images read by OCR), and reading a document
 * again.
 */
@RestController
@Tag(name = "documents")
class DocumentTextController {

	private final Documents documents;

	private final DocumentPages pages;

	DocumentTextController(Documents documents, DocumentPages pages) {
		this.documents = documents;
		this.pages = pages;
	}

	@GetMapping(path = "/api/v1/knowledge-bases/{kb}/documents/{doc}/chunks",
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The document's passages in order (neighbours share a few words of overlap)")
	ChunkList chunks(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String kb,
			@PathVariable String doc) {
		Permissions.see(caller, kb);
		return new ChunkList(this.documents.chunks(kb, doc)
			.stream()
			.map((c) -> new ChunkView(c.id(), c.ordinal(), c.page(), c.pageEnd(), c.headingPath(), c.text()))
			.toList());
	}

	@PostMapping(path = "/api/v1/knowledge-bases/{kb}/documents/{doc}/reingest",
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Ingest a READY document again from its original (upload scope); its chunks stay"
			+ " searchable until the new ones replace them; 409 unless READY")
	DocumentController.DocumentView reingest(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
			@PathVariable String kb, @PathVariable String doc) {
		caller.require(Scope.UPLOAD, kb);
		Document document = this.documents.reingest(kb, doc);
		this.pages.evict(kb, doc);
		return DocumentController.view(document);
	}

	record ChunkList(List<ChunkView> chunks) {

	}

	record ChunkView(String id, int ordinal, int page, int pageEnd, String headingPath, String text) {

	}

}
