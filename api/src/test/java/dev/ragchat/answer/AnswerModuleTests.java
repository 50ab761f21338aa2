package dev.ragchat.answer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.ragchat.answer.generate.AnswerSettings;
import dev.ragchat.api.ModuleBeans;
import dev.ragchat.api.ModuleTestWithFronts;
import dev.ragchat.api.chat.ChatProperties;
import dev.ragchat.api.chat.Conversations;
import dev.ragchat.ingestion.DocumentStatus;
import dev.ragchat.ingestion.Documents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The answer engine as an application module (Spring Modulith's
 * {@code @ApplicationModuleTest}): the {@code answer} module with the modules it uses,
 * and the catalog, blob store and index the ingestion front needs, real and nothing
 * mocked; none of api's features, so the engine's settings, which {@code api.chat} gives
 * it, are bound here ({@link ChatSettings}). A document goes in through the ingestion
 * front, and the engine, asked through its published API, answers from it with a citation
 * of its sentence.
 */
@ModuleTestWithFronts
class AnswerModuleTests {

	static final String KB = "default";

	final AnswerEngine engine;

	final Documents documents;

	final ApplicationContext context;

	@TempDir
	Path dir;

	AnswerModuleTests(AnswerEngine engine, Documents documents, ApplicationContext context) {
		this.engine = engine;
		this.documents = documents;
		this.context = context;
	}

	@Test
	void answersAQuestionFromAnIndexedDocumentWithACitationOfItsSentence() throws Exception {
		Path file = Files.writeString(this.dir.resolve("harbour.txt"),
				"The lighthouse on Kestrel Point was automated in 1987.\n\n"
						+ "Mooring fees at Kestrel harbour rose to 40 euros a night in 2021.\n");
		String id = this.documents.submit(KB, List.of(new Documents.Upload("harbour.txt", file)), null, null)
			.get(0)
			.document()
			.id();
		await().atMost(Duration.ofMinutes(2)).until(() -> this.documents.get(KB, id).status().isFinal());
		assertThat(this.documents.get(KB, id).status()).isEqualTo(DocumentStatus.READY);

		List<String> tokens = new ArrayList<>();
		Answer answer = this.engine.answer(new AnswerRequest(KB, "When was the lighthouse on Kestrel Point automated?",
				List.of(), List.of(), null, new AnswerRequest.Settings(3, null, null, null), null), tokens::add);

		assertThat(answer.grounded()).as(answer.text()).isTrue();
		assertThat(answer.text()).contains("[1]").isEqualTo(String.join("", tokens));
		assertThat(answer.citations()).first().satisfies((citation) -> {
			assertThat(citation.documentId()).isEqualTo(id);
			assertThat(citation.filename()).isEqualTo("harbour.txt");
			assertThat(citation.quote()).contains("automated in 1987");
		});
	}

	@Test
	void startsWithoutAnyOfApisFeatures() {
		assertThat(this.context.getBeanNamesForType(Conversations.class)).isEmpty();
		// the HTTP edge only, none of api's features
		assertThat(ModuleBeans.packages(this.context)).filteredOn((pkg) -> pkg.startsWith("dev.ragchat.api."))
			.isNotEmpty()
			.allMatch((pkg) -> pkg.equals("dev.ragchat.api.web"));
	}

	/**
	 * The engine's settings, which {@code api.chat} hands it from the chat settings
	 * ({@code ragchat.chat.*}, {@code SessionConfiguration}): bound here as the service
	 * binds them, without the rest of {@code api.chat}.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class ChatSettings {

		@Bean
		AnswerSettings answerSettings(Environment environment) {
			ChatProperties chat = chat(environment);
			return new AnswerSettings(chat.minSimilarity(), chat.maxSentences(), chat.overlapWeight(),
					chat.rankWeight(), chat.sentenceCache(), chat.quoteFirstSource());
		}

		@Bean
		EngineSettings engineSettings(Environment environment) {
			ChatProperties chat = chat(environment);
			return new EngineSettings(chat.questionTerms(), chat.names(), chat.pageContext(), chat.minSimilarity());
		}

		private static ChatProperties chat(Environment environment) {
			return Binder.get(environment).bindOrCreate("ragchat.chat", ChatProperties.class);
		}

	}

}
