package dev.ragchat.answer.generate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import dev.ragchat.answer.generate.providers.ChatModels;
import dev.ragchat.answer.generate.providers.LlamaCppChatModel;
import dev.ragchat.answer.generate.providers.LlamaCppProperties;
import dev.ragchat.answer.generate.providers.OllamaProperties;
import dev.ragchat.answer.generate.providers.OpenAiCompatibleProperties;
import dev.ragchat.answer.text.SentenceVectors;
import dev.ragchat.errors.BadUpstreamException;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.retrieval.embedding.QueryEmbedder;

import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.ollama.OllamaChatModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.util.StringUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Builds the models an administrator chooses while the service runs (the console's model
 * screen), each with the generator that writes with it, with the clients, timeouts and
 * limits of the configured ones ({@code ragchat.chat.ollama.*},
 * {@code ragchat.chat.openai.*}, {@code ragchat.chat.llama.*}), and checks one with a
 * test call before it is used.
 */
public final class ChosenModels {

	/** What a GGUF file starts with. */
	private static final byte[] GGUF_MAGIC = "GGUF".getBytes(StandardCharsets.US_ASCII);

	private final EmbeddingModel embeddingModel;

	private final QueryEmbedder queryEmbedder;

	private final AnswerSettings settings;

	private final OllamaProperties ollama;

	private final OpenAiCompatibleProperties openAi;

	private final LlamaCppProperties llama;

	/**
	 * The extract, built when first asked for: one for the service (its sentence cache is
	 * shared).
	 */
	private final SingletonSupplier<ChosenModel> extractive;

	ChosenModels(EmbeddingModel embeddingModel, QueryEmbedder queryEmbedder, AnswerSettings settings,
			OllamaProperties ollama, OpenAiCompatibleProperties openAi, LlamaCppProperties llama) {
		this.embeddingModel = embeddingModel;
		this.queryEmbedder = queryEmbedder;
		this.settings = settings;
		this.ollama = ollama;
		this.openAi = openAi;
		this.llama = llama;
		this.extractive = SingletonSupplier.of(() -> new ChosenModel(ChosenModel.EXTRACTIVE, null,
				new ExtractiveGenerator(new SentenceVectors(embeddingModel, settings.sentenceCache()), queryEmbedder,
						settings.minSimilarity(), settings.maxSentences(), settings.overlapWeight(),
						settings.rankWeight(), settings.quoteFirstSource()),
				null, null));
	}

	/**
	 * @return the extract (one for the service: its sentence cache is shared)
	 */
	public ChosenModel extractive() {
		return this.extractive.obtain();
	}

	/**
	 * @param baseUrl the Ollama server ({@code http://localhost:11434})
	 * @param model a model it has pulled
	 * @return the model with its generator (nothing is called yet)
	 */
	public ChosenModel ollama(String baseUrl, String model) {
		OllamaChatModel chatModel = ChatModels
			.ollama(new OllamaProperties(baseUrl, model, this.ollama.timeout(), this.ollama.numCtx()));
		return new ChosenModel(ChosenModel.OLLAMA, model,
				new ChatModelGenerator(chatModel, model, this.ollama.timeout()), chatModel, null);
	}

	/**
	 * @param baseUrl the API's base URL, used as given
	 * ({@code <baseUrl>/chat/completions})
	 * @param model a model it serves
	 * @param apiKey sent as a bearer token, or {@code null}
	 * @return the model with its generator (nothing is called yet)
	 */
	public ChosenModel openAiCompatible(String baseUrl, String model, String apiKey) {
		OpenAiChatModel chatModel = ChatModels.openAi(
				new OpenAiCompatibleProperties(baseUrl, model, apiKey, this.openAi.timeout(), this.openAi.maxTokens()));
		return new ChosenModel(ChosenModel.OPENAI_COMPATIBLE, model,
				new ChatModelGenerator(chatModel, model, this.openAi.timeout()), chatModel, null);
	}

	/**
	 * Loads a GGUF file with llama.cpp, after checking that it is one: a readable file
	 * that starts with the GGUF magic bytes. Nothing is downloaded.
	 * @param modelPath the file on the server
	 * @return the model with its generator, holding the loaded model (closed when no
	 * longer used)
	 * @throws RejectedInputException when the file is not there, not readable or not GGUF
	 */
	public ChosenModel llamaCpp(String modelPath) {
		Path file = checkedGguf(modelPath);
		LlamaCppChatModel chatModel;
		try {
			chatModel = new LlamaCppChatModel(new LlamaCppProperties(file.toString(), this.llama.contextSize(),
					this.llama.maxTokens(), this.llama.threads(), this.llama.timeout()));
		}
		catch (IllegalStateException ex) {
			throw new RejectedInputException("llama.cpp could not load " + file.getFileName() + " as a model");
		}
		return new ChosenModel(ChosenModel.LLAMA_CPP, chatModel.name(),
				new ChatModelGenerator(chatModel, chatModel.name(), this.llama.timeout(), false), chatModel, chatModel);
	}

	static Path checkedGguf(String modelPath) {
		if (!StringUtils.hasText(modelPath)) {
			throw new RejectedInputException("modelPath: the GGUF file's path on the server is needed for llama-cpp");
		}
		Path file = Path.of(modelPath.strip()).toAbsolutePath().normalize();
		if (!Files.isRegularFile(file)) {
			throw new RejectedInputException("modelPath: there is no file " + file + " on the server");
		}
		if (!Files.isReadable(file)) {
			throw new RejectedInputException("modelPath: the service may not read " + file);
		}
		byte[] start;
		try (InputStream in = Files.newInputStream(file)) {
			start = in.readNBytes(GGUF_MAGIC.length);
		}
		catch (IOException ex) {
			throw new RejectedInputException("modelPath: " + file + " cannot be read");
		}
		if (!Arrays.equals(start, GGUF_MAGIC)) {
			throw new RejectedInputException("modelPath: " + file + " is not a GGUF file (it does not start with"
					+ " the bytes GGUF); download a .gguf model yourself, ragchat downloads nothing");
		}
		return file;
	}

	/**
	 * The test call: a short streamed request to the model, as answers make them.
	 * @param model the model to check
	 * @param where the server's address or the file's name, for the message
	 * @return the model's reply (empty for the extract, which needs no call)
	 * @throws dev.ragchat.errors.RagChatException saying what the server answered: an
	 * error status and its text (502), or that it could not be reached or stayed silent
	 * (503)
	 */
	public String check(ChosenModel model, String where) {
		if (model.chatModel() == null) {
			return "";
		}
		Prompt prompt = new Prompt(
				List.of(new SystemMessage("You are being tested. Reply with one word."), new UserMessage("Say OK.")),
				ChatOptions.builder().model(model.model()).build());
		StringBuilder reply = new StringBuilder();
		try {
			List<ChatResponse> pieces = model.chatModel().stream(prompt).timeout(timeout(model)).collectList().block();
			if (pieces != null) {
				for (ChatResponse piece : pieces) {
					if (piece.getResult() != null && piece.getResult().getOutput() != null
							&& piece.getResult().getOutput().getText() != null) {
						reply.append(piece.getResult().getOutput().getText());
					}
				}
			}
		}
		catch (RuntimeException ex) {
			throw ModelFailures.ofCheck(ex, where);
		}
		if (reply.toString().isBlank()) {
			throw new BadUpstreamException(where + " answered the test call with no text: " + model.model()
					+ " wrote nothing; nothing was kept");
		}
		return reply.toString().strip();
	}

	private Duration timeout(ChosenModel model) {
		return switch (model.kind()) {
			case ChosenModel.OLLAMA -> this.ollama.timeout();
			case ChosenModel.OPENAI_COMPATIBLE -> this.openAi.timeout();
			case ChosenModel.LLAMA_CPP -> this.llama.timeout();
			default -> AnswerConfiguration.GEMINI_TIMEOUT;
		};
	}

}
