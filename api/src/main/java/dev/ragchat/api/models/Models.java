package dev.ragchat.api.models;

import java.time.Instant;
import java.util.List;

import dev.ragchat.answer.generate.ChosenModel;
import dev.ragchat.api.models.ChoiceCheck.Checked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's language model, chosen while it runs: which model answers, the local
 * servers found and their models, and a choice checked with one test call before it is
 * kept (in the catalog, the API key sealed) and used for the next question. A choice that
 * fails its test call changes nothing. A chat config may be given a model of its own
 * ({@link ChatConfigModels}), and people may pick one of the models the master key offers
 * for a conversation ({@link OfferedModels}).
 */
public final class Models {

	private static final Logger logger = LoggerFactory.getLogger(Models.class);

	private final ModelRegistry generator;

	private final ChoiceCheck check;

	private final ModelChoiceStore store;

	private final ModelServers servers;

	/** Why the stored choice could not be used at start-up, or {@code null}. */
	private volatile String restoreProblem;

	/** Whether the model answering was chosen in the console (and is stored). */
	private volatile boolean chosen;

	Models(ModelRegistry generator, ChoiceCheck check, ModelChoiceStore store, ModelServers servers) {
		this.generator = generator;
		this.check = check;
		this.store = store;
		this.servers = servers;
	}

	/**
	 * Uses the stored choice, if any (at start-up): nothing is called; a choice that
	 * cannot be built (a GGUF file gone, a key file changed) leaves the configured model
	 * answering, and says why to the master key.
	 */
	void restore() {
		ModelChoice choice = this.store.find().orElse(null);
		if (choice == null) {
			return;
		}
		try {
			this.generator.use(this.check.build(choice));
			this.chosen = true;
			logger.info("Answers are written with the model chosen in the console: {}", choice);
		}
		catch (RuntimeException ex) {
			this.restoreProblem = "The model chosen in the console could not be set up at start-up (" + ex.getMessage()
					+ "); the configured generator answers until another is chosen.";
			logger.warn("{} Choice: {}", this.restoreProblem, choice);
		}
	}

	/**
	 * @return which model answers the next question
	 */
	public Generator current() {
		ChosenModel current = this.generator.current();
		return new Generator(current.kind(), current.model(), current.writes(), current.generator().readsMedia(),
				this.chosen ? "console" : "configuration");
	}

	/**
	 * @return the stored choice as the model screen shows it (never the API key)
	 */
	public Choice choice() {
		ModelChoice stored = this.store.find().orElse(null);
		ChosenModel configured = this.generator.configured();
		Configured defaults = new Configured(configured.kind(), configured.model());
		if (stored == null) {
			return new Choice(current(), null, null, null, null, false, null, defaults, this.restoreProblem);
		}
		return new Choice(current(), stored.kind(), stored.baseUrl(), stored.model(), stored.modelPath(),
				stored.sealedApiKey() != null, stored.updatedAt(), defaults, this.restoreProblem);
	}

	/**
	 * @return the local servers that answered at the configured addresses, with their
	 * models
	 */
	public List<Server> servers() {
		return this.servers.discover().stream().map((f) -> new Server(f.kind(), f.baseUrl(), f.models())).toList();
	}

	/**
	 * @param kind {@code ollama} or {@code openai-compatible}
	 * @param baseUrl the server's base URL
	 * @param apiKey its API key, or {@code null} for the stored one when the server is
	 * the stored choice's
	 * @return the names of its models
	 */
	public List<String> models(String kind, String baseUrl, String apiKey) {
		return this.check.models(kind, baseUrl, apiKey);
	}

	/**
	 * @return the models of the server that answers now (for a chat config's model), or
	 * none (the extract, a file, a server that does not say)
	 */
	public List<String> currentModels() {
		ChosenModel current = this.generator.current();
		if (current.chatModel() == null) {
			return List.of();
		}
		ModelChoice stored = this.store.find().orElse(null);
		if (!this.chosen || stored == null || stored.baseUrl() == null) {
			return (current.model() != null) ? List.of(current.model()) : List.of();
		}
		return this.check.models(stored, current.model());
	}

	/**
	 * Checks a choice with one test call, then keeps it and uses it for the next
	 * question. A failing call keeps nothing and changes nothing.
	 * @param request the choice
	 * @return the choice kept, with the model's reply to the test call
	 */
	public synchronized Chosen choose(ChoiceRequest request) {
		Checked checked = this.check.check(request, this.store.find().stream().toList(), ChoiceCheck.CHOOSABLE);
		this.store.save(checked.choice());
		this.generator.use(checked.built());
		this.chosen = true;
		this.restoreProblem = null;
		logger.info("Answers are now written with the model chosen in the console: {}", checked.choice());
		return new Chosen(choice(), checked.reply());
	}

	/**
	 * Forgets the choice: the configured model answers the next question.
	 * @return the choice now (none)
	 */
	public synchronized Choice useConfigured() {
		this.store.clear();
		this.generator.useConfigured();
		this.chosen = false;
		this.restoreProblem = null;
		logger.info("Answers are written with the configured model again");
		return choice();
	}

	/**
	 * Which model answers. Named, as the API's JSON schema is, with the API's word
	 * ({@code GET /api/v1/generator}).
	 *
	 * @param kind {@code extractive}, {@code gemini}, {@code vertex-gemini},
	 * {@code openai-compatible}, {@code ollama} or {@code llama-cpp}
	 * @param model the model's name ({@code null} for the extract)
	 * @param writes whether a language model writes the answers (it may summarise,
	 * compare and make tables); otherwise they quote the documents
	 * @param readsMedia whether images and audio reach it
	 * @param chosenIn {@code configuration} ({@code RAGCHAT_CHAT_GENERATOR}),
	 * {@code console} (the service's choice), {@code persona} (a chat config's own) or
	 * {@code picked} (a model picked for the conversation)
	 */
	public record Generator(String kind, String model, boolean writes, boolean readsMedia, String chosenIn) {

	}

	/**
	 * The model the configuration names.
	 *
	 * @param kind its kind
	 * @param model its model, or {@code null}
	 */
	public record Configured(String kind, String model) {

	}

	/**
	 * The model screen's view: what answers, and what was chosen (never the API key).
	 *
	 * @param current which model answers
	 * @param kind the chosen kind, or {@code null} when none is stored
	 * @param baseUrl the chosen server
	 * @param model the chosen model
	 * @param modelPath the chosen GGUF file
	 * @param apiKeySet whether an API key is stored (sealed)
	 * @param updatedAt when it was chosen
	 * @param configured the model the configuration names
	 * @param problem why the stored choice could not be used at start-up, or {@code null}
	 */
	public record Choice(Generator current, String kind, String baseUrl, String model, String modelPath,
			boolean apiKeySet, Instant updatedAt, Configured configured, String problem) {

	}

	/**
	 * A choice kept.
	 *
	 * @param choice the choice now
	 * @param reply what the model answered the test call
	 */
	public record Chosen(Choice choice, String reply) {

	}

	/**
	 * A local server found.
	 *
	 * @param kind {@code ollama} or {@code openai-compatible}
	 * @param baseUrl its base URL
	 * @param models the names of its models
	 */
	public record Server(String kind, String baseUrl, List<String> models) {

	}

}
