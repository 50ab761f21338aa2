package dev.ragchat.api.chat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.ragchat.api.ModuleBeans;
import dev.ragchat.api.access.ApiKeys;
import dev.ragchat.api.access.Caller;
import dev.ragchat.ingestion.DocumentStatus;
import dev.ragchat.ingestion.Documents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Conversations as an application module (Spring Modulith's
 * {@code @ApplicationModuleTest}): {@code api.chat} with the modules it uses (the answer
 * engine, keys, the audit trail, the catalog) and the blob store and index the ingestion
 * front needs, real and nothing mocked; none of the other features (knowledge-base
 * endpoints, the OpenAI-compatible API, MCP, sync sources, evaluations). A key starts a
 * session through the module's published API and asks in it: the question and its
 * grounded answer with its citation are the session's stored turn.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES,
		extraIncludes = { "api.web", "ingestion.blobs", "ingestion.catalog", "ingestion.jobs", "ingestion.migration",
				"ingestion.reading", "retrieval.atlas", "retrieval.config", "retrieval.embedding", "retrieval.lucene",
				"retrieval.query", "retrieval.rerank", "retrieval.text" },
		// ModularityTests verifies the modules once for the whole build
		verifyAutomatically = false)
class ChatModuleTests {

	static final String KB = "default";

	static final String QUESTION = "When was the lighthouse on Kestrel Point automated?";

	final ChatSessions sessions;

	final Conversations conversations;

	final ApiKeys keys;

	final Documents documents;

	final ApplicationContext context;

	@TempDir
	Path dir;

	ChatModuleTests(ChatSessions sessions, Conversations conversations, ApiKeys keys, Documents documents,
			ApplicationContext context) {
		this.sessions = sessions;
		this.conversations = conversations;
		this.keys = keys;
		this.documents = documents;
		this.context = context;
	}

	@Test
	void aSessionAsksAndKeepsTheQuestionAndItsCitedAnswerAsItsTurn() throws Exception {
		Path file = Files.writeString(this.dir.resolve("harbour.txt"),
				"The lighthouse on Kestrel Point was automated in 1987.\n\n"
						+ "Mooring fees at Kestrel harbour rose to 40 euros a night in 2021.\n");
		String document = this.documents.submit(KB, List.of(new Documents.Upload("harbour.txt", file)), null, null)
			.get(0)
			.document()
			.id();
		await().atMost(Duration.ofMinutes(2)).until(() -> this.documents.get(KB, document).status().isFinal());
		assertThat(this.documents.get(KB, document).status()).isEqualTo(DocumentStatus.READY);
		Caller key = Caller
			.apiKey(this.keys.issue(new ApiKeys.KeyRequest("chat", null, List.of("chat"), List.of(KB))).record());
		String session = this.sessions.start(key, new SessionStart(KB, null, null)).session().id();
		// as the session's token presents the key
		Caller asker = key.inSession(session);

		List<String> tokens = new ArrayList<>();
		Conversations.Asked asked = this.conversations.ask(Conversations.Question.of(asker, session, QUESTION),
				tokens::add);

		assertThat(asked.message().grounded()).as(asked.message().content()).isTrue();
		assertThat(asked.message().content()).isEqualTo(String.join("", tokens));
		List<ChatMessage> turn = this.conversations.history(asker, session, 0, 10);
		assertThat(turn).extracting(ChatMessage::role).containsExactly(ChatMessage.USER, ChatMessage.ASSISTANT);
		assertThat(turn.get(0).content()).isEqualTo(QUESTION);
		assertThat(turn.get(1).id()).isEqualTo(asked.message().id());
		assertThat(turn.get(1).content()).isEqualTo(asked.message().content()).contains("[1]");
		assertThat(turn.get(1).citations()).first().satisfies((citation) -> {
			assertThat(citation.documentId()).isEqualTo(document);
			assertThat(citation.quote()).contains("automated in 1987");
		});
		assertThat(this.conversations.count(session)).isEqualTo(2);
	}

	@Test
	void startsWithoutTheFeaturesItDoesNotUse() {
		assertThat(ModuleBeans.packages(this.context)).noneMatch((pkg) -> pkg.startsWith("dev.ragchat.api.knowledge")
				|| pkg.startsWith("dev.ragchat.api.openai") || pkg.startsWith("dev.ragchat.api.mcp")
				|| pkg.startsWith("dev.ragchat.api.evaluation") || pkg.startsWith("dev.ragchat.sources"));
	}

}
