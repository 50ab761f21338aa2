package dev.ragchat.api.knowledge;

import java.io.IOException;
import java.util.List;

import dev.ragchat.api.access.Caller;
import dev.ragchat.ingestion.KnowledgeBase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The original Flask service's upload: every file part of the request goes into the
 * {@code default} knowledge base.
 */
@RestController
@Tag(name = "seed-compatible")
class SeedUploadController {

	private final DocumentUploadController documents;

	SeedUploadController(DocumentUploadController documents) {
		this.documents = documents;
	}

	@PostMapping(path = "/make_embedding", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Upload files into the default knowledge base (X-API-Key: a temporary key)")
	DocumentUploadController.SubmittedList makeEmbedding(
			@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, MultipartHttpServletRequest request)
			throws IOException {
		List<MultipartFile> files = request.getMultiFileMap().values().stream().flatMap(List::stream).toList();
		return this.documents.upload(caller, KnowledgeBase.DEFAULT, files, null, null);
	}

}
