package dev.ragchat.api.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.ragchat.api.access.Caller;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.DocumentPages;
import dev.ragchat.ingestion.Documents;
import dev.ragchat.retrieval.Chunk;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pictures of a PDF document's pages, optionally with a chunk or a quoted passage
 * highlighted: what a citation points at, to be checked by eye.
 */
@RestController
@Tag(name = "documents")
class PagePreviewController {

	private static final int MAX_QUOTE = 2000;

	private final Documents documents;

	private final DocumentPages pages;

	PagePreviewController(Documents documents, DocumentPages pages) {
		this.documents = documents;
		this.pages = pages;
	}

	@GetMapping(path = "/api/v1/knowledge-bases/{kb}/documents/{doc}/pages/{page}",
			produces = MediaType.IMAGE_PNG_VALUE)
	@Operation(summary = "A PNG of a PDF page (bounded size); highlight=<chunkId> or quote=<text> draws that"
			+ " passage's boxes on it; with both, the quote where it is on the page (word for word, or the lines"
			+ " holding most of its words and numbers), else the chunk")
	ResponseEntity<byte[]> page(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
			@PathVariable String kb, @PathVariable String doc, @PathVariable int page,
			@RequestParam(required = false) String highlight, @RequestParam(required = false) String quote)
			throws IOException {
		Permissions.see(caller, kb);
		if (quote != null && (quote.isBlank() || quote.length() > MAX_QUOTE)) {
			throw new RejectedInputException("quote must hold 1 to " + MAX_QUOTE + " characters");
		}
		this.documents.get(kb, doc);
		String passage = quote;
		if (highlight != null) {
			Chunk chunk = chunk(kb, doc, highlight);
			// a quote that is not on the page (another chip's sentence never is) gives
			// way
			// to the chunk it was cited from, never to some other passage
			if (quote == null || this.pages.locate(kb, doc, page, page, quote).isEmpty()) {
				passage = chunk.text();
			}
		}
		Path png = this.pages.png(kb, doc, page, passage);
		byte[] body;
		try {
			body = Files.readAllBytes(png);
		}
		catch (java.nio.file.NoSuchFileException ex) {
			// the document was deleted meanwhile
			throw new NotFoundException("No document '" + doc + "' in '" + kb + "'");
		}
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(body);
	}

	private Chunk chunk(String kb, String doc, String chunkId) {
		if (!chunkId.startsWith(doc + ":")) {
			throw new NotFoundException("No chunk '" + chunkId + "' in document '" + doc + "'");
		}
		return this.documents.chunk(kb, doc, chunkId);
	}

}
