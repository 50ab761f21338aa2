package dev.ragchat.api.openai;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import dev.ragchat.api.access.Caller;
import dev.ragchat.api.chat.SessionSettings;
import dev.ragchat.api.chat.SessionStart;
import dev.ragchat.api.chatconfig.ChatConfig;
import dev.ragchat.api.chatconfig.ChatConfigStore;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.ingestion.KnowledgeBase;
import dev.ragchat.ingestion.KnowledgeBases;

/**
 * The models an OpenAI client may name: {@code kb:<id>} for each knowledge base the key
 * may use, {@code config:<id>} for each chat configuration on one of them, and either
 * followed by {@code @<name>} of a model people may use (offered by the master key) to
 * have that model answer (listed for the knowledge bases).
 */
public final class ChatApiModels {

	/** The prefix of a knowledge base's model id. */
	public static final String KNOWLEDGE_BASE = "kb:";

	/** The prefix of a chat configuration's model id. */
	public static final String CONFIG = "config:";

	/** What separates a knowledge base's or configuration's id from a model picked. */
	public static final String PICK = "@";

	private static final int PAGE = 100;

	private static final int MAX_CONFIGS = 1000;

	private final KnowledgeBases knowledgeBases;

	private final ChatConfigStore configs;

	private final Supplier<Set<String>> offered;

	/**
	 * @param offered the names of the models people may use
	 */
	ChatApiModels(KnowledgeBases knowledgeBases, ChatConfigStore configs, Supplier<Set<String>> offered) {
		this.knowledgeBases = knowledgeBases;
		this.configs = configs;
		this.offered = offered;
	}

	/**
	 * @param caller an API key
	 * @return its models: knowledge bases by name, then configurations by title, then
	 * each knowledge base with each model people may use
	 */
	public List<Model> list(Caller caller) {
		List<Model> models = new ArrayList<>();
		List<KnowledgeBase> usable = this.knowledgeBases.list()
			.stream()
			.filter((kb) -> caller.mayUse(kb.id()))
			.toList();
		usable.forEach((kb) -> models.add(new Model(KNOWLEDGE_BASE + kb.id(), kb.name(), kb.createdAt())));
		List<String> allowed = caller.mayUseAll() ? null : caller.knowledgeBases();
		for (int offset = 0; offset < MAX_CONFIGS; offset += PAGE) {
			List<ChatConfig> page = this.configs.page(allowed, offset, PAGE);
			page.stream()
				.filter((config) -> caller.mayUse(config.knowledgeBase()))
				.forEach((config) -> models.add(new Model(CONFIG + config.id(), config.title(), config.createdAt())));
			if (page.size() < PAGE) {
				break;
			}
		}
		List<String> picks = this.offered.get().stream().sorted().toList();
		usable.forEach((kb) -> picks.forEach((pick) -> models
			.add(new Model(KNOWLEDGE_BASE + kb.id() + PICK + pick, kb.name() + " · " + pick, kb.createdAt()))));
		return models;
	}

	/**
	 * @param model a model id
	 * @param settings settings the request gives
	 * @return the session it starts (whether the key may use it is checked at the start)
	 * @throws NotFoundException for an id that names no model, or picks one people may
	 * not use
	 */
	public SessionStart start(String model, SessionSettings settings) {
		String place = model;
		SessionSettings given = settings;
		int pick = model.indexOf(PICK);
		if (pick >= 0) {
			String name = model.substring(pick + PICK.length());
			if (!this.offered.get().contains(name)) {
				throw new NotFoundException("No model '" + name + "' people may use: pick one of "
						+ String.join(", ", this.offered.get().stream().sorted().toList())
						+ " after @, as GET /v1/models lists them");
			}
			place = model.substring(0, pick);
			given = new SessionSettings(settings.systemPrompt(), name, settings.temperature(), settings.topK());
		}
		if (place.startsWith(KNOWLEDGE_BASE) && place.length() > KNOWLEDGE_BASE.length()) {
			return new SessionStart(place.substring(KNOWLEDGE_BASE.length()), null, given);
		}
		if (place.startsWith(CONFIG) && place.length() > CONFIG.length()) {
			return new SessionStart(null, place.substring(CONFIG.length()), given);
		}
		throw new NotFoundException("No model '" + model + "': use kb:<knowledge base id> or config:<chat"
				+ " configuration id>, optionally followed by @<model>, as GET /v1/models lists them");
	}

	/**
	 * A model as {@code GET /v1/models} lists it.
	 *
	 * @param id {@code kb:<id>} or {@code config:<id>}, with {@code @<model>} for a model
	 * picked
	 * @param name the knowledge base's name or the configuration's title (and the model)
	 * @param created when it was created
	 */
	public record Model(String id, String name, Instant created) {

	}

}
