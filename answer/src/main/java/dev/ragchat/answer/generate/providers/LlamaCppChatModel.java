package dev.ragchat.answer.generate.providers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Schedulers;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.util.StringUtils;

/**
 * A Spring AI {@link ChatModel} over llama.cpp in process (the JNI binding
 * {@code de.kherud:llama}, whose native libraries are inside its jar), running one model
 * from a GGUF file. The prompt's messages go through the model's own chat template (the
 * one in the file; ChatML when it has none); generation ends at the model's end of text
 * (or end of turn) or after {@code maxTokens} tokens. Each token is one piece of the
 * streamed answer. A prompt that does not leave {@code maxTokens} free in the context is
 * refused (llama.cpp would otherwise cut it silently).
 * <p>
 * One answer at a time: the binding does not say that a model may be used from several
 * threads at once, and llama.cpp runs one sequence per slot anyway (one slot here), so
 * answers wait for the model in turn. Waiting counts as silence: an answer that waits
 * longer than its timeout fails like a silent server. A request given up on (its timeout,
 * a client gone) stops the generation at its next token; the binding's cancel is only
 * called from the generating thread, since a cancel from elsewhere would leave that
 * thread waiting for a token that never comes.
 * <p>
 * A model's name in the options is ignored (one model is loaded); so are images and
 * audio, which a text model cannot read: a prompt carrying them is refused.
 */
public final class LlamaCppChatModel implements ChatModel, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LlamaCppChatModel.class);

	private final LlamaModel model;

	private final String name;

	private final int contextSize;

	private final int maxTokens;

	private final Duration timeout;

	/**
	 * The model's one slot: held by the answer in progress (package-private: a test,
	 * through its helper in this package, holds it to keep the model busy).
	 */
	final Semaphore slot = new Semaphore(1, true);

	private final AtomicBoolean closed = new AtomicBoolean();

	/**
	 * Loads the model (once; it stays in memory until {@link #close()}).
	 * @param properties the file and how to run it
	 * @throws IllegalStateException when the file is not set, not readable or not a model
	 * llama.cpp loads
	 */
	public LlamaCppChatModel(LlamaCppProperties properties) {
		Path file = modelFile(properties.modelPath());
		if (properties.maxTokens() <= 0 || properties.contextSize() <= 0 || properties.threads() < 0
				|| properties.timeout() == null || !properties.timeout().isPositive()) {
			throw new IllegalStateException("ragchat.chat.llama: context-size, max-tokens and timeout must be positive"
					+ " and threads at least 0; was " + properties);
		}
		int threads = (properties.threads() > 0) ? properties.threads() : Runtime.getRuntime().availableProcessors();
		// llama.cpp writes its own log (loading, timings) to standard error: the
		// binding's setLogger (4.1.0) never calls back, so it is not routed through ours
		long start = System.nanoTime();
		try {
			this.model = new LlamaModel(new ModelParameters().setModel(file.toString())
				.setCtxSize(properties.contextSize())
				.setThreads(threads)
				.setThreadsBatch(threads)
				.setParallel(1));
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("ragchat.chat.llama.model-path (RAGCHAT_CHAT_LLAMA_MODEL_PATH): llama.cpp"
					+ " could not load " + file + " as a model (" + ex.getMessage() + ")", ex);
		}
		this.name = file.getFileName().toString();
		this.contextSize = properties.contextSize();
		this.maxTokens = properties.maxTokens();
		this.timeout = properties.timeout();
		logger.info("Loaded {} with llama.cpp in {} ms ({} threads, context {} tokens)", this.name,
				(System.nanoTime() - start) / 1_000_000, threads, properties.contextSize());
	}

	static Path modelFile(String modelPath) {
		if (!StringUtils.hasText(modelPath)) {
			throw new IllegalStateException("ragchat.chat.generator=llama-cpp needs ragchat.chat.llama.model-path"
					+ " (RAGCHAT_CHAT_LLAMA_MODEL_PATH), a GGUF file on disk; nothing is downloaded");
		}
		Path file = Path.of(modelPath.strip());
		if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
			throw new IllegalStateException("ragchat.chat.llama.model-path (RAGCHAT_CHAT_LLAMA_MODEL_PATH) is not a"
					+ " readable file: " + file.toAbsolutePath());
		}
		return file;
	}

	/**
	 * @return the model file's name, the answers' model name
	 */
	public String name() {
		return this.name;
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		List<ChatResponse> pieces = stream(prompt).timeout(this.timeout).collectList().block();
		StringBuilder text = new StringBuilder();
		if (pieces != null) {
			pieces.forEach((piece) -> text.append(piece.getResult().getOutput().getText()));
		}
		return new ChatResponse(List.of(new Generation(new AssistantMessage(text.toString()))));
	}

	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		Conversation conversation = Conversation.of(prompt);
		return Flux.<ChatResponse>create((sink) -> generate(conversation, sink))
			.subscribeOn(Schedulers.boundedElastic());
	}

	/** In the model's slot: its chat template is native code too. */
	private InferenceParameters parameters(Conversation conversation) {
		// the model's own chat template (ChatML when the file has none)
		String templated = this.model
			.applyTemplate(new InferenceParameters("").setMessages(conversation.system(), conversation.turns()));
		// llama.cpp would cut a prompt longer than the context (the sources first), or
		// shift the sources out while it writes: refused instead
		int promptTokens = this.model.encode(templated).length;
		if (promptTokens + this.maxTokens > this.contextSize) {
			throw new IllegalStateException("The prompt has " + promptTokens + " tokens: with up to " + this.maxTokens
					+ " for the answer it does not fit the context of " + this.contextSize
					+ " tokens; raise RAGCHAT_CHAT_LLAMA_CONTEXT_SIZE (or lower RAGCHAT_CHAT_LLAMA_MAX_TOKENS)");
		}
		InferenceParameters parameters = new InferenceParameters(templated).setNPredict(this.maxTokens)
			.setCachePrompt(false);
		if (conversation.temperature() != null) {
			parameters.setTemperature(conversation.temperature().floatValue());
		}
		return parameters;
	}

	/** On a thread of its own: waits for the model's slot, then streams its tokens. */
	private void generate(Conversation conversation, FluxSink<ChatResponse> sink) {
		AtomicBoolean givenUp = new AtomicBoolean();
		sink.onDispose(() -> givenUp.set(true));
		try {
			while (!this.slot.tryAcquire(50, TimeUnit.MILLISECONDS)) {
				if (givenUp.get()) {
					return;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			sink.error(ex);
			return;
		}
		try {
			if (this.closed.get()) {
				sink.error(new IllegalStateException("the llama.cpp model is closed"));
				return;
			}
			LlamaIterator tokens = this.model.generate(parameters(conversation)).iterator();
			while (tokens.hasNext()) {
				if (givenUp.get()) {
					tokens.cancel();
					return;
				}
				LlamaOutput token = tokens.next();
				if (!token.text.isEmpty()) {
					sink.next(new ChatResponse(List.of(new Generation(new AssistantMessage(token.text)))));
				}
			}
			sink.complete();
		}
		catch (RuntimeException ex) {
			sink.error(ex);
		}
		finally {
			this.slot.release();
		}
	}

	/** Frees the model once the answer in progress, if any, has ended. */
	@Override
	public void close() {
		if (this.closed.getAndSet(true)) {
			return;
		}
		boolean idle = false;
		try {
			idle = this.slot.tryAcquire(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (!idle) {
			logger.warn("An answer was still being written after {}; the model is left to the process's end",
					this.timeout);
			return;
		}
		this.model.close();
	}

	/**
	 * A prompt's messages as the binding takes them: the system messages in one, then the
	 * turns in order.
	 */
	private record Conversation(String system, List<Pair<String, String>> turns, Double temperature) {

		static Conversation of(Prompt prompt) {
			StringBuilder system = new StringBuilder();
			List<Pair<String, String>> turns = new ArrayList<>();
			for (Message message : prompt.getInstructions()) {
				if (message instanceof UserMessage user && !user.getMedia().isEmpty()) {
					throw new IllegalArgumentException(
							"ragchat.chat.generator=llama-cpp reads text only, not images or audio");
				}
				String text = (message.getText() != null) ? message.getText() : "";
				if (message.getMessageType() == MessageType.SYSTEM) {
					system.append(system.isEmpty() ? "" : "\n\n").append(text);
				}
				else if (message.getMessageType() == MessageType.USER) {
					turns.add(new Pair<>("user", text));
				}
				else if (message.getMessageType() == MessageType.ASSISTANT) {
					turns.add(new Pair<>("assistant", text));
				}
			}
			ChatOptions options = prompt.getOptions();
			return new Conversation(system.toString(), turns, (options != null) ? options.getTemperature() : null);
		}

	}

}
