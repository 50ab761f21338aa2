package dev.ragchat.api.knowledge;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import dev.ragchat.api.access.Caller;
import dev.ragchat.api.access.Scope;
import dev.ragchat.api.audit.Audit;
import dev.ragchat.errors.RagChatException;
import dev.ragchat.ingestion.DocumentPages;
import dev.ragchat.ingestion.KnowledgeBase;
import dev.ragchat.ingestion.KnowledgeBases;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Knowledge bases: created by the master key or an admin key, seen only by keys that may
 * use them.
 */
@RestController
@RequestMapping(path = "/api/v1/knowledge-bases", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "knowledge bases")
class KnowledgeBaseController {

	private final KnowledgeBases knowledgeBases;

	private final DocumentPages pages;

	private final Audit audit;

	private final ApplicationEventPublisher events;

	KnowledgeBaseController(KnowledgeBases knowledgeBases, DocumentPages pages, Audit audit,
			ApplicationEventPublisher events) {
		this.audit = audit;
		this.knowledgeBases = knowledgeBases;
		this.pages = pages;
		this.events = events;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Create a knowledge base (master key or admin key)")
	ResponseEntity<KnowledgeBaseView> create(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
			@RequestBody CreateRequest request) {
		KnowledgeBase kb;
		try {
			caller.require(Scope.ADMIN, null);
			kb = this.knowledgeBases.create(request.name(), request.description());
		}
		catch (RagChatException ex) {
			this.audit.refused(caller.keyId(), "knowledge-base.created", "knowledge-bases", ex);
			throw ex;
		}
		this.audit.knowledgeBaseCreated(caller.keyId(), kb.id());
		this.events.publishEvent(new KnowledgeBaseEvent(kb.id(), caller, false));
		return ResponseEntity.created(URI.create("/api/v1/knowledge-bases/" + kb.id())).body(view(kb));
	}

	@GetMapping
	@Operation(summary = "List the knowledge bases this key may use")
	KnowledgeBaseList list(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
		return new KnowledgeBaseList(this.knowledgeBases.list()
			.stream()
			.filter((kb) -> caller.mayUse(kb.id()))
			.map(KnowledgeBaseController::view)
			.toList());
	}

	@GetMapping("/{kb}")
	@Operation(summary = "Show a knowledge base")
	KnowledgeBaseView get(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String kb) {
		Permissions.see(caller, kb);
		return view(this.knowledgeBases.get(kb));
	}

	@DeleteMapping("/{kb}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a knowledge base with its documents, chunks and originals (master or admin key)")
	void delete(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String kb) {
		try {
			caller.require(Scope.ADMIN, kb);
			this.knowledgeBases.delete(kb);
		}
		catch (RagChatException ex) {
			this.audit.refused(caller.keyId(), "knowledge-base.deleted", "knowledge-base:" + kb, ex);
			throw ex;
		}
		this.audit.knowledgeBaseDeleted(caller.keyId(), kb);
		this.events.publishEvent(new KnowledgeBaseEvent(kb, caller, true));
		this.pages.evict(kb);
	}

	static KnowledgeBaseView view(KnowledgeBase kb) {
		return new KnowledgeBaseView(kb.id(), kb.name(), kb.description(), kb.embeddingModel(), kb.dimensions(),
				kb.createdAt());
	}

	record CreateRequest(String name, String description) {

	}

	record KnowledgeBaseView(String id, String name, String description, String embeddingModel, int dimensions,
			Instant createdAt) {

	}

	record KnowledgeBaseList(List<KnowledgeBaseView> knowledgeBases) {

	}

}
