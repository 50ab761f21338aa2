package dev.ragchat.api.models;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import dev.ragchat.answer.generate.ChosenModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.Assert;

/**
 * The models chosen while the service runs, and which one answers a question: the one
 * {@code ragchat.chat.generator} configures, until another is chosen for the service (the
 * console's model screen), and back. A chat config may have a model of its own, chosen by
 * the master key: its sessions' questions are written with it, every other question with
 * the service's. The models people may use (offered by the master key) are kept here too,
 * by name: a question whose session picked one is written, and judged, with it. A session
 * names its model by its model key ({@link #current(String)}: a chat config's id, or
 * {@link #picked(String)}), resolved here into the {@link ChosenModel} whose generator
 * travels in the question's {@code AnswerRequest}; the engine keeps nothing of it. A
 * model replaced or withdrawn is freed (a model loaded in process) once its answer in
 * progress, if any, has ended.
 */
public final class ModelRegistry implements AutoCloseable {

	/**
	 * What a model key starts with when it names a model people may use rather than a
	 * chat config (whose ids start with {@code cfg_}).
	 */
	public static final String PICKED = "model:";

	private static final Logger logger = LoggerFactory.getLogger(ModelRegistry.class);

	private final ChosenModel configured;

	private final AtomicReference<ChosenModel> current;

	/** The chat configs' own models, by chat config id. */
	private final Map<String, ChosenModel> chatConfigs = new ConcurrentHashMap<>();

	/** The models people may use, by the name they pick them by. */
	private final Map<String, ChosenModel> offered = new ConcurrentHashMap<>();

	/**
	 * @param configured the model of {@code ragchat.chat.generator}
	 */
	public ModelRegistry(ChosenModel configured) {
		Assert.notNull(configured, "configured must not be null");
		this.configured = configured;
		this.current = new AtomicReference<>(configured);
	}

	/**
	 * @return the model the configuration names
	 */
	public ChosenModel configured() {
		return this.configured;
	}

	/**
	 * @return the service's model, which writes the next answer
	 */
	public ChosenModel current() {
		return this.current.get();
	}

	/**
	 * Makes another model write the next answers; the one it replaces is freed (a model
	 * loaded in process) once its answer in progress, if any, has ended.
	 * @param next the model to use
	 */
	public void use(ChosenModel next) {
		Assert.notNull(next, "next must not be null");
		ChosenModel replaced = this.current.getAndSet(next);
		if (replaced != next && replaced != this.configured) {
			release(replaced);
		}
	}

	/**
	 * Back to the model the configuration names.
	 */
	public void useConfigured() {
		use(this.configured);
	}

	/**
	 * @param modelKey a chat config's id, a {@link #picked(String) picked model's} key,
	 * or {@code null}
	 * @return the model that writes that key's next answer: the picked model, else the
	 * chat config's own, else the service's
	 */
	public ChosenModel current(String modelKey) {
		if (modelKey != null && modelKey.startsWith(PICKED)) {
			ChosenModel picked = this.offered.get(modelKey.substring(PICKED.length()));
			if (picked != null) {
				return picked;
			}
		}
		ChosenModel own = (modelKey != null) ? this.chatConfigs.get(modelKey) : null;
		return (own != null) ? own : this.current.get();
	}

	/**
	 * @param name the name of a model people may use
	 * @return the key that makes {@link #current(String)} answer with it
	 */
	public static String picked(String name) {
		return PICKED + name;
	}

	/**
	 * @param name a model's name
	 * @return whether people may use it (it was offered)
	 */
	public boolean offers(String name) {
		return name != null && this.offered.containsKey(name);
	}

	/**
	 * @return the names of the models people may use (set up and ready)
	 */
	public Set<String> offered() {
		return Set.copyOf(this.offered.keySet());
	}

	/**
	 * Lets people pick a model, under a name; the one it replaces, if any, is freed once
	 * its answer in progress has ended.
	 * @param name the name people pick it by
	 * @param model the model
	 */
	public void offer(String name, ChosenModel model) {
		Assert.hasText(name, "name must not be empty");
		Assert.notNull(model, "model must not be null");
		ChosenModel replaced = this.offered.put(name, model);
		if (replaced != null && replaced != model && replaced != this.configured) {
			release(replaced);
		}
	}

	/**
	 * People may no longer pick the model: sessions that named it are answered by their
	 * chat config's or the service's model again.
	 * @param name the name people picked it by
	 */
	public void withdraw(String name) {
		ChosenModel replaced = (name != null) ? this.offered.remove(name) : null;
		if (replaced != null && replaced != this.configured) {
			release(replaced);
		}
	}

	/**
	 * @param configId a chat config's id
	 * @return whether it has a model of its own
	 */
	public boolean hasOwn(String configId) {
		return configId != null && this.chatConfigs.containsKey(configId);
	}

	/**
	 * Makes a model of its own write a chat config's next answers; the one it replaces,
	 * if any, is freed once its answer in progress has ended.
	 * @param configId a chat config's id
	 * @param next its model
	 */
	public void use(String configId, ChosenModel next) {
		Assert.hasText(configId, "configId must not be empty");
		Assert.notNull(next, "next must not be null");
		ChosenModel replaced = this.chatConfigs.put(configId, next);
		if (replaced != null && replaced != next && replaced != this.configured) {
			release(replaced);
		}
	}

	/**
	 * Back to the service's model for a chat config.
	 * @param configId a chat config's id
	 */
	public void useService(String configId) {
		ChosenModel replaced = (configId != null) ? this.chatConfigs.remove(configId) : null;
		if (replaced != null && replaced != this.configured) {
			release(replaced);
		}
	}

	/**
	 * Frees the chosen models (the configured one is a bean, closed with the context).
	 */
	@Override
	public void close() {
		ChosenModel last = this.current.getAndSet(this.configured);
		if (last != this.configured && last.resource() != null) {
			closeQuietly(last);
		}
		this.chatConfigs.values()
			.stream()
			.filter((own) -> own != this.configured && own.resource() != null)
			.forEach(ModelRegistry::closeQuietly);
		this.chatConfigs.clear();
		this.offered.values()
			.stream()
			.filter((picked) -> picked != this.configured && picked.resource() != null)
			.forEach(ModelRegistry::closeQuietly);
		this.offered.clear();
	}

	/** On a thread of its own: closing waits for the answer in progress. */
	private static void release(ChosenModel replaced) {
		if (replaced.resource() != null) {
			Thread.ofVirtual().name("release-" + replaced.kind()).start(() -> closeQuietly(replaced));
		}
	}

	private static void closeQuietly(ChosenModel model) {
		try {
			model.resource().close();
		}
		catch (Exception ex) {
			logger.warn("Freeing the {} model {} failed: {}", model.kind(), model.model(), ex.toString());
		}
	}

}
