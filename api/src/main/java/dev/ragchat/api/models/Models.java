package dev.ragchat.api.models;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import dev.ragchat.answer.generate.Generators;
import dev.ragchat.answer.generate.SwitchableGenerator;
import dev.ragchat.answer.generate.SwitchableGenerator.Backend;
import dev.ragchat.api.chat.ModelPicks;
import dev.ragchat.api.chat.persona.ChatConfig;
import dev.ragchat.api.chat.persona.ChatConfigStore;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.StringUtils;

/**
 * The service's language model, chosen while it runs: which generator answers, the local
 * servers found and their models, and a choice checked with one test call before it is
 * kept (in the catalog, the API key sealed) and used for the next question. A choice that
 * fails its test call changes nothing. A persona (chat configuration) may be given a
 * generator of its own the same way, by the master key only (a chat key may create a
 * persona; naming a server would let it make the service call any address): its sessions'
 * questions are written by it, and a persona gone leaves its choice ignored. The master
 * key also marks the models people may use (offered, each checked with one test call and
 * kept like a choice); anyone may then pick one of them for a conversation (a session's
 * {@code model}, or a chat completion's), within the rules of a persona's model: its
 * questions are written, and judged, by it.
 */
public final class Models implements ModelPicks {

	private static final Logger logger = LoggerFactory.getLogger(Models.class);

	/** {@link Generator#chosenIn()} of a persona's own generator. */
	static final String PERSONA = "persona";

	/** {@link Generator#chosenIn()} of a model picked for the conversation. */
	static final String PICKED = "picked";

	/** The kind of an offered model that is the generator the configuration names. */
	static final String CONFIGURED = "configured";

	/** The kinds the console may choose. */
	static final Set<String> CHOOSABLE = Set.of(SwitchableGenerator.EXTRACTIVE, SwitchableGenerator.OLLAMA,
			SwitchableGenerator.OPENAI_COMPATIBLE, SwitchableGenerator.LLAMA_CPP);

	private static final int MAX_MODEL = 200;

	private final SwitchableGenerator generator;

	private final Generators generators;

	private final ModelChoiceStore store;

	private final SecretBox secrets;

	private final ModelServers servers;

	private final ChatConfigStore configs;

	private final Clock clock;

	/** Why a persona's stored choice could not be used at start-up, by its id. */
	private final Map<String, String> personaProblems = new ConcurrentHashMap<>();

	/** Why an offered model could not be set up at start-up, by its name. */
	private final Map<String, String> offeredProblems = new ConcurrentHashMap<>();

	/** Why the stored choice could not be used at start-up, or {@code null}. */
	private volatile String restoreProblem;

	/** Whether the generator answering was chosen in the console (and is stored). */
	private volatile boolean chosen;

	Models(SwitchableGenerator generator, Generators generators, ModelChoiceStore store, SecretBox secrets,
			ModelServers servers, ChatConfigStore configs, Clock clock) {
		this.generator = generator;
		this.generators = generators;
		this.store = store;
		this.secrets = secrets;
		this.servers = servers;
		this.configs = configs;
		this.clock = clock;
	}

	/**
	 * Uses the stored choice, if any (at start-up): nothing is called; a choice that
	 * cannot be built (a GGUF file gone, a key file changed) leaves the configured
	 * generator answering, and says why to the master key.
	 */
	void restore() {
		restorePersonas();
		restoreOffered();
		ModelChoice choice = this.store.find().orElse(null);
		if (choice == null) {
			return;
		}
		try {
			this.generator.use(build(choice.kind(), choice.baseUrl(), choice.model(),
					(choice.sealedApiKey() != null) ? this.secrets.open(choice.sealedApiKey()) : null,
					choice.modelPath()));
			this.chosen = true;
			logger.info("Answers are written by the generator chosen in the console: {}", choice);
		}
		catch (RuntimeException ex) {
			this.restoreProblem = "The model chosen in the console could not be set up at start-up (" + ex.getMessage()
					+ "); the configured generator answers until another is chosen.";
			logger.warn("{} Choice: {}", this.restoreProblem, choice);
		}
	}

	/**
	 * The personas' own generators (at start-up), built as the service's is; one whose
	 * persona is gone is ignored.
	 */
	private void restorePersonas() {
		this.store.personas().forEach((configId, choice) -> {
			if (this.configs.findById(configId).isEmpty()) {
				logger.info("The generator chosen for persona {} is ignored: the persona is gone", configId);
				return;
			}
			try {
				this.generator.use(configId, build(choice));
				logger.info("Persona {} answers with its own generator: {}", configId, choice);
			}
			catch (RuntimeException ex) {
				String problem = "The generator chosen for this persona could not be set up at start-up ("
						+ ex.getMessage() + "); the service's generator answers for it until another is chosen.";
				this.personaProblems.put(configId, problem);
				logger.warn("{} Persona: {}, choice: {}", problem, configId, choice);
			}
		});
	}

	/**
	 * The models people may use (at start-up), built as the service's is; one that cannot
	 * be built is left out of the pick (and says why to the master key).
	 */
	private void restoreOffered() {
		this.store.offered().forEach((name, choice) -> {
			try {
				this.generator.offer(name, build(choice));
			}
			catch (RuntimeException ex) {
				String problem = "This model could not be set up at start-up (" + ex.getMessage()
						+ "); people cannot pick it until it is offered again.";
				this.offeredProblems.put(name, problem);
				logger.warn("{} Model: {}, choice: {}", problem, name, choice);
			}
		});
	}

	private Backend build(ModelChoice choice) {
		if (CONFIGURED.equals(choice.kind())) {
			return this.generator.configured();
		}
		return build(choice.kind(), choice.baseUrl(), choice.model(),
				(choice.sealedApiKey() != null) ? this.secrets.open(choice.sealedApiKey()) : null, choice.modelPath());
	}

	/**
	 * @param configId a chat configuration's id, or {@code null}
	 * @return which generator answers that persona's next question: its own (chosen in
	 * {@code persona}), else the service's
	 */
	/**
	 * @param caller who asks
	 * @param configId a persona, or {@code null}
	 * @throws dev.ragchat.errors.NotFoundException when the caller may not use the
	 * persona's knowledge base (what answers another's persona is not its to know), as
	 * {@code GET /chat-configs/{id}} would say
	 */
	public void checkVisible(dev.ragchat.api.access.Caller caller, String configId) {
		if (configId != null
				&& this.configs.findById(configId).filter((c) -> caller.mayUse(c.knowledgeBase())).isEmpty()) {
			throw new dev.ragchat.errors.NotFoundException("No chat configuration '" + configId + "'");
		}
	}

	public Generator current(String configId) {
		if (!this.generator.hasOwn(configId)) {
			return current();
		}
		Backend own = this.generator.current(configId);
		return new Generator(own.kind(), own.model(), own.writes(), own.generator().readsMedia(), PERSONA);
	}

	/**
	 * @param configId a persona, or {@code null}
	 * @param model the model a session names, or {@code null}
	 * @return which generator answers that session's next question, and with which model:
	 * the model picked (chosen in {@code picked}) when people may use it, else the
	 * persona's own or the service's, with the model named (unless it runs one file)
	 */
	public Generator current(String configId, String model) {
		if (this.generator.offers(model)) {
			Backend picked = this.generator.current(SwitchableGenerator.picked(model));
			return new Generator(picked.kind(), picked.model(), picked.writes(), picked.generator().readsMedia(),
					PICKED);
		}
		Generator answering = current(configId);
		if (StringUtils.hasText(model) && answering.writes()
				&& !SwitchableGenerator.LLAMA_CPP.equals(answering.kind())) {
			return new Generator(answering.kind(), model, true, answering.readsMedia(), answering.chosenIn());
		}
		return answering;
	}

	/**
	 * @return which generator answers the next question
	 */
	public Generator current() {
		Backend current = this.generator.current();
		return new Generator(current.kind(), current.model(), current.writes(), current.generator().readsMedia(),
				this.chosen ? "console" : "configuration");
	}

	/**
	 * @return the stored choice as the model screen shows it (never the API key)
	 */
	public Choice choice() {
		ModelChoice stored = this.store.find().orElse(null);
		Backend configured = this.generator.configured();
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
		if (!SwitchableGenerator.OLLAMA.equals(kind) && !SwitchableGenerator.OPENAI_COMPATIBLE.equals(kind)) {
			throw new RejectedInputException("kind: only ollama and openai-compatible servers list their models");
		}
		String url = checkedUrl(baseUrl);
		return this.servers.models(kind, url, apiKey(kind, url, apiKey, keySources()));
	}

	/**
	 * @return the models of the server that answers now (for a persona's model), or none
	 * (the extract, a file, a server that does not say)
	 */
	public List<String> currentModels() {
		Backend current = this.generator.current();
		if (current.chatModel() == null) {
			return List.of();
		}
		ModelChoice stored = this.store.find().orElse(null);
		if (!this.chosen || stored == null || stored.baseUrl() == null) {
			return (current.model() != null) ? List.of(current.model()) : List.of();
		}
		try {
			return this.servers.models(stored.kind(), stored.baseUrl(),
					(stored.sealedApiKey() != null) ? this.secrets.open(stored.sealedApiKey()) : null);
		}
		catch (RuntimeException ex) {
			return List.of(current.model());
		}
	}

	/**
	 * @param configId a chat configuration's id, or {@code null}
	 * @return the models of the server that answers that persona now (its own, else the
	 * service's), or none
	 */
	public List<String> currentModels(String configId) {
		if (!this.generator.hasOwn(configId)) {
			return currentModels();
		}
		Backend own = this.generator.current(configId);
		if (own.chatModel() == null) {
			return List.of();
		}
		ModelChoice stored = this.store.find(configId).orElse(null);
		if (stored == null || stored.baseUrl() == null) {
			return (own.model() != null) ? List.of(own.model()) : List.of();
		}
		try {
			return this.servers.models(stored.kind(), stored.baseUrl(),
					(stored.sealedApiKey() != null) ? this.secrets.open(stored.sealedApiKey()) : null);
		}
		catch (RuntimeException ex) {
			return List.of(own.model());
		}
	}

	/**
	 * Checks a choice with one test call, then keeps it and uses it for the next
	 * question. A failing call keeps nothing and changes nothing.
	 * @param request the choice
	 * @return the choice kept, with the model's reply to the test call
	 */
	public synchronized Chosen choose(ChoiceRequest request) {
		Checked checked = check(request, this.store.find().stream().toList(), CHOOSABLE);
		this.store.save(checked.choice());
		this.generator.use(checked.backend());
		this.chosen = true;
		this.restoreProblem = null;
		logger.info("Answers are now written by the generator chosen in the console: {}", checked.choice());
		return new Chosen(choice(), checked.reply());
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
		Checked checked = check(request, this.store.find(configId).stream().toList(), CHOOSABLE);
		this.store.save(configId, checked.choice());
		this.generator.use(configId, checked.backend());
		this.personaProblems.remove(configId);
		logger.info("Persona {} now answers with its own generator: {}", configId, checked.choice());
		return new PersonaChosen(personaChoice(configId), checked.reply());
	}

	/**
	 * Forgets a persona's own generator: the service's answers its next question.
	 * @param configId the chat configuration's id
	 * @return the persona's choice now (none)
	 */
	public synchronized PersonaChoice useService(String configId) {
		this.store.clear(configId);
		this.generator.useService(configId);
		this.personaProblems.remove(configId);
		logger.info("Persona {} answers with the service's generator again", configId);
		return personaChoice(configId);
	}

	/**
	 * @param configId the chat configuration's id
	 * @return the persona's own generator as the model screen shows it (never the API
	 * key)
	 */
	public PersonaChoice personaChoice(String configId) {
		ChatConfig config = persona(configId);
		ModelChoice stored = this.store.find(configId).orElse(null);
		return personaChoice(config, stored);
	}

	/**
	 * @return the personas that have a generator of their own (a persona gone is left
	 * out), by id
	 */
	public List<PersonaChoice> personaChoices() {
		return this.store.personas()
			.entrySet()
			.stream()
			.flatMap((entry) -> this.configs.findById(entry.getKey())
				.map((config) -> personaChoice(config, entry.getValue()))
				.stream())
			.toList();
	}

	private PersonaChoice personaChoice(ChatConfig config, ModelChoice stored) {
		if (stored == null) {
			return new PersonaChoice(config.id(), config.title(), current(config.id()), null, null, null, null, false,
					null, this.personaProblems.get(config.id()));
		}
		return new PersonaChoice(config.id(), config.title(), current(config.id()), stored.kind(), stored.baseUrl(),
				stored.model(), stored.modelPath(), stored.sealedApiKey() != null, stored.updatedAt(),
				this.personaProblems.get(config.id()));
	}

	private ChatConfig persona(String configId) {
		return ((configId != null) ? this.configs.findById(configId) : Optional.<ChatConfig>empty())
			.orElseThrow(() -> new NotFoundException("No chat configuration '" + configId + "'"));
	}

	/**
	 * Checks a choice: its fields, then one test call. A failing call frees what was
	 * built and keeps nothing.
	 * @param stored the choices whose API key goes with the same server
	 * @param kinds the kinds that may be chosen
	 */
	private Checked check(ChoiceRequest request, List<ModelChoice> stored, Set<String> kinds) {
		String kind = (request.kind() != null) ? request.kind().strip().toLowerCase(Locale.ROOT) : "";
		if (!kinds.contains(kind)) {
			List<String> order = List.of(SwitchableGenerator.EXTRACTIVE, SwitchableGenerator.OLLAMA,
					SwitchableGenerator.OPENAI_COMPATIBLE, SwitchableGenerator.LLAMA_CPP, CONFIGURED);
			throw new RejectedInputException(
					"kind: one of " + String.join(", ", order.stream().filter(kinds::contains).toList()) + " (was '"
							+ request.kind() + "')");
		}
		String baseUrl = null;
		String model = null;
		String modelPath = null;
		String apiKey = null;
		if (SwitchableGenerator.OLLAMA.equals(kind) || SwitchableGenerator.OPENAI_COMPATIBLE.equals(kind)) {
			baseUrl = checkedUrl(request.baseUrl());
			if (!StringUtils.hasText(request.model()) || request.model().strip().length() > MAX_MODEL) {
				throw new RejectedInputException("model: the name of one of the server's models is needed (at most "
						+ MAX_MODEL + " characters)");
			}
			model = request.model().strip();
			apiKey = apiKey(kind, baseUrl, request.apiKey(), stored);
		}
		else if (SwitchableGenerator.LLAMA_CPP.equals(kind)) {
			modelPath = (request.modelPath() != null) ? request.modelPath().strip() : null;
		}
		Backend backend = CONFIGURED.equals(kind) ? this.generator.configured()
				: build(kind, baseUrl, model, apiKey, modelPath);
		String reply;
		try {
			reply = this.generators.check(backend, (baseUrl != null) ? baseUrl : backend.model());
		}
		catch (RuntimeException ex) {
			if (backend != this.generator.configured()) {
				closeQuietly(backend);
			}
			throw ex;
		}
		ModelChoice kept = new ModelChoice(kind, baseUrl, backend.model(), modelPath,
				StringUtils.hasText(apiKey) ? this.secrets.seal(apiKey) : null, this.clock.instant());
		return new Checked(kept, backend, reply);
	}

	/**
	 * Forgets the choice: the configured generator answers the next question.
	 * @return the choice now (none)
	 */
	public synchronized Choice useConfigured() {
		this.store.clear();
		this.generator.useConfigured();
		this.chosen = false;
		this.restoreProblem = null;
		logger.info("Answers are written by the configured generator again");
		return choice();
	}

	/**
	 * The choices whose API key may go with the same server again: the service's and the
	 * models offered (a key never goes to another server unasked).
	 */
	private List<ModelChoice> keySources() {
		List<ModelChoice> sources = new ArrayList<>(this.store.find().stream().toList());
		sources.addAll(this.store.offered().values());
		return sources;
	}

	/**
	 * Lets people pick a model: checked with one test call (as a choice is), then kept
	 * under its own name (a model offered under that name before is replaced) and ready
	 * for the next question that picks it. A failing call keeps nothing.
	 * @param request the model: a server's, a GGUF file, the extract, or
	 * {@code configured} for the generator the configuration names
	 * @return the model offered, with the model's reply to the test call
	 */
	public synchronized OfferedChosen offer(ChoiceRequest request) {
		Set<String> kinds = new TreeSet<>(CHOOSABLE);
		kinds.add(CONFIGURED);
		Checked checked = check(request, keySources(), kinds);
		ModelChoice choice = checked.choice();
		String name = (checked.backend().model() != null) ? checked.backend().model() : checked.backend().kind();
		this.store.offer(name, choice);
		this.generator.offer(name, checked.backend());
		this.offeredProblems.remove(name);
		logger.info("People may now pick the model {}: {}", name, choice);
		return new OfferedChosen(offered(name, choice), checked.reply());
	}

	/**
	 * People may no longer pick a model: the sessions that picked it are answered by
	 * their persona's or the service's generator again.
	 * @param name the name people picked it by
	 * @throws NotFoundException when no model is offered under that name
	 */
	public synchronized void withdraw(String name) {
		if (!this.store.withdraw(name) && !this.generator.offers(name)) {
			throw new NotFoundException("No model '" + name + "' is offered");
		}
		this.generator.withdraw(name);
		this.offeredProblems.remove(name);
		logger.info("People may no longer pick the model {}", name);
	}

	/**
	 * @return the models offered, as the model screen shows them (never an API key)
	 */
	public List<Offered> offered() {
		return this.store.offered().entrySet().stream().map((e) -> offered(e.getKey(), e.getValue())).toList();
	}

	/**
	 * @return the models people may pick now, as anyone signed in sees them (no server
	 * address), by name
	 */
	public List<Pickable> pickable() {
		return this.generator.offered().stream().sorted().map((name) -> {
			Backend backend = this.generator.current(SwitchableGenerator.picked(name));
			return new Pickable(name, backend.kind(), backend.writes(), backend.generator().readsMedia());
		}).toList();
	}

	private Offered offered(String name, ModelChoice choice) {
		return new Offered(name, choice.kind(), choice.baseUrl(), choice.model(), choice.modelPath(),
				choice.sealedApiKey() != null, choice.updatedAt(), this.generator.offers(name),
				this.offeredProblems.get(name));
	}

	@Override
	public void check(String model, ChatConfig config) {
		Set<String> offered = this.generator.offered();
		if (model == null || offered.isEmpty() || offered.contains(model)
				|| (config != null && model.equals(config.model()))
				|| model.equals(this.generator.current((config != null) ? config.id() : null).model())) {
			return;
		}
		throw new RejectedInputException("model: '" + model + "' is not a model people may use here; pick one of "
				+ String.join(", ", offered.stream().sorted().toList())
				+ " (GET /api/v1/generator/offered), or leave it out for the "
				+ ((config != null) ? "persona's" : "service's") + " model");
	}

	@Override
	public String generatorKey(String model, String configId) {
		return this.generator.offers(model) ? SwitchableGenerator.picked(model) : configId;
	}

	private Backend build(String kind, String baseUrl, String model, String apiKey, String modelPath) {
		return switch (kind) {
			case SwitchableGenerator.EXTRACTIVE ->
				SwitchableGenerator.EXTRACTIVE.equals(this.generator.configured().kind()) ? this.generator.configured()
						: this.generators.extractive();
			case SwitchableGenerator.OLLAMA -> this.generators.ollama(baseUrl, model);
			case SwitchableGenerator.OPENAI_COMPATIBLE -> this.generators.openAiCompatible(baseUrl, model, apiKey);
			case SwitchableGenerator.LLAMA_CPP -> this.generators.llamaCpp(modelPath);
			default -> throw new IllegalStateException("kind " + kind);
		};
	}

	/**
	 * The API key to use: the one given (blank for none), else the stored one when the
	 * server is the stored choice's (a key never goes to another server unasked).
	 */
	private String apiKey(String kind, String baseUrl, String given, List<ModelChoice> stored) {
		if (given != null) {
			return StringUtils.hasText(given) ? given.strip() : null;
		}
		return stored.stream()
			.filter((s) -> s.sealedApiKey() != null && kind.equals(s.kind()) && baseUrl.equals(s.baseUrl()))
			.findFirst()
			.map((s) -> this.secrets.open(s.sealedApiKey()))
			.orElse(null);
	}

	/**
	 * An http(s) URL with a host, without credentials, query or fragment: an API key goes
	 * in its own field (sealed), never in a URL.
	 */
	static String checkedUrl(String baseUrl) {
		if (!StringUtils.hasText(baseUrl)) {
			throw new RejectedInputException("baseUrl: the server's address is needed, e.g. http://localhost:11434");
		}
		String url = baseUrl.strip();
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw new RejectedInputException("baseUrl: not a URL: " + url);
		}
		if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
				|| uri.getHost() == null) {
			throw new RejectedInputException("baseUrl: an http:// or https:// address with a host is needed");
		}
		if (uri.getRawUserInfo() != null) {
			throw new RejectedInputException(
					"baseUrl: no credentials in the address; put the API key in its own field, where it is kept sealed");
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new RejectedInputException("baseUrl: the base URL takes no query or fragment");
		}
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	private static void closeQuietly(Backend backend) {
		if (backend.resource() != null) {
			try {
				backend.resource().close();
			}
			catch (Exception ex) {
				logger.warn("Freeing the {} model failed: {}", backend.kind(), ex.toString());
			}
		}
	}

	/**
	 * A choice as sent from the model screen.
	 *
	 * @param kind {@code extractive}, {@code ollama}, {@code openai-compatible} or
	 * {@code llama-cpp}
	 * @param baseUrl the server's base URL (ollama, openai-compatible)
	 * @param model one of its models (ollama, openai-compatible)
	 * @param apiKey its API key: absent to keep the stored one for the same server, empty
	 * for none
	 * @param modelPath the GGUF file on the server (llama-cpp)
	 */
	public record ChoiceRequest(String kind, String baseUrl, String model, String apiKey, String modelPath) {

		@Override
		public String toString() {
			return "ChoiceRequest[kind=" + this.kind + ", baseUrl=" + this.baseUrl + ", model=" + this.model
					+ ", apiKey=" + ((this.apiKey != null) ? "(given)" : "(none)") + ", modelPath=" + this.modelPath
					+ "]";
		}

	}

	/**
	 * Which generator answers.
	 *
	 * @param kind {@code extractive}, {@code gemini}, {@code vertex-gemini},
	 * {@code openai-compatible}, {@code ollama} or {@code llama-cpp}
	 * @param model the model's name ({@code null} for the extract)
	 * @param writes whether a language model writes the answers (it may summarise,
	 * compare and make tables); otherwise they quote the documents
	 * @param readsMedia whether images and audio reach it
	 * @param chosenIn {@code configuration} ({@code RAGCHAT_CHAT_GENERATOR}),
	 * {@code console} (the service's choice), {@code persona} (a persona's own) or
	 * {@code picked} (a model picked for the conversation)
	 */
	public record Generator(String kind, String model, boolean writes, boolean readsMedia, String chosenIn) {

	}

	/**
	 * The generator the configuration names.
	 *
	 * @param kind its kind
	 * @param model its model, or {@code null}
	 */
	public record Configured(String kind, String model) {

	}

	/**
	 * The model screen's view: what answers, and what was chosen (never the API key).
	 *
	 * @param current which generator answers
	 * @param kind the chosen kind, or {@code null} when none is stored
	 * @param baseUrl the chosen server
	 * @param model the chosen model
	 * @param modelPath the chosen GGUF file
	 * @param apiKeySet whether an API key is stored (sealed)
	 * @param updatedAt when it was chosen
	 * @param configured the generator the configuration names
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

	/**
	 * A model people may use, as the model screen shows it (never the API key).
	 *
	 * @param name the name people pick it by (the model's own)
	 * @param kind {@code extractive}, {@code ollama}, {@code openai-compatible},
	 * {@code llama-cpp} or {@code configured}
	 * @param baseUrl its server
	 * @param model its model
	 * @param modelPath its GGUF file
	 * @param apiKeySet whether an API key is stored (sealed)
	 * @param updatedAt when it was offered
	 * @param ready whether people can pick it now
	 * @param problem why it could not be set up at start-up, or {@code null}
	 */
	public record Offered(String name, String kind, String baseUrl, String model, String modelPath, boolean apiKeySet,
			Instant updatedAt, boolean ready, String problem) {

	}

	/**
	 * A model offered.
	 *
	 * @param offered the model as kept
	 * @param reply what the model answered the test call
	 */
	public record OfferedChosen(Offered offered, String reply) {

	}

	/**
	 * A model anyone may pick for a conversation.
	 *
	 * @param name its name: a session's {@code model}, or after {@code @} in a chat
	 * completion's
	 * @param kind its kind
	 * @param writes whether it writes the answers (otherwise they quote the documents)
	 * @param readsMedia whether images and audio reach it
	 */
	public record Pickable(String name, String kind, boolean writes, boolean readsMedia) {

	}

	/**
	 * A choice that passed its test call.
	 */
	private record Checked(ModelChoice choice, Backend backend, String reply) {

	}

}
