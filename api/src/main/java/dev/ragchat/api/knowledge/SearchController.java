package dev.ragchat.api.knowledge;

import java.util.List;

import dev.ragchat.answer.Search;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.access.Scope;
import dev.ragchat.ingestion.KnowledgeBases;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.SearchMode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Search inside one knowledge base: vector, keyword, or both fused (then reranked when a
 * reranker is configured, as for answers).
 */
@RestController
@Tag(name = "search")
class SearchController {

	private final KnowledgeBases knowledgeBases;

	private final Search search;

	SearchController(KnowledgeBases knowledgeBases, Search search) {
		this.knowledgeBases = knowledgeBases;
		this.search = search;
	}

	@PostMapping(path = "/api/v1/knowledge-bases/{kb}/search", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Search a knowledge base's chunks (chat key)",
			description = "Hybrid search (the default mode) returns at most one chunk a page, its best, unless"
					+ " ragchat.retrieval.hybrid-one-per-page is false, in the order of the reranker when one is"
					+ " configured (ragchat.rerank.url); vector and keyword return chunks as ranked.")
	SearchResults search(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String kb,
			@Valid @RequestBody SearchRequest request) {
		caller.require(Scope.CHAT, kb);
		this.knowledgeBases.searchable(kb);
		SearchMode mode = SearchMode.of(request.mode());
		SearchFilter filter = SearchFilter.of(request.filter());
		int topK = (request.topK() != null) ? request.topK() : 5;
		List<ScoredChunk> hits = this.search
			.search(new dev.ragchat.answer.SearchRequest(kb, request.query(), topK, mode, filter.documentIds(),
					filter.metadata()))
			.chunks();
		return new SearchResults(hits.stream()
			.map((hit) -> new Result(hit.chunk().id(), hit.chunk().documentId(), hit.chunk().filename(),
					hit.chunk().page(), hit.chunk().pageEnd(), hit.chunk().title(), hit.chunk().headingPath(),
					hit.chunk().text(), hit.score()))
			.toList());
	}

	/**
	 * A search.
	 *
	 * @param query what to look for
	 * @param topK how many chunks (default 5, at most 100)
	 * @param mode hybrid (default), vector or keyword
	 * @param filter narrows the search ({@link SearchFilter})
	 */
	record SearchRequest(@NotBlank @Size(max = 2000) String query, @Min(1) @Max(100) Integer topK, String mode,
			Object filter) {

	}

	record SearchResults(List<Result> results) {

	}

	/**
	 * A search result.
	 *
	 * @param chunkId the chunk
	 * @param documentId its document
	 * @param filename the document's file name
	 * @param page the page the chunk starts on
	 * @param pageEnd the page it ends on
	 * @param title the document's title (its metadata title, first heading or readable
	 * file name)
	 * @param headingPath the headings above the chunk, outermost first
	 * @param text the chunk's text, exactly as in the document
	 * @param score how well it matches (comparable within one search; the reranker's
	 * score when one ordered a hybrid search)
	 */
	record Result(String chunkId, String documentId, String filename, int page, int pageEnd, String title,
			String headingPath, String text, double score) {

	}

}
