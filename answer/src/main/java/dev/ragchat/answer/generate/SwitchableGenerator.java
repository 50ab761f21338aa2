package dev.ragchat.answer.generate;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.util.Assert;

/**
 * The answer generator the engine calls: the one {@code ragchat.chat.generator}
 * configures, until another is chosen while the service runs (the console's model
 * screen), and back. Each answer is written by the generator current when it starts;
 * whether media reach it and who judges the sources follow the current one too. A persona
 * (chat configuration) may have a generator of its own, chosen by the master key: its
 * sessions' questions are written by it ({@link #answering(String)}, the one place the
 * engine asks), every other question by the service's. The models people may use (offered
 * by the master key) are kept here too, by name: a question whose session picked one is
 * written, and judged, by it; the engine asks for it with {@link #picked(String)} in
 * place of the chat configuration's id.
 */
public final class SwitchableGenerator implements AnswerGenerator, AutoCloseable {

	/** No model: the answer quotes the sources. */
	public static final String EXTRACTIVE = "extractive";

	/** An Ollama server. */
	public static final String OLLAMA = "ollama";

	/** A server speaking OpenAI's chat completions. */
	public static final String OPENAI_COMPATIBLE = "openai-compatible";

	/** A GGUF file run in process by llama.cpp. */
	public static final String LLAMA_CPP = "llama-cpp";

	/** Gemini with an API key. */
	public static final String GEMINI = "gemini";

	/** Gemini on Vertex AI. */
	public static final String VERTEX_GEMINI = "vertex-gemini";

	/**
	 * What a generator key starts with when it names a model people may use rather than a
	 * chat configuration (whose ids start with {@code cfg_}).
	 */
	public static final String PICKED = "model:";

	private static final Logger logger = LoggerFactory.getLogger(SwitchableGenerator.class);

	private final Backend configured;

	private final AtomicReference<Backend> current;

	/** The personas' own generators, by chat configuration id. */
	private final Map<String, Backend> personas = new ConcurrentHashMap<>();

	/** The models people may use, by the name they pick them by. */
	private final Map<String, Backend> offered = new ConcurrentHashMap<>();

	/**
	 * @param configured the generator of {@code ragchat.chat.generator}
	 */
	public SwitchableGenerator(Backend configured) {
		Assert.notNull(configured, "configured must not be null");
		this.configured = configured;
		this.current = new AtomicReference<>(configured);
	}

	/**
	 * @return the generator the configuration names
	 */
	public Backend configured() {
		return this.configured;
	}

	/**
	 * @return the generator that writes the next answer
	 */
	public Backend current() {
		return this.current.get();
	}

	/**
	 * Makes another generator write the next answers; the one it replaces is freed (a
	 * model loaded in process) once its answer in progress, if any, has ended.
	 * @param next the generator to use
	 */
	public void use(Backend next) {
		Assert.notNull(next, "next must not be null");
		Backend replaced = this.current.getAndSet(next);
		if (replaced != next && replaced != this.configured) {
			release(replaced);
		}
	}

	/**
	 * Back to the generator the configuration names.
	 */
	public void useConfigured() {
		use(this.configured);
	}

	/**
	 * @param configId a chat configuration's id, a {@link #picked(String) picked model's}
	 * key, or {@code null}
	 * @return the generator that writes that configuration's next answer: the picked
	 * model, else its own, else the service's
	 */
	public Backend current(String configId) {
		if (configId != null && configId.startsWith(PICKED)) {
			Backend picked = this.offered.get(configId.substring(PICKED.length()));
			if (picked != null) {
				return picked;
			}
		}
		Backend own = (configId != null) ? this.personas.get(configId) : null;
		return (own != null) ? own : this.current.get();
	}

	/**
	 * @param name the name of a model people may use
	 * @return the key that makes {@link #answering(String)} answer with it
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
	 * @param backend its generator
	 */
	public void offer(String name, Backend backend) {
		Assert.hasText(name, "name must not be empty");
		Assert.notNull(backend, "backend must not be null");
		Backend replaced = this.offered.put(name, backend);
		if (replaced != null && replaced != backend && replaced != this.configured) {
			release(replaced);
		}
	}

	/**
	 * People may no longer pick the model: sessions that named it are answered by their
	 * persona's or the service's generator again.
	 * @param name the name people picked it by
	 */
	public void withdraw(String name) {
		Backend replaced = (name != null) ? this.offered.remove(name) : null;
		if (replaced != null && replaced != this.configured) {
			release(replaced);
		}
	}

	/**
	 * @param configId a chat configuration's id
	 * @return whether it has a generator of its own
	 */
	public boolean hasOwn(String configId) {
		return configId != null && this.personas.containsKey(configId);
	}

	/**
	 * Makes a generator of its own write a persona's next answers; the one it replaces,
	 * if any, is freed once its answer in progress has ended.
	 * @param configId a chat configuration's id
	 * @param next its generator
	 */
	public void use(String configId, Backend next) {
		Assert.hasText(configId, "configId must not be empty");
		Assert.notNull(next, "next must not be null");
		Backend replaced = this.personas.put(configId, next);
		if (replaced != null && replaced != next && replaced != this.configured) {
			release(replaced);
		}
	}

	/**
	 * Back to the service's generator for a persona.
	 * @param configId a chat configuration's id
	 */
	public void useService(String configId) {
		Backend replaced = (configId != null) ? this.personas.remove(configId) : null;
		if (replaced != null && replaced != this.configured) {
			release(replaced);
		}
	}

	@Override
	public AnswerGenerator answering(String configId) {
		return current(configId).generator();
	}

	@Override
	public Generated generate(Question question, Consumer<String> tokens) {
		return this.current.get().generator().generate(question, tokens);
	}

	@Override
	public boolean readsMedia() {
		return this.current.get().generator().readsMedia();
	}

	@Override
	public boolean judgesSources() {
		return this.current.get().generator().judgesSources();
	}

	/**
	 * Frees a chosen generator's model (the configured one is a bean, closed with the
	 * context).
	 */
	@Override
	public void close() {
		Backend last = this.current.getAndSet(this.configured);
		if (last != this.configured && last.resource() != null) {
			closeQuietly(last);
		}
		this.personas.values()
			.stream()
			.filter((own) -> own != this.configured && own.resource() != null)
			.forEach(SwitchableGenerator::closeQuietly);
		this.personas.clear();
		this.offered.values()
			.stream()
			.filter((picked) -> picked != this.configured && picked.resource() != null)
			.forEach(SwitchableGenerator::closeQuietly);
		this.offered.clear();
	}

	/** On a thread of its own: closing waits for the answer in progress. */
	private static void release(Backend replaced) {
		if (replaced.resource() != null) {
			Thread.ofVirtual().name("release-" + replaced.kind()).start(() -> closeQuietly(replaced));
		}
	}

	private static void closeQuietly(Backend backend) {
		try {
			backend.resource().close();
		}
		catch (Exception ex) {
			logger.warn("Freeing the {} model {} failed: {}", backend.kind(), backend.model(), ex.toString());
		}
	}

	/**
	 * A generator with what it is.
	 *
	 * @param kind {@link #EXTRACTIVE}, {@link #OLLAMA}, {@link #OPENAI_COMPATIBLE},
	 * {@link #LLAMA_CPP}, {@link #GEMINI} or {@link #VERTEX_GEMINI}
	 * @param model the model's name ({@code null} for the extract)
	 * @param generator writes the answers
	 * @param chatModel the language model behind it, or {@code null} for the extract
	 * @param resource what to close when it is no longer used, or {@code null}
	 */
	public record Backend(String kind, String model, AnswerGenerator generator, ChatModel chatModel,
			AutoCloseable resource) {

		public Backend {
			Assert.hasText(kind, "kind must not be empty");
			Assert.notNull(generator, "generator must not be null");
		}

		/**
		 * @return whether a language model writes the answers (it may summarise, compare
		 * and make tables); otherwise they quote the documents
		 */
		public boolean writes() {
			return this.chatModel != null;
		}

	}

}
