package dev.ragchat.api.models;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import dev.ragchat.answer.AnswerGenerator;
import dev.ragchat.answer.generate.ChosenModel;
import dev.ragchat.api.chat.SessionModels;
import dev.ragchat.api.chatconfig.ChatConfig;
import dev.ragchat.api.chatconfig.ChatConfigStore;
import dev.ragchat.api.models.ChoiceCheck.Checked;
import dev.ragchat.api.models.Models.Generator;
import dev.ragchat.errors.ConflictException;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.StringUtils;

/**
 * The models people may use: the master key offers them (each checked with one test call
 * and kept like a choice); anyone may then pick one of them for a conversation (a
 * session's {@code model}, or a chat completion's), within the rules of a chat config's
 * model: its questions are written, and judged, with it.
 */
public final class OfferedModels implements SessionModels {

	private static final Logger logger = LoggerFactory.getLogger(OfferedModels.class);

	/** {@link Generator#chosenIn()} of a model picked for the conversation. */
	static final String PICKED = "picked";

	private final ModelRegistry generator;

	private final ChoiceCheck check;

	private final ModelChoiceStore store;

	private final ChatConfigModels chatConfigs;

	private final ChatConfigStore configs;

	/** Why an offered model could not be set up at start-up, by its name. */
	private final Map<String, String> problems = new ConcurrentHashMap<>();

	OfferedModels(ModelRegistry generator, ChoiceCheck check, ModelChoiceStore store, ChatConfigModels chatConfigs,
			ChatConfigStore configs) {
		this.generator = generator;
		this.check = check;
		this.store = store;
		this.chatConfigs = chatConfigs;
		this.configs = configs;
	}

	/**
	 * The models people may use (at start-up), built as the service's is; one that cannot
	 * be built is left out of the pick (and says why to the master key).
	 */
	void restore() {
		this.store.offered().forEach((name, choice) -> {
			try {
				this.generator.offer(name, this.check.build(choice));
			}
			catch (RuntimeException ex) {
				String problem = "This model could not be set up at start-up (" + ex.getMessage()
						+ "); people cannot pick it until it is offered again.";
				this.problems.put(name, problem);
				logger.warn("{} Model: {}, choice: {}", problem, name, choice);
			}
		});
	}

	/**
	 * @param configId a chat config, or {@code null}
	 * @param model the model a session names, or {@code null}
	 * @return which model answers that session's next question: the model picked (chosen
	 * in {@code picked}) when people may use it, else the chat config's own or the
	 * service's, with the model named (unless it runs one file)
	 */
	public Generator current(String configId, String model) {
		if (this.generator.offers(model)) {
			ChosenModel picked = this.generator.current(ModelRegistry.picked(model));
			return new Generator(picked.kind(), picked.model(), picked.writes(), picked.generator().readsMedia(),
					PICKED);
		}
		Generator answering = this.chatConfigs.current(configId);
		if (StringUtils.hasText(model) && answering.writes() && !ChosenModel.LLAMA_CPP.equals(answering.kind())) {
			return new Generator(answering.kind(), model, true, answering.readsMedia(), answering.chosenIn());
		}
		return answering;
	}

	/**
	 * Lets people pick a model: checked with one test call (as a choice is), then kept
	 * under its own name (a model offered under that name before is replaced) and ready
	 * for the next question that picks it. A failing call keeps nothing.
	 * @param request the model: a server's, a GGUF file, the extract, or
	 * {@code configured} for the model the configuration names
	 * @return the model offered, with the model's reply to the test call
	 */
	public synchronized OfferedChosen offer(ChoiceRequest request) {
		Set<String> kinds = new TreeSet<>(ChoiceCheck.CHOOSABLE);
		kinds.add(ChoiceCheck.CONFIGURED);
		Checked checked = this.check.check(request, this.check.keySources(), kinds);
		ModelChoice choice = checked.choice();
		String name = (checked.built().model() != null) ? checked.built().model() : checked.built().kind();
		this.store.offer(name, choice);
		this.generator.offer(name, checked.built());
		this.problems.remove(name);
		logger.info("People may now pick the model {}: {}", name, choice);
		return new OfferedChosen(offered(name, choice), checked.reply());
	}

	/**
	 * People may no longer pick a model: the sessions that picked it are answered by
	 * their chat config's or the service's model again; a chat config that names it is
	 * refused as its sessions take it up ({@link #checkChatConfig}).
	 * @param name the name people picked it by
	 * @throws NotFoundException when no model is offered under that name
	 */
	public synchronized void withdraw(String name) {
		if (!this.store.withdraw(name) && !this.generator.offers(name)) {
			throw new NotFoundException("No model '" + name + "' is offered");
		}
		this.generator.withdraw(name);
		this.problems.remove(name);
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
			ChosenModel picked = this.generator.current(ModelRegistry.picked(name));
			return new Pickable(name, picked.kind(), picked.writes(), picked.generator().readsMedia());
		}).toList();
	}

	private Offered offered(String name, ModelChoice choice) {
		return new Offered(name, choice.kind(), choice.baseUrl(), choice.model(), choice.modelPath(),
				choice.sealedApiKey() != null, choice.updatedAt(), this.generator.offers(name),
				this.problems.get(name));
	}

	@Override
	public void check(String model, ChatConfig config) {
		if (mayName(model, config)) {
			return;
		}
		throw new RejectedInputException("model: '" + model + "' is not a model people may use here; pick one of "
				+ offeredNames() + " (GET /api/v1/generator/offered), or leave it out for the "
				+ ((config != null) ? "persona's" : "service's") + " model");
	}

	@Override
	public void checkChatConfig(ChatConfig config) {
		if (mayName(config.model(), config)) {
			return;
		}
		throw new ConflictException("Persona '" + config.title() + "' (" + config.id() + ") names the model '"
				+ config.model() + "', which is not, or no longer, one of the models people may use here: "
				+ offeredNames() + " (GET /api/v1/generator/offered). Its creator may change or clear its model (PUT"
				+ " /api/v1/chat-configs/" + config.id() + ")"
				+ (config.editable() ? ", or a session may pick one of them (model)" : ""));
	}

	/**
	 * The one check of a model named for a session or a persona: with models offered,
	 * only one of them or the model that answers anyway (the persona's own, else the
	 * service's) may be named; with none, any name is a name for the model that answers.
	 */
	private boolean mayName(String model, ChatConfig config) {
		Set<String> offered = this.generator.offered();
		return model == null || offered.isEmpty() || offered.contains(model)
				|| model.equals(this.generator.current((config != null) ? config.id() : null).model());
	}

	private String offeredNames() {
		return String.join(", ", this.generator.offered().stream().sorted().toList());
	}

	@Override
	public AnswerGenerator answering(String modelKey) {
		return this.generator.current(modelKey).generator();
	}

	@Override
	public String modelKey(String model, String configId) {
		if (this.generator.offers(model)) {
			return ModelRegistry.picked(model);
		}
		if (configId != null && model != null) {
			// the chat config's model, taken up by its session: checked at each answer
			this.configs.findById(configId)
				.filter((config) -> model.equals(config.model()))
				.ifPresent(this::checkChatConfig);
		}
		return configId;
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

}
