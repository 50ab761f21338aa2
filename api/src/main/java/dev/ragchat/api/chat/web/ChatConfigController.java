package dev.ragchat.api.chat.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.ragchat.api.access.Caller;
import dev.ragchat.api.access.Scope;
import dev.ragchat.api.chat.ChatConfig;
import dev.ragchat.api.chat.ChatConfigStore;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.ingestion.KnowledgeBases;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shareable chat configurations: anyone whose key may use the knowledge base may read one
 * and start sessions from it.
 */
@RestController
@RequestMapping(path = "/api/v1/chat-configs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "chat configs")
class ChatConfigController {

	private final ChatConfigStore store;

	private final KnowledgeBases knowledgeBases;

	private final Clock clock;

	ChatConfigController(ChatConfigStore store, KnowledgeBases knowledgeBases, Clock clock) {
		this.store = store;
		this.knowledgeBases = knowledgeBases;
		this.clock = clock;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Create a chat configuration (key with chat scope)")
	ResponseEntity<ChatConfig> create(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
			@Valid @RequestBody ConfigRequest request) {
		caller.require(Scope.CHAT, request.knowledgeBase());
		this.knowledgeBases.get(request.knowledgeBase());
		Instant now = this.clock.instant();
		ChatConfig config = new ChatConfig("cfg_" + UUID.randomUUID().toString().replace("-", ""), request.title(),
				request.knowledgeBase(), request.systemPrompt(), request.model(), request.temperature(), request.topK(),
				caller.keyId(), now, now);
		this.store.save(config);
		return ResponseEntity.created(URI.create("/api/v1/chat-configs/" + config.id())).body(config);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a chat configuration")
	ChatConfig get(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String id) {
		return visible(caller, id);
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replace a chat configuration (its creator or the master key)")
	ChatConfig update(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String id,
			@Valid @RequestBody ConfigRequest request) {
		ChatConfig existing = visible(caller, id);
		caller.require(Scope.CHAT, request.knowledgeBase());
		if (caller.kind() != Caller.Kind.MASTER && !caller.keyId().equals(existing.ownerKey())) {
			throw new dev.ragchat.errors.ForbiddenException("Only the key that created it may change it");
		}
		this.knowledgeBases.get(request.knowledgeBase());
		ChatConfig updated = new ChatConfig(id, request.title(), request.knowledgeBase(), request.systemPrompt(),
				request.model(), request.temperature(), request.topK(), existing.ownerKey(), existing.createdAt(),
				this.clock.instant());
		this.store.update(updated);
		return updated;
	}

	private ChatConfig visible(Caller caller, String id) {
		ChatConfig config = this.store.findById(id)
			.orElseThrow(() -> new NotFoundException("No chat configuration '" + id + "'"));
		if (caller.kind() == Caller.Kind.SESSION || !caller.mayUse(config.knowledgeBase())) {
			throw new NotFoundException("No chat configuration '" + id + "'");
		}
		return config;
	}

	/**
	 * A chat configuration as sent.
	 *
	 * @param title a display title
	 * @param knowledgeBase the knowledge base it asks
	 * @param systemPrompt the system prompt
	 * @param model the model
	 * @param temperature the temperature
	 * @param topK chunks per question
	 */
	record ConfigRequest(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 64) String knowledgeBase,
			@Size(max = 8000) String systemPrompt, @Size(max = 100) String model,
			@DecimalMin("0.0") @DecimalMax("2.0") Double temperature, @Min(1) @Max(50) Integer topK) {

	}

}
