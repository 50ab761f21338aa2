package dev.ragchat.api.models;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.ragchat.answer.generate.ChosenModel;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.chatconfig.ChatConfig;
import dev.ragchat.api.chatconfig.ChatConfigStore;
import dev.ragchat.api.models.ChoiceCheck.Checked;
import dev.ragchat.api.models.Models.Generator;
import dev.ragchat.errors.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat config's own model, chosen the way the service's is (its fields checked, one
 * test call, kept in the catalog with its API key sealed), by the master key only: a chat
 * key may create a chat config, but naming a server would let it make the service call
 * any address. Its sessions' questions are written with it; a chat config without one is
 * answered by the service's model, and a chat config gone leaves its choice ignored. The
 * API and the console call a chat config a persona
 * ({@code /api/v1/admin/models/personas}, {@code chosenIn: persona}).
 */
public final class ChatConfigModels {

	private static final Logger logger = LoggerFactory.getLogger(ChatConfigModels.class);

	/**
	 * {@link Generator#chosenIn()} of a chat config's own model (the API's word for a
	 * chat config).
	 */
	static final String CHAT_CONFIG = "persona";

	private final ModelRegistry generator;

	private final ChoiceCheck check;

	private final ModelChoiceStore store;

	private final ChatConfigStore configs;

	private final Models service;

	/** Why a chat config's stored choice could not be used at start-up, by its id. */
	private final Map<String, String> problems = new ConcurrentHashMap<>();

	ChatConfigModels(ModelRegistry generator, ChoiceCheck check, ModelChoiceStore store, ChatConfigStore configs,
			Models service) {
		this.generator = generator;
		this.check = check;
		this.store = store;
		this.configs = configs;
		this.service = service;
	}

	/**
	 * The chat configs' own models (at start-up), built as the service's is; one whose
	 * chat config is gone is ignored.
	 */
	void restore() {
		this.store.chatConfigs().forEach((configId, choice) -> {
			if (this.configs.findById(configId).isEmpty()) {
				logger.info("The model chosen for chat config {} is ignored: the chat config is gone", configId);
				return;
			}
			try {
				this.generator.use(configId, this.check.build(choice));
				logger.info("Chat config {} answers with its own model: {}", configId, choice);
			}
			catch (RuntimeException ex) {
				String problem = "The generator chosen for this persona could not be set up at start-up ("
						+ ex.getMessage() + "); the service's generator answers for it until another is chosen.";
				this.problems.put(configId, problem);
				logger.warn("{} Chat config: {}, choice: {}", problem, configId, choice);
			}
		});
	}

	/**
	 * @param caller who asks
	 * @param configId a chat config, or {@code null}
	 * @throws dev.ragchat.errors.NotFoundException when the caller may not use the chat
	 * config's knowledge base (what answers another's chat config is not its to know), as
	 * {@code GET /chat-configs/{id}} would say
	 */
	public void checkVisible(Caller caller, String configId) {
		if (configId != null
				&& this.configs.findById(configId).filter((c) -> caller.mayUse(c.knowledgeBase())).isEmpty()) {
			throw new NotFoundException("No chat configuration '" + configId + "'");
		}
	}

	/**
	 * @param configId a chat configuration's id, or {@code null}
	 * @return which model answers that chat config's next question: its own (chosen in
	 * {@code persona}), else the service's
	 */
	public Generator current(String configId) {
		if (!this.generator.hasOwn(configId)) {
			return this.service.current();
		}
		ChosenModel own = this.generator.current(configId);
		return new Generator(own.kind(), own.model(), own.writes(), own.generator().readsMedia(), CHAT_CONFIG);
	}

	/**
	 * @param configId a chat configuration's id, or {@code null}
	 * @return the models of the server that answers that chat config now (its own, else
	 * the service's), or none
	 */
	public List<String> currentModels(String configId) {
		if (!this.generator.hasOwn(configId)) {
			return this.service.currentModels();
		}
		ChosenModel own = this.generator.current(configId);
		if (own.chatModel() == null) {
			return List.of();
		}
		ModelChoice stored = this.store.find(configId).orElse(null);
		if (stored == null || stored.baseUrl() == null) {
			return (own.model() != null) ? List.of(own.model()) : List.of();
		}
		return this.check.models(stored, own.model());
	}

	/**
	 * Gives a chat config a model of its own, with the same checks and the same one test
	 * call as the service's choice; a failing call keeps nothing and changes nothing.
	 * @param configId the chat config's id
	 * @param request the choice
	 * @return the chat config's choice kept, with the model's reply to the test call
	 */
	public synchronized PersonaChosen choose(String configId, ChoiceRequest request) {
		chatConfig(configId);
		Checked checked = this.check.check(request, this.store.find(configId).stream().toList(), ChoiceCheck.CHOOSABLE);
		this.store.save(configId, checked.choice());
		this.generator.use(configId, checked.built());
		this.problems.remove(configId);
		logger.info("Chat config {} now answers with its own model: {}", configId, checked.choice());
		return new PersonaChosen(choice(configId), checked.reply());
	}

	/**
	 * Forgets a chat config's own model: the service's answers its next question.
	 * @param configId the chat config's id
	 * @return the chat config's choice now (none)
	 */
	public synchronized PersonaChoice useService(String configId) {
		this.store.clear(configId);
		this.generator.useService(configId);
		this.problems.remove(configId);
		logger.info("Chat config {} answers with the service's model again", configId);
		return choice(configId);
	}

	/**
	 * @param configId the chat config's id
	 * @return the chat config's own model as the model screen shows it (never the API
	 * key)
	 */
	public PersonaChoice choice(String configId) {
		ChatConfig config = chatConfig(configId);
		ModelChoice stored = this.store.find(configId).orElse(null);
		return choice(config, stored);
	}

	/**
	 * @return the chat configs that have a model of their own (a chat config gone is left
	 * out), by id
	 */
	public List<PersonaChoice> choices() {
		return this.store.chatConfigs()
			.entrySet()
			.stream()
			.flatMap((entry) -> this.configs.findById(entry.getKey())
				.map((config) -> choice(config, entry.getValue()))
				.stream())
			.toList();
	}

	private PersonaChoice choice(ChatConfig config, ModelChoice stored) {
		if (stored == null) {
			return new PersonaChoice(config.id(), config.title(), current(config.id()), null, null, null, null, false,
					null, this.problems.get(config.id()));
		}
		return new PersonaChoice(config.id(), config.title(), current(config.id()), stored.kind(), stored.baseUrl(),
				stored.model(), stored.modelPath(), stored.sealedApiKey() != null, stored.updatedAt(),
				this.problems.get(config.id()));
	}

	private ChatConfig chatConfig(String configId) {
		return ((configId != null) ? this.configs.findById(configId) : Optional.<ChatConfig>empty())
			.orElseThrow(() -> new NotFoundException("No chat configuration '" + configId + "'"));
	}

	/**
	 * A chat config's own model as the model screen shows it (never the API key); named,
	 * as the API's JSON schema is, with the API's word.
	 *
	 * @param configId the chat config's id
	 * @param title its title
	 * @param current which model answers its next question (its own, chosen in
	 * {@code persona}, else the service's)
	 * @param kind its own kind, or {@code null} when it has none (the service's answers)
	 * @param baseUrl its server
	 * @param model its model
	 * @param modelPath its GGUF file
	 * @param apiKeySet whether an API key is stored (sealed)
	 * @param updatedAt when it was chosen
	 * @param problem why its stored choice could not be used at start-up, or {@code null}
	 */
	public record PersonaChoice(String configId, String title, Generator current, String kind, String baseUrl,
			String model, String modelPath, boolean apiKeySet, Instant updatedAt, String problem) {

	}

	/**
	 * A chat config's choice kept (named, as the API's JSON schema is, with the API's
	 * word).
	 *
	 * @param choice the chat config's choice now
	 * @param reply what the model answered the test call
	 */
	public record PersonaChosen(PersonaChoice choice, String reply) {

	}

}
