package dev.ragchat.api.media.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.media.Extraction;
import dev.ragchat.api.media.Extractions;
import dev.ragchat.errors.RejectedInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

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
 * Structured extraction from an image or PDF (or a document of a knowledge base) with a
 * JSON Schema, through the configured language model.
 */
@RestController
@RequestMapping(path = "/api/v1/extractions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "extractions", description = "Structured fields from images and PDFs")
@SecurityRequirement(name = "apiKey")
class ExtractionController {

	private static final ObjectMapper json = new ObjectMapper();

	private static final int MAX_PAGE = 100;

	private final Extractions extractions;

	ExtractionController(Extractions extractions) {
		this.extractions = extractions;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Extract the fields of a JSON Schema (part 'schema') from a file (part 'file') or from a"
			+ " document (parts 'knowledgeBase' and 'documentId'); the model's answer is validated first")
	ResponseEntity<ExtractionView> extract(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
			@RequestPart("schema") String schema, @RequestPart(name = "file", required = false) MultipartFile file,
			@RequestPart(name = "knowledgeBase", required = false) String knowledgeBase,
			@RequestPart(name = "documentId", required = false) String documentId) throws IOException {
		boolean fromDocument = documentId != null || knowledgeBase != null;
		if ((file == null) == !fromDocument || (fromDocument && (documentId == null || knowledgeBase == null))) {
			throw new RejectedInputException(
					"Send either a 'file' part, or 'knowledgeBase' and 'documentId' parts (not both)");
		}
		Extraction extraction;
		if (file != null) {
			Path temp = Files.createTempFile("ragchat-extraction", ".bin");
			try {
				try (InputStream in = file.getInputStream()) {
					Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
				}
				extraction = this.extractions.fromFile(caller, schema, file.getOriginalFilename(), temp);
			}
			finally {
				Files.deleteIfExists(temp);
			}
		}
		else {
			extraction = this.extractions.fromDocument(caller, schema, knowledgeBase.strip(), documentId.strip());
		}
		return ResponseEntity.created(URI.create("/api/v1/extractions/" + extraction.id())).body(view(extraction));
	}

	@GetMapping
	@Operation(summary = "The extractions this key made, newest first, paged")
	ExtractionList list(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "20") int limit) {
		if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
			throw new RejectedInputException("offset must be 0 or more, limit between 1 and " + MAX_PAGE);
		}
		Extractions.Listed listed = this.extractions.list(caller, offset, limit);
		return new ExtractionList(listed.extractions().stream().map(ExtractionController::view).toList(), offset, limit,
				listed.total());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One extraction of this key")
	ExtractionView get(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String id) {
		return view(this.extractions.get(caller, id));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete an extraction of this key")
	void delete(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String id) {
		this.extractions.delete(caller, id);
	}

	private static ExtractionView view(Extraction e) {
		return new ExtractionView(e.id(), e.knowledgeBase(), e.documentId(), e.mediaId(), tree(e.fields()),
				tree(e.schema()), e.model(), e.createdAt());
	}

	private static JsonNode tree(String text) {
		try {
			return json.readTree(text);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored extraction is not JSON", ex);
		}
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ExtractionView(String id, String knowledgeBase, String documentId, String mediaId, JsonNode fields,
			JsonNode schema, String model, Instant createdAt) {

	}

	record ExtractionList(List<ExtractionView> extractions, int offset, int limit, long total) {

	}

}
