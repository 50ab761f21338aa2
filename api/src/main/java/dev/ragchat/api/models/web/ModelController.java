package dev.ragchat.api.models.web;

import java.util.List;

import dev.ragchat.api.audit.Audit;
import dev.ragchat.api.models.ChatConfigModels;
import dev.ragchat.api.models.ChoiceRequest;
import dev.ragchat.api.models.Models;
import dev.ragchat.api.models.OfferedModels;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The model screen (master key, as everything under {@code /api/v1/admin}): the local
 * servers found, a typed server's models, and the service's choice, checked with one test
 * call before it is kept. API keys go in, never out. A chat config may be given a model
 * of its own the same way, only here (under {@code /personas}, the API's word for chat
 * configs): a chat key may create a chat config, but naming a server would let it make
 * the service call any address. The handlers are named as the API's paths and operation
 * ids are ({@code personas}, {@code choosePersona}, ...).
 */
@RestController
@RequestMapping(path = "/api/v1/admin/models", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "models", description = "The language model the service answers with (master key only)")
@SecurityRequirement(name = "masterKey")
class ModelController {

	private final Models models;

	private final ChatConfigModels chatConfigs;

	private final OfferedModels offered;

	private final Audit audit;

	ModelController(Models models, ChatConfigModels chatConfigs, OfferedModels offered, Audit audit) {
		this.models = models;
		this.chatConfigs = chatConfigs;
		this.offered = offered;
		this.audit = audit;
	}

	@GetMapping
	@Operation(summary = "What answers, and what was chosen (whether an API key is set, never the key)")
	Models.Choice choice() {
		return this.models.choice();
	}

	@GetMapping("/servers")
	@Operation(summary = "Local Ollama and OpenAI-compatible servers found at the configured addresses,"
			+ " with their models")
	ServerList servers() {
		return new ServerList(this.models.servers());
	}

	@PostMapping(path = "/list", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The models of a server whose address was typed (the API key in the body, never a URL)")
	ModelList list(@Valid @RequestBody ListRequest request) {
		return new ModelList(this.models.models(request.kind(), request.baseUrl(), request.apiKey()));
	}

	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Choose the generator: checked with one test call, then kept (surviving a restart) and"
			+ " used for the next question; a failing call keeps nothing")
	Models.Chosen choose(@Valid @RequestBody ChoiceBody body) {
		Models.Chosen chosen = this.models
			.choose(new ChoiceRequest(body.kind(), body.baseUrl(), body.model(), body.apiKey(), body.modelPath()));
		this.audit.modelChosen(Audit.MASTER, chosen.choice().kind(), chosen.choice().model());
		return chosen;
	}

	@DeleteMapping
	@Operation(summary = "Forget the choice: the configured generator (RAGCHAT_CHAT_GENERATOR) answers again")
	Models.Choice reset() {
		Models.Choice configured = this.models.useConfigured();
		this.audit.modelReset(Audit.MASTER);
		return configured;
	}

	@GetMapping("/personas")
	@Operation(summary = "The personas with a generator of their own (whether an API key is set, never the key)")
	PersonaList personas() {
		return new PersonaList(this.chatConfigs.choices());
	}

	@GetMapping("/personas/{configId}")
	@Operation(summary = "Which generator answers a persona's sessions, and its own choice, if any")
	ChatConfigModels.PersonaChoice persona(@PathVariable String configId) {
		return this.chatConfigs.choice(configId);
	}

	@PutMapping(path = "/personas/{configId}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Give a persona a generator of its own: checked with one test call, then kept (surviving a"
			+ " restart) and used for its sessions' next questions; a failing call keeps nothing")
	ChatConfigModels.PersonaChosen choosePersona(@PathVariable String configId, @Valid @RequestBody ChoiceBody body) {
		ChatConfigModels.PersonaChosen chosen = this.chatConfigs.choose(configId,
				new ChoiceRequest(body.kind(), body.baseUrl(), body.model(), body.apiKey(), body.modelPath()));
		this.audit.chatConfigModelChosen(Audit.MASTER, configId, chosen.choice().kind(), chosen.choice().model());
		return chosen;
	}

	@DeleteMapping("/personas/{configId}")
	@Operation(summary = "Forget a persona's own generator: the service's answers for it again")
	ChatConfigModels.PersonaChoice resetPersona(@PathVariable String configId) {
		ChatConfigModels.PersonaChoice reset = this.chatConfigs.useService(configId);
		this.audit.chatConfigModelReset(Audit.MASTER, configId);
		return reset;
	}

	@GetMapping("/offered")
	@Operation(summary = "The models people may pick for a conversation (whether an API key is set, never the key)")
	OfferedList offered() {
		return new OfferedList(this.offered.offered());
	}

	@PutMapping(path = "/offered", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Let people pick a model (a found or typed server's, a GGUF file, the extract, or kind"
			+ " configured for the configured generator): checked with one test call, then kept under the model's"
			+ " name (replacing one offered under it); a failing call keeps nothing")
	OfferedModels.OfferedChosen offer(@Valid @RequestBody ChoiceBody body) {
		OfferedModels.OfferedChosen kept = this.offered
			.offer(new ChoiceRequest(body.kind(), body.baseUrl(), body.model(), body.apiKey(), body.modelPath()));
		this.audit.modelOffered(Audit.MASTER, kept.offered().name(), kept.offered().kind());
		return kept;
	}

	@DeleteMapping("/offered")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "People may no longer pick the model (the sessions that picked it are answered by their"
			+ " persona's or the service's generator again; a persona that names it is refused with a 409 problem"
			+ " at its sessions' next answers, until its model changes); 404 when none is offered under that name")
	void withdraw(@RequestParam String name) {
		this.offered.withdraw(name);
		this.audit.modelWithdrawn(Audit.MASTER, name);
	}

	/**
	 * A choice as sent.
	 *
	 * @param kind extractive, ollama, openai-compatible or llama-cpp
	 * @param baseUrl the server's base URL
	 * @param model one of its models
	 * @param apiKey its API key: absent keeps the stored one for the same server, empty
	 * for none
	 * @param modelPath the GGUF file on the server
	 */
	record ChoiceBody(@NotBlank @Size(max = 32) String kind, @Size(max = 2048) String baseUrl,
			@Size(max = 200) String model, @Size(max = 4096) String apiKey, @Size(max = 4096) String modelPath) {

		@Override
		public String toString() {
			return "ChoiceBody[kind=" + this.kind + ", baseUrl=" + this.baseUrl + ", model=" + this.model + ", apiKey="
					+ ((this.apiKey != null) ? "(given)" : "(none)") + ", modelPath=" + this.modelPath + "]";
		}

	}

	/**
	 * A server whose models are wanted.
	 *
	 * @param kind ollama or openai-compatible
	 * @param baseUrl its base URL
	 * @param apiKey its API key, if it needs one
	 */
	record ListRequest(@NotBlank @Size(max = 32) String kind, @NotBlank @Size(max = 2048) String baseUrl,
			@Size(max = 4096) String apiKey) {

		@Override
		public String toString() {
			return "ListRequest[kind=" + this.kind + ", baseUrl=" + this.baseUrl + ", apiKey="
					+ ((this.apiKey != null) ? "(given)" : "(none)") + "]";
		}

	}

	/**
	 * The chat configs with a model of their own (named, as the API's JSON is, with the
	 * API's word).
	 *
	 * @param personas the chat configs' choices
	 */
	record PersonaList(List<ChatConfigModels.PersonaChoice> personas) {

	}

	record OfferedList(List<OfferedModels.Offered> models) {

	}

	record ServerList(List<Models.Server> servers) {

	}

	record ModelList(List<String> models) {

	}

}
