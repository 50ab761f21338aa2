package dev.ragchat.api.models.web;

import java.util.List;

import dev.ragchat.api.access.Caller;
import dev.ragchat.api.models.ChatConfigModels;
import dev.ragchat.api.models.Models;
import dev.ragchat.api.models.OfferedModels;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which model answers, for any signed-in caller: the console says it in the chat, and
 * whether a chat config's model and temperature have any effect. The path says
 * {@code generator} for historical reasons.
 */
@RestController
@RequestMapping(path = "/api/v1/generator", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "generator", description = "Which generator writes the answers")
class GeneratorController {

	private final ChatConfigModels chatConfigs;

	private final OfferedModels offered;

	GeneratorController(ChatConfigModels chatConfigs, OfferedModels offered) {
		this.chatConfigs = chatConfigs;
		this.offered = offered;
	}

	@GetMapping
	@Operation(summary = "Which generator writes the answers (of a persona's sessions, with configId: its own,"
			+ " chosenIn persona, else the service's; of a session naming a model, with model: the model picked,"
			+ " chosenIn picked, when people may use it): its kind, its model, whether it writes or quotes")
	Models.Generator current(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
			@RequestParam(required = false) String configId, @RequestParam(required = false) String model) {
		this.chatConfigs.checkVisible(caller, configId);
		return this.offered.current(configId, model);
	}

	@GetMapping("/offered")
	@Operation(summary = "The models people may pick for a conversation (a session's model, or kb:<id>@<name> in a"
			+ " chat completion), as the master key offered them")
	PickableList offered() {
		return new PickableList(this.offered.pickable());
	}

	@GetMapping("/models")
	@Operation(summary = "The models of the server that answers now (for a persona's model; with configId, the"
			+ " server that answers that persona); none for the extract")
	ModelList models(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
			@RequestParam(required = false) String configId) {
		this.chatConfigs.checkVisible(caller, configId);
		return new ModelList(this.chatConfigs.currentModels(configId));
	}

	record ModelList(List<String> models) {

	}

	record PickableList(List<OfferedModels.Pickable> models) {

	}

}
