package dev.ragchat.api.models;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.ragchat.answer.generate.SwitchableGenerator;
import dev.ragchat.answer.generate.SwitchableGenerator.Backend;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.chat.persona.ChatConfig;
import dev.ragchat.api.chat.persona.ChatConfigStore;
import dev.ragchat.api.models.ChoiceCheck.Checked;
import dev.ragchat.api.models.Models.Generator;
import dev.ragchat.errors.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A persona's (a chat configuration's) own generator, given the way the service's is
 * chosen (its fields checked, one test call, kept in the catalog with its API key
 * sealed), by the master key only: a chat key may create a persona, but naming a server
 * would let it make the service call any address. Its sessions' questions are written by
 * it; a persona without one is answered by the service's, and a persona gone leaves its
 * choice ignored.
 */
public final class PersonaModels {

	private static final Logger logger = LoggerFactory.getLogger(PersonaModels.class);

	/** {@link Generator#chosenIn()} of a persona's own generator. */
	static final String PERSONA = "persona";

	private final SwitchableGenerator generator;

	private final ChoiceCheck check;

	private final ModelChoiceStore store;

	private final ChatConfigStore configs;

	private final Models service;

	/** Why a persona's stored choice could not be used at start-up, by its id. */
	private final Map<String, String> problems = new ConcurrentHashMap<>();

	PersonaModels(SwitchableGenerator generator, ChoiceCheck check, ModelChoiceStore store, ChatConfigStore configs,
			Models service) {
		this.generator = generator;
		this.check = check;
		this.store = store;
		this.configs = configs;
		this.service = service;
	}

	/**
	 * The personas' own generators (at start-up), built as the service's is; one whose
	 * persona is gone is ignored.
	 */
	void restore() {
		this.store.personas().forEach((configId, choice) -> {
			if (this.configs.findById(configId).isEmpty()) {
				logger.info("The generator chosen for persona {} is ignored: the persona is gone", configId);
				return;
			}
			try {
				this.generator.use(configId, this.check.build(choice));
				logger.info("Persona {} answers with its own generator: {}", configId, choice);
			}
			catch (RuntimeException ex) {
				String problem = "The generator chosen for this persona could not be set up at start-up ("
						+ ex.getMessage() + "); the service's generator answers for it until another is chosen.";
				this.problems.put(configId, problem);
				logger.warn("{} Persona: {}, choice: {}", problem, configId, choice);
			}
		});
	}

	/**
	 * @param caller who asks
	 * @param configId a persona, or {@code null}
	 * @throws dev.ragchat.errors.NotFoundException when the caller may not use the
	 * persona's knowledge base (what answers another's persona is not its to know), as
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
	 * @return which generator answers that persona's next question: its own (chosen in
	 * {@code persona}), else the service's
	 */
	public Generator current(String configId) {
		if (!this.generator.hasOwn(configId)) {
			return this.service.current();
		}
		Backend own = this.generator.current(configId);
		return new Generator(own.kind(), own.model(), own.writes(), own.generator().readsMedia(), PERSONA);
	}

	/**
	 * @param configId a chat configuration's id, or {@code null}
	 * @return the models of the server that answers that persona now (its own, else the
	 * service's), or none
	 */
	public List<String> currentModels(String configId) {
		if (!this.generator.hasOwn(configId)) {
			return this.service.currentModels();
		}
		Backend own = this.generator.current(configId);
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
	 * Gives a persona a generator of its own, with the same checks and the same one test
	 * call as the service's choice; a failing call keeps nothing and changes nothing.
	 * @param configId the chat configuration's id
	 * @param request the choice
	 * @return the persona's choice kept, with the model's reply to the test call
	 */
	public synchronized PersonaChosen choose(String configId, ChoiceRequest request) {
		persona(configId);
		Checked checked = this.check.check(request, this.store.find(configId).stream().toList(), ChoiceCheck.CHOOSABLE);
		this.store.save(configId, checked.choice());
		this.generator.use(configId, checked.backend());
		this.problems.remove(configId);
		logger.info("Persona {} now answers with its own generator: {}", configId, checked.choice());
		return new PersonaChosen(choice(configId), checked.reply());
	}

	/**
	 * Forgets a persona's own generator: the service's answers its next question.
	 * @param configId the chat configuration's id
	 * @return the persona's choice now (none)
	 */
	public synchronized PersonaChoice useService(String configId) {
		this.store.clear(configId);
		this.generator.useService(configId);
		this.problems.remove(configId);
		logger.info("Persona {} answers with the service's generator again", configId);
		return choice(configId);
	}

	/**
	 * @param configId the chat configuration's id
	 * @return the persona's own generator as the model screen shows it (never the API
	 * key)
	 */
	public PersonaChoice choice(String configId) {
		ChatConfig config = persona(configId);
		ModelChoice stored = this.store.find(configId).orElse(null);
		return choice(config, stored);
	}

	/**
	 * @return the personas that have a generator of their own (a persona gone is left
	 * out), by id
	 */
	public List<PersonaChoice> choices() {
		return this.store.personas()
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

	private ChatConfig persona(String configId) {
		return ((configId != null) ? this.configs.findById(configId) : Optional.<ChatConfig>empty())
			.orElseThrow(() -> new NotFoundException("No chat configuration '" + configId + "'"));
	}

	/**
	 * A persona's own generator as the model screen shows it (never the API key).
	 *
	 * @param configId the chat configuration's id
	 * @param title its title
	 * @param current which generator answers its next question (its own, chosen in
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
	 * A persona's choice kept.
	 *
	 * @param choice the persona's choice now
	 * @param reply what the model answered the test call
	 */
	public record PersonaChosen(PersonaChoice choice, String reply) {

	}

}
