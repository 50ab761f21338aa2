package dev.ragchat.answer.generate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.ragchat.answer.generate.providers.LlamaCppChatModel;
import dev.ragchat.answer.generate.providers.LlamaCppProperties;
import dev.ragchat.answer.generate.providers.LlamaCppSlot;
import dev.ragchat.answer.generate.providers.OllamaProperties;
import dev.ragchat.answer.generate.providers.OpenAiCompatibleProperties;
import dev.ragchat.errors.RejectedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The models chosen while the service runs, built as the configured ones are: a GGUF file
 * is checked before llama.cpp loads it, loaded, tried with the test call, and freed by
 * its resource.
 */
class ChosenModelsTests {

	@TempDir
	Path dir;

	final ChosenModels chosenModels = new ChosenModels(null, null, null,
			new OllamaProperties(null, null, Duration.ofSeconds(5), 4096),
			new OpenAiCompatibleProperties(null, null, null, Duration.ofSeconds(5), null),
			new LlamaCppProperties(null, TinyGguf.CONTEXT, 4, 1, Duration.ofSeconds(30)));

	@Test
	void loadsAGgufFileTriesItAndFreesItWhenReplaced() throws Exception {
		Path file = TinyGguf.write(this.dir.resolve("tiny.gguf"), false);
		ChosenModel llama = this.chosenModels.llamaCpp(file.toString());
		assertThat(llama.kind()).isEqualTo(ChosenModel.LLAMA_CPP);
		assertThat(llama.model()).isEqualTo("tiny.gguf");
		assertThat(llama.writes()).isTrue();
		assertThat(llama.generator().readsMedia()).isFalse();
		// the babbling model writes its four tokens: the test call passes
		assertThat(this.chosenModels.check(llama, "tiny.gguf")).isNotBlank();

		assertThat(llama.generator().judgesSources()).isTrue();
		// freed by its resource (api.models closes it when another model replaces it):
		// closing takes the model's one slot for good
		LlamaCppChatModel model = (LlamaCppChatModel) llama.chatModel();
		llama.resource().close();
		org.awaitility.Awaitility.await().until(() -> LlamaCppSlot.of(model).availablePermits() == 0);
	}

	@Test
	void refusesWhatIsNotAReadableGgufFileBeforeLoadingIt() throws Exception {
		assertThatExceptionOfType(RejectedInputException.class)
			.isThrownBy(() -> this.chosenModels.llamaCpp(this.dir.resolve("absent.gguf").toString()))
			.withMessageContaining("there is no file");
		Path html = Files.writeString(this.dir.resolve("model.gguf"), "<!doctype html><title>Download</title>");
		assertThatExceptionOfType(RejectedInputException.class)
			.isThrownBy(() -> this.chosenModels.llamaCpp(html.toString()))
			.withMessageContaining("is not a GGUF file");
		assertThatExceptionOfType(RejectedInputException.class).isThrownBy(() -> this.chosenModels.llamaCpp(" "))
			.withMessageContaining("GGUF file's path");
		// the magic bytes, then nothing llama.cpp can load
		Path truncated = Files.write(this.dir.resolve("truncated.gguf"), "GGUF\u0003\u0000".getBytes());
		assertThatExceptionOfType(RejectedInputException.class)
			.isThrownBy(() -> this.chosenModels.llamaCpp(truncated.toString()))
			.withMessageContaining("could not load truncated.gguf");
	}

}
