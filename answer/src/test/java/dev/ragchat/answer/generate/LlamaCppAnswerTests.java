package dev.ragchat.answer.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ragchat.answer.AnswerGenerator;
import dev.ragchat.answer.AnswerGenerator.Question;
import dev.ragchat.answer.generate.providers.LlamaCppChatModel;
import dev.ragchat.answer.generate.providers.LlamaCppProperties;
import dev.ragchat.answer.generate.providers.LlamaCppSlot;
import dev.ragchat.errors.BadUpstreamException;
import dev.ragchat.errors.UnavailableException;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.embedding.QueryEmbedder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchRuntimeException;

/**
 * {@code ragchat.chat.generator=llama-cpp} for real: llama.cpp (the natives inside the
 * {@code de.kherud:llama} jar) loads a tiny random-weight GGUF model that the test writes
 * ({@link TinyGguf}) and generates with it. What is tested is the plumbing (loading,
 * streaming token by token, the token limit, the end of text, the timeout, start-up
 * failures), not what the model says: its weights are random and its answers mean
 * nothing.
 */
class LlamaCppAnswerTests {

	static final int MAX_TOKENS = 8;

	static final QueryEmbedder QUERY = (query) -> new float[] { 1, 0 };

	static final EmbeddingModel EMBEDDINGS = ExtractiveGeneratorTests.ALIKE;

	@TempDir
	static Path directory;

	static Path babbling;

	static Path ending;

	static LlamaCppChatModel model;

	@BeforeAll
	static void writeAndLoadTheModels() throws IOException {
		babbling = TinyGguf.write(directory.resolve("tiny-babbling.gguf"), false);
		ending = TinyGguf.write(directory.resolve("tiny-ending.gguf"), true);
		model = load(babbling, Duration.ofSeconds(30));
	}

	@AfterAll
	static void closeTheModel() {
		if (model != null) {
			model.close();
		}
	}

	static LlamaCppChatModel load(Path file, Duration timeout) {
		return new LlamaCppChatModel(new LlamaCppProperties(file.toString(), TinyGguf.CONTEXT, MAX_TOKENS, 1, timeout));
	}

	static Prompt prompt() {
		return new Prompt(List.of(new SystemMessage("Answer from the sources."), new UserMessage("What is alpha?")));
	}

	static Question question() {
		Chunk chunk = new Chunk("d:0", "kb", "d", "alphabet.pdf", 1, 1, "", 0,
				"Alpha is the first letter of the NATO alphabet. Bravo is the second.", Map.of());
		return new Question("What is alpha?", "What is alpha?", List.of(), List.of(new ScoredChunk(chunk, 1)), null,
				null, null);
	}

	@Test
	void writesAModelOfAFewHundredKilobytes() throws IOException {
		assertThat(Files.size(babbling)).isBetween(50_000L, 1_000_000L);
		assertThat(Files.readString(babbling, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("GGUF");
	}

	@Test
	void streamsTheAnswerTokenByTokenUpToTheTokenLimit() {
		List<ChatResponse> pieces = model.stream(prompt()).collectList().block(Duration.ofSeconds(30));
		assertThat(pieces).isNotNull();
		// the model cannot end the text (its end-of-text logit is far below the others):
		// it stops at the limit, each token a piece of its own
		assertThat(pieces).hasSize(MAX_TOKENS);
		assertThat(pieces)
			.allSatisfy((piece) -> assertThat(piece.getResult().getOutput().getText()).isNotEmpty().matches(" [a-z]+"));
	}

	@Test
	void answersAWholeCallWithTheSameTokens() {
		String text = model.call(prompt()).getResult().getOutput().getText();
		assertThat(text.strip().split(" ")).hasSize(MAX_TOKENS);
	}

	@Test
	void answersThroughTheGeneratorInSeveralPieces() {
		ChatModelGenerator generator = new ChatModelGenerator(model, model.name(), Duration.ofSeconds(30), false);
		List<String> tokens = new ArrayList<>();
		AnswerGenerator.Generated answer = generator.generate(question(), tokens::add);
		assertThat(tokens).hasSize(MAX_TOKENS);
		assertThat(answer.text()).isEqualTo(String.join("", tokens).strip());
		// no [n] marker in babble: not grounded
		assertThat(answer.grounded()).isFalse();
		assertThat(generator.readsMedia()).isFalse();
	}

	@Test
	void stopsAtTheEndOfText() {
		try (LlamaCppChatModel endsAtOnce = load(ending, Duration.ofSeconds(30))) {
			List<ChatResponse> pieces = endsAtOnce.stream(prompt()).collectList().block(Duration.ofSeconds(30));
			assertThat(pieces).isEmpty();
			ChatModelGenerator generator = new ChatModelGenerator(endsAtOnce, endsAtOnce.name(), Duration.ofSeconds(30),
					false);
			assertThat(generator.generate(question(), (token) -> {
			}).text()).isEqualTo(AnswerGenerator.NOT_FOUND);
		}
	}

	@Test
	void aModelSilentForLongerThanTheTimeoutIsUnavailableAndFreeAfterwards() throws InterruptedException {
		ChatModelGenerator generator = new ChatModelGenerator(model, model.name(), Duration.ofMillis(300), false);
		// another answer holds the model: this one hears nothing before its timeout
		LlamaCppSlot.of(model).acquire();
		List<String> tokens = new ArrayList<>();
		RuntimeException failure;
		try {
			failure = catchRuntimeException(() -> generator.generate(question(), tokens::add));
		}
		finally {
			LlamaCppSlot.of(model).release();
		}
		assertThat(failure).isInstanceOf(UnavailableException.class).hasMessageContaining("did not answer in time");
		assertThat(tokens).isEmpty();
		// the answer given up on did not keep the model (asked with a timeout a loaded
		// machine cannot miss: the 300 ms above is for the wait, not for a first token)
		ChatModelGenerator patient = new ChatModelGenerator(model, model.name(), Duration.ofSeconds(30), false);
		assertThat(patient.generate(question(), tokens::add).text()).isNotBlank();
	}

	@Test
	void refusesAPromptLongerThanTheContextInsteadOfCuttingIt() {
		try (LlamaCppChatModel small = new LlamaCppChatModel(
				new LlamaCppProperties(babbling.toString(), 256, MAX_TOKENS, 1, Duration.ofSeconds(30)))) {
			// the short prompt fits, the generator's with its numbered sources does not
			assertThat(small.stream(prompt()).collectList().block(Duration.ofSeconds(30))).hasSize(MAX_TOKENS);
			ChatModelGenerator generator = new ChatModelGenerator(small, small.name(), Duration.ofSeconds(30), false);
			List<String> tokens = new ArrayList<>();
			assertThat(catchRuntimeException(() -> generator.generate(question(), tokens::add)))
				.isInstanceOf(BadUpstreamException.class)
				.hasMessageContaining("failed to answer");
			assertThat(tokens).isEmpty();
		}
	}

	@Test
	void refusesImagesAndAudio() {
		UserMessage withImage = UserMessage.builder()
			.text("What is in the picture?")
			.media(new org.springframework.ai.content.Media(org.springframework.util.MimeTypeUtils.IMAGE_PNG,
					new org.springframework.core.io.ByteArrayResource(new byte[] { 1, 2, 3 })))
			.build();
		assertThat(catchRuntimeException(() -> model.stream(new Prompt(withImage)).blockLast()))
			.hasMessageContaining("text only");
	}

	@Test
	void refusesToStartWithoutAReadableModelFileNamingTheVariable() throws IOException {
		assertThatIllegalStateException().isThrownBy(() -> load(null))
			.withMessageContaining("RAGCHAT_CHAT_LLAMA_MODEL_PATH");
		assertThatIllegalStateException().isThrownBy(() -> load(" "))
			.withMessageContaining("RAGCHAT_CHAT_LLAMA_MODEL_PATH");
		assertThatIllegalStateException().isThrownBy(() -> load(directory.resolve("missing.gguf").toString()))
			.withMessageContaining("RAGCHAT_CHAT_LLAMA_MODEL_PATH")
			.withMessageContaining("not a readable file");
		assertThatIllegalStateException().isThrownBy(() -> load(directory.toString()))
			.withMessageContaining("not a readable file");
		Path notAModel = Files.writeString(directory.resolve("not-a-model.gguf"), "no weights here");
		assertThatIllegalStateException().isThrownBy(() -> load(notAModel.toString()))
			.withMessageContaining("RAGCHAT_CHAT_LLAMA_MODEL_PATH")
			.withMessageContaining("could not load");
	}

	private static LlamaCppChatModel load(String path) {
		return new AnswerConfiguration.LlamaCpp()
			.llamaCppChatModel(new LlamaCppProperties(path, 128, 8, 1, Duration.ofSeconds(1)));
	}

	@Test
	void theSwitchLoadsTheModelAtStartUpOrFailsNamingTheVariable() {
		ApplicationContextRunner context = new ApplicationContextRunner()
			.withUserConfiguration(AnswerConfiguration.class)
			.withBean(EmbeddingModel.class, () -> EMBEDDINGS)
			.withBean(QueryEmbedder.class, () -> QUERY)
			.withBean(AnswerSettings.class, () -> new AnswerSettings(0.5, 3, 0.1, 0.1, 100, true))
			.withPropertyValues("ragchat.chat.generator=llama-cpp");
		context.run((started) -> assertThat(started).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("RAGCHAT_CHAT_LLAMA_MODEL_PATH"));
		context
			.withPropertyValues("ragchat.chat.llama.model-path=" + babbling, "ragchat.chat.llama.context-size=2048",
					"ragchat.chat.llama.max-tokens=4", "ragchat.chat.llama.threads=1")
			.run((started) -> {
				assertThat(started).hasNotFailed().hasSingleBean(LlamaCppChatModel.class);
				AnswerGenerator generator = started.getBean(AnswerGenerator.class);
				List<String> tokens = new ArrayList<>();
				generator.generate(question(), tokens::add);
				assertThat(tokens).hasSize(4);
				assertThat(generator.readsMedia()).isFalse();
			});
	}

}
