package dev.ragchat.api.knowledge;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.access.Scope;
import dev.ragchat.api.audit.Audit;
import dev.ragchat.errors.RagChatException;
import dev.ragchat.ingestion.KnowledgeBase;
import dev.ragchat.ingestion.KnowledgeBases;
import dev.ragchat.ingestion.migration.EmbeddingMigration;
import dev.ragchat.ingestion.migration.EmbeddingMigrations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A knowledge base's embedding model, and its move to another without downtime: the
 * chunks are embedded again into the new model's index while searches read the old one,
 * which the knowledge base leaves in one switch when every chunk is in.
 */
@RestController
@Tag(name = "knowledge bases")
class EmbeddingModelController {

	private final KnowledgeBases knowledgeBases;

	private final EmbeddingMigrations migrations;

	private final Audit audit;

	EmbeddingModelController(KnowledgeBases knowledgeBases, EmbeddingMigrations migrations, Audit audit) {
		this.knowledgeBases = knowledgeBases;
		this.migrations = migrations;
		this.audit = audit;
	}

	@GetMapping(path = "/api/v1/embedding-models", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The embedding models a knowledge base may be built with (the first: new ones get it)")
	ModelList models(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
		String primary = this.migrations.defaultModel().name();
		return new ModelList(this.migrations.models()
			.stream()
			.map((model) -> new ModelView(model.name(), model.dimensions(), model.name().equals(primary)))
			.toList());
	}

	@GetMapping(path = "/api/v1/knowledge-bases/{kb}/embedding-model", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "A knowledge base's embedding model and its latest change (running or ended)")
	EmbeddingModelView get(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String kb) {
		Permissions.see(caller, kb);
		return view(this.knowledgeBases.get(kb));
	}

	@PostMapping(path = "/api/v1/knowledge-bases/{kb}/embedding-model", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Move a knowledge base to another embedding model (master or admin key)",
			description = "202: the chunks are embedded again into the model's own index in the background while"
					+ " searches keep reading the old one; when every chunk is in, the knowledge base switches in"
					+ " one step. 409 while another change runs; 503 when the job store cannot take it. A change"
					+ " cut off by a node that stops or dies is run again; cut off on every try, it ends FAILED"
					+ " with the reason.")
	ResponseEntity<MigrationView> change(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
			@PathVariable String kb, @RequestBody ChangeRequest request) {
		EmbeddingMigration migration;
		try {
			caller.require(Scope.ADMIN, kb);
			migration = this.migrations.start(kb, (request != null) ? request.model() : null);
		}
		catch (RagChatException ex) {
			this.audit.refused(caller.keyId(), "embedding-model.change-started", "knowledge-base:" + kb, ex);
			throw ex;
		}
		this.audit.embeddingModelChangeStarted(caller.keyId(), kb, migration.id(), migration.toModel());
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/knowledge-bases/" + kb + "/embedding-model"))
			.body(MigrationView.of(migration));
	}

	@DeleteMapping(path = "/api/v1/knowledge-bases/{kb}/embedding-model", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Cancel a knowledge base's running change of embedding model (master or admin key)",
			description = "The new index's chunks go; the knowledge base stays on its model, its index untouched."
					+ " 409 when none runs or it is switching already.")
	MigrationView cancel(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String kb) {
		EmbeddingMigration migration;
		try {
			caller.require(Scope.ADMIN, kb);
			this.knowledgeBases.get(kb);
			migration = this.migrations.cancel(kb);
		}
		catch (RagChatException ex) {
			this.audit.refused(caller.keyId(), "embedding-model.change-cancelled", "knowledge-base:" + kb, ex);
			throw ex;
		}
		this.audit.embeddingModelChangeCancelled(caller.keyId(), kb, migration.id());
		return MigrationView.of(migration);
	}

	private EmbeddingModelView view(KnowledgeBase kb) {
		return new EmbeddingModelView(kb.id(), kb.embeddingModel(), kb.dimensions(),
				this.migrations.latest(kb.id()).map(MigrationView::of).orElse(null));
	}

	/**
	 * A change of embedding model.
	 *
	 * @param model the model's name, one of {@code GET /api/v1/embedding-models}
	 */
	record ChangeRequest(String model) {

	}

	record ModelView(String name, int dimensions, @JsonProperty("default") boolean isDefault) {

	}

	record ModelList(List<ModelView> models) {

	}

	record EmbeddingModelView(String knowledgeBase, String embeddingModel, int dimensions, MigrationView migration) {

	}

	record ModelRef(String model, int dimensions) {

	}

	record Progress(int documentsDone, int documentsTotal, int chunksDone, int chunksTotal) {

	}

	record MigrationView(String id, String knowledgeBase, ModelRef from, ModelRef to, EmbeddingMigration.Status status,
			Progress progress, String error, Instant createdAt, Instant finishedAt) {

		static MigrationView of(EmbeddingMigration m) {
			return new MigrationView(m.id(), m.knowledgeBase(), new ModelRef(m.fromModel(), m.fromDimensions()),
					new ModelRef(m.toModel(), m.toDimensions()), m.status(),
					new Progress(m.documentsDone(), m.documentsTotal(), m.chunksDone(), m.chunksTotal()), m.error(),
					m.createdAt(), m.finishedAt());
		}

	}

}
