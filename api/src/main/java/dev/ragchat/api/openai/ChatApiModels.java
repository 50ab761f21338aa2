package dev.ragchat.api.openai;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.ragchat.api.access.Caller;
import dev.ragchat.api.chat.ChatConfig;
import dev.ragchat.api.chat.ChatConfigStore;
import dev.ragchat.api.chat.SessionSettings;
import dev.ragchat.api.chat.SessionStart;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.ingestion.KnowledgeBases;

/**
 * The models an OpenAI client may name: {@code kb:<id>} for each knowledge base the key
 * may use, {@code config:<id>} for each chat configuration on one of them.
 */
public final class ChatApiModels {

	/** The prefix of a knowledge base's model id. */
	public static final String KNOWLEDGE_BASE = "kb:";

	/** The prefix of a chat configuration's model id. */
	public static final String CONFIG = "config:";

	private static final int PAGE = 100;

	private static final int MAX_CONFIGS = 1000;

	private final KnowledgeBases knowledgeBases;

	private final ChatConfigStore configs;

	ChatApiModels(KnowledgeBases knowledgeBases, ChatConfigStore configs) {
		this.knowledgeBases = knowledgeBases;
		this.configs = configs;
	}

	/**
	 * @param caller an API key
	 * @return its models: knowledge bases by name, then configurations by title
	 */
	public List<Model> list(Caller caller) {
		List<Model> models = new ArrayList<>();
		this.knowledgeBases.list()
			.stream()
			.filter((kb) -> caller.mayUse(kb.id()))
			.forEach((kb) -> models.add(new Model(KNOWLEDGE_BASE + kb.id(), kb.name(), kb.createdAt())));
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
		return models;
	}

	/**
	 * @param model a model id
	 * @param settings settings the request gives
	 * @return the session it starts (whether the key may use it is checked at the start)
	 * @throws NotFoundException for an id that names no model
	 */
	public SessionStart start(String model, SessionSettings settings) {
		if (model.startsWith(KNOWLEDGE_BASE) && model.length() > KNOWLEDGE_BASE.length()) {
			return new SessionStart(model.substring(KNOWLEDGE_BASE.length()), null, settings);
		}
		if (model.startsWith(CONFIG) && model.length() > CONFIG.length()) {
			return new SessionStart(null, model.substring(CONFIG.length()), settings);
		}
		throw new NotFoundException("No model '" + model
				+ "': use kb:<knowledge base id> or config:<chat configuration id>" + " as GET /v1/models lists them");
	}

	/**
	 * A model as {@code GET /v1/models} lists it.
	 *
	 * @param id {@code kb:<id>} or {@code config:<id>}
	 * @param name the knowledge base's name or the configuration's title
	 * @param created when it was created
	 */
	public record Model(String id, String name, Instant created) {

	}

}
