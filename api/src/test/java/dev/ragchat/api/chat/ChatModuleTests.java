package dev.ragchat.api.chat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.api.Calls;
import dev.ragchat.api.ModuleBeans;
import dev.ragchat.api.ModuleTestWithFronts;
import dev.ragchat.api.access.ApiKeys;
import dev.ragchat.api.access.Caller;
import dev.ragchat.ingestion.DocumentStatus;
import dev.ragchat.ingestion.Documents;
import dev.ragchat.ingestion.KnowledgeBases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Conversations as an application module (Spring Modulith's
 * {@code @ApplicationModuleTest}): {@code api.chat} with the modules it uses (the answer
 * engine, keys, the audit trail, the catalog) and the blob store and index the ingestion
 * front needs, real and nothing mocked; none of the other features (knowledge-base
 * endpoints, the OpenAI-compatible API, MCP, sync sources, evaluations). A key starts a
 * session through the module's published API and asks in it: the question and its
 * grounded answer with its citation are the session's stored turn. Over HTTP (MockMvc,
 * with the security filters), a shared chat configuration starts sessions, is changed
 * only by its creator and hidden from keys outside its knowledge base.
 */
@ModuleTestWithFronts
@AutoConfigureMockMvc
class ChatModuleTests {

	static final ObjectMapper json = new ObjectMapper();

	static final String KB = "default";

	static final String QUESTION = "When was the lighthouse on Kestrel Point automated?";

	final ChatSessions sessions;

	final Conversations conversations;

	final ApiKeys keys;

	final Documents documents;

	final KnowledgeBases knowledgeBases;

	final ApplicationContext context;

	final MockMvc mvc;

	final String masterKey;

	@TempDir
	Path dir;

	ChatModuleTests(ChatSessions sessions, Conversations conversations, ApiKeys keys, Documents documents,
			KnowledgeBases knowledgeBases, ApplicationContext context, MockMvc mvc,
			@Value("${ragchat.master-key}") String masterKey) {
		this.sessions = sessions;
		this.conversations = conversations;
		this.keys = keys;
		this.documents = documents;
		this.knowledgeBases = knowledgeBases;
		this.context = context;
		this.mvc = mvc;
		this.masterKey = masterKey;
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
	void sessionsStartFromASharedConfigurationAndMayOverrideIt() throws Exception {
		String owner = issueKey("{}");
		String other = issueKey("{}");
		JsonNode config = json.readTree(this.mvc
			.perform(post("/api/v1/chat-configs").secure(true)
				.header("X-API-Key", owner)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"Harbour helper\",\"knowledgeBase\":\"default\","
						+ "\"systemPrompt\":\"Answer briefly.\",\"temperature\":0.2,\"topK\":4}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
		String id = config.get("id").asText();
		this.mvc.perform(get("/api/v1/chat-configs/" + id).secure(true).header("X-API-Key", other))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Harbour helper"));
		JsonNode started = json.readTree(this.mvc
			.perform(post("/api/v1/sessions").secure(true)
				.header("X-API-Key", other)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"configId\":\"" + id + "\",\"topK\":7}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
		this.mvc
			.perform(get("/api/v1/sessions/" + started.get("sessionId").asText()).secure(true)
				.header("Authorization", "Bearer " + started.get("token").asText()))
			.andExpect(jsonPath("$.knowledgeBase").value("default"))
			.andExpect(jsonPath("$.systemPrompt").value("Answer briefly."))
			.andExpect(jsonPath("$.temperature").value(0.2))
			.andExpect(jsonPath("$.topK").value(7))
			.andExpect(jsonPath("$.configId").value(id));
	}

	@Test
	void onlyItsCreatorChangesAConfiguration() throws Exception {
		String owner = issueKey("{}");
		String other = issueKey("{}");
		String id = createConfig(owner, "{\"title\":\"T\",\"knowledgeBase\":\"default\"}");
		this.mvc
			.perform(put("/api/v1/chat-configs/" + id).secure(true)
				.header("X-API-Key", other)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"Hijacked\",\"knowledgeBase\":\"default\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put("/api/v1/chat-configs/" + id).secure(true)
				.header("X-API-Key", owner)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"Renamed\",\"knowledgeBase\":\"default\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Renamed"));
	}

	@Test
	void hidesConfigurationsOfKnowledgeBasesOutsideTheKey() throws Exception {
		String owner = issueKey("{}");
		String elsewhere = this.knowledgeBases.create("elsewhere", null).id();
		String narrow = issueKey("{\"knowledgeBases\":[\"" + elsewhere + "\"]}");
		String id = createConfig(owner, "{\"title\":\"T\",\"knowledgeBase\":\"default\"}");
		this.mvc.perform(get("/api/v1/chat-configs/" + id).secure(true).header("X-API-Key", narrow))
			.andExpect(status().isNotFound());
	}

	@Test
	void startsWithoutTheFeaturesItDoesNotUse() {
		assertThat(ModuleBeans.packages(this.context)).noneMatch((pkg) -> pkg.startsWith("dev.ragchat.api.knowledge")
				|| pkg.startsWith("dev.ragchat.api.openai") || pkg.startsWith("dev.ragchat.api.mcp")
				|| pkg.startsWith("dev.ragchat.api.evaluation") || pkg.startsWith("dev.ragchat.sources"));
	}

	private String issueKey(String body) throws Exception {
		return Calls.issueKey(this.mvc, this.masterKey, body).get("key").asText();
	}

	private String createConfig(String key, String body) throws Exception {
		return Calls.createChatConfig(this.mvc, key, body);
	}

}
