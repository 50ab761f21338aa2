package dev.ragchat.api.chat.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.access.KeyLineages;
import dev.ragchat.api.access.Scope;
import dev.ragchat.api.chat.SessionModels;
import dev.ragchat.api.chat.SessionSettings;
import dev.ragchat.api.chatconfig.ChatConfig;
import dev.ragchat.api.chatconfig.ChatConfigStore;
import dev.ragchat.errors.ForbiddenException;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shareable chat configurations: anyone whose key may use the knowledge base may read one
 * and start sessions from it.
 */
@RestController
@RequestMapping(path = "/api/v1/chat-configs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "chat configs")
class ChatConfigController {

	private static final int MAX_PAGE = 100;

	private final ChatConfigStore store;

	private final KnowledgeBases knowledgeBases;

	private final Clock clock;

	private final KeyLineages lineages;

	/** The models people may pick: a configuration's model is checked against them. */
	private final SessionModels models;

	ChatConfigController(ChatConfigStore store, KnowledgeBases knowledgeBases, Clock clock, KeyLineages lineages,
			ObjectProvider<SessionModels> models) {
		this.store = store;
		this.knowledgeBases = knowledgeBases;
		this.clock = clock;
		this.lineages = lineages;
		this.models = models.getIfAvailable(() -> SessionModels.NONE);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Create a chat configuration (key with chat scope); once the master key offers models, its"
			+ " model must be one of them (GET /api/v1/generator/offered) or the service's, else 400")
	ResponseEntity<ChatConfigView> create(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
			@Valid @RequestBody ConfigRequest request) {
		caller.require(Scope.CHAT, request.knowledgeBase());
		this.knowledgeBases.get(request.knowledgeBase());
		this.models.check(request.model(), null);
		Instant now = this.clock.instant();
		ChatConfig config = new ChatConfig("cfg_" + UUID.randomUUID().toString().replace("-", ""), request.title(),
				request.knowledgeBase(), request.systemPrompt(), request.model(), request.temperature(), request.topK(),
				caller.keyId(), now, now, request.description(), request.avatarUrl(), request.editable());
		this.store.save(config);
		return ResponseEntity.created(URI.create("/api/v1/chat-configs/" + config.id()))
			.body(ChatConfigView.of(config, owns(caller, config)));
	}

	@GetMapping
	@Operation(summary = "The chat configurations (personas) this key may use, by title, paged")
	ConfigList list(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "20") int limit) {
		if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
			throw new RejectedInputException("offset must be 0 or more, limit between 1 and " + MAX_PAGE);
		}
		if (caller.kind() == Caller.Kind.SESSION) {
			throw new ForbiddenException("Listing chat configurations needs an API key");
		}
		List<String> knowledgeBases = caller.mayUseAll() ? null : caller.knowledgeBases();
		return new ConfigList(this.store.page(knowledgeBases, offset, limit)
			.stream()
			.map((config) -> ChatConfigView.of(config, owns(caller, config)))
			.toList(), offset, limit, this.store.count(knowledgeBases));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a chat configuration")
	ChatConfigView get(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String id) {
		ChatConfig config = visible(caller, id);
		return ChatConfigView.of(config, owns(caller, config));
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replace a chat configuration (its creator or the master key); once the master key offers"
			+ " models, its model must be one of them or the model that answers it, else 400")
	ChatConfigView update(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String id,
			@Valid @RequestBody ConfigRequest request) {
		ChatConfig existing = visible(caller, id);
		caller.require(Scope.CHAT, request.knowledgeBase());
		if (!owns(caller, existing)) {
			throw new ForbiddenException("Only the key that created it (or a renewal of it) may change it");
		}
		this.knowledgeBases.get(request.knowledgeBase());
		this.models.check(request.model(), existing);
		ChatConfig updated = new ChatConfig(id, request.title(), request.knowledgeBase(), request.systemPrompt(),
				request.model(), request.temperature(), request.topK(), existing.ownerKey(), existing.createdAt(),
				this.clock.instant(), request.description(), request.avatarUrl(), request.editable());
		this.store.update(updated);
		return ChatConfigView.of(updated, owns(caller, updated));
	}

	/**
	 * @return whether the caller owns a configuration: the master key, or a key of the
	 * lineage of the key that created it (that key, or a renewal of it)
	 */
	private boolean owns(Caller caller, ChatConfig config) {
		return caller.kind() == Caller.Kind.MASTER || this.lineages.sameLineage(caller.keyId(), config.ownerKey());
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
	 * @param description what the configuration is for
	 * @param avatarUrl an https URL of its picture (stored and shown, never fetched)
	 * @param editable whether sessions started from it may change their settings (default
	 * true)
	 */
	record ConfigRequest(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 64) String knowledgeBase,
			@Size(max = 8000) String systemPrompt, @Size(max = 100) String model,
			@DecimalMin(SessionSettings.MIN_TEMPERATURE) @DecimalMax(SessionSettings.MAX_TEMPERATURE) Double temperature,
			@Min(1) @Max(50) Integer topK, @Size(max = 2000) String description,
			@Size(max = 2000) @Pattern(regexp = "https://[^\\s]+",
					message = "must be an https:// URL") String avatarUrl,
			Boolean editable) {

	}

	/**
	 * A chat configuration as shown: the key that created it ({@code ownerKey}) only to
	 * that key's lineage and to the master key, never to the keys it is shared with.
	 *
	 * @param id its id
	 * @param title a display title
	 * @param knowledgeBase the knowledge base it asks
	 * @param systemPrompt the system prompt
	 * @param model the model
	 * @param temperature the temperature
	 * @param topK chunks per question
	 * @param ownerKey the id of the key that created it, to that key's lineage and the
	 * master key
	 * @param createdAt when it was created
	 * @param updatedAt when it last changed
	 * @param description what it is for
	 * @param avatarUrl an https URL of its picture
	 * @param editable whether sessions started from it may change their settings
	 */
	record ChatConfigView(String id, String title, String knowledgeBase, String systemPrompt, String model,
			Double temperature, Integer topK, @JsonInclude(JsonInclude.Include.NON_NULL) String ownerKey,
			Instant createdAt, Instant updatedAt, String description, String avatarUrl, Boolean editable) {

		static ChatConfigView of(ChatConfig config, boolean mayKnowOwner) {
			return new ChatConfigView(config.id(), config.title(), config.knowledgeBase(), config.systemPrompt(),
					config.model(), config.temperature(), config.topK(), mayKnowOwner ? config.ownerKey() : null,
					config.createdAt(), config.updatedAt(), config.description(), config.avatarUrl(),
					config.editable());
		}

	}

	record ConfigList(List<ChatConfigView> chatConfigs, int offset, int limit, long total) {

	}

}
