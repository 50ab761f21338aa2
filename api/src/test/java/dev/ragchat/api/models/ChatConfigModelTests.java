package dev.ragchat.api.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ragchat.answer.generate.ChosenModels;
import dev.ragchat.api.Calls;
import dev.ragchat.api.RagChatProperties;
import dev.ragchat.api.chatconfig.ChatConfigStore;
import dev.ragchat.ingestion.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A chat config's own model, over HTTP, against two stub model servers: the service
 * answers with one (Ollama), a chat config with the other (an OpenAI-compatible server
 * that wants an API key). Only the master key gives a chat config a model; the choice is
 * checked with one test call, kept with its key sealed, restored after a restart, and
 * cleared back to the service's.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ChatConfigModelTests {

	static final ObjectMapper json = new ObjectMapper();

	static final String ANSWER = "Kestrel Point's lighthouse has run without keepers since 1987 [1].";

	static final String QUESTION = "When was the lighthouse on Kestrel Point automated?";

	static final String API_KEY = "sk-persona-test-4b8d2f6a0c";

	@RegisterExtension
	static WireMockExtension service = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static WireMockExtension ownServer = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	@Autowired
	MockMvc mvc;

	@Autowired
	Models models;

	@Autowired
	ChatConfigModels chatConfigs;

	@Autowired
	ModelChoiceStore store;

	@Autowired
	ChatConfigStore configs;

	@Autowired
	JdbcClient catalog;

	@Autowired
	ChosenModels chosenModels;

	@Autowired
	RagChatProperties ragchat;

	@Value("${ragchat.master-key}")
	String masterKey;

	@TempDir
	Path dir;

	static String kb;

	static String key;

	@BeforeEach
	void harbourDocumentsAndTheServicesModel() throws Exception {
		if (kb == null) {
			kb = Calls.createKnowledgeBase(this.mvc, this.masterKey, "personas-generator");
			key = Calls.chatAndUploadKey(this.mvc, this.masterKey, kb);
			Path pdf = TestFiles.factsPdf(this.dir.resolve("harbour.pdf"));
			Calls.uploadAndAwait(this.mvc, key, kb, "harbour.pdf", Files.readAllBytes(pdf));
		}
		ModelStubs.ollamaAnswers(service, "OK");
		this.mvc
			.perform(master(put("/api/v1/admin/models"))
				.content("{\"kind\":\"ollama\",\"baseUrl\":\"" + service.baseUrl() + "\",\"model\":\"llama3.2:3b\"}"))
			.andExpect(status().isOk());
		ModelStubs.ollamaAnswers(service, ANSWER);
		service.resetRequests();
		// the chat config's server answers only with its key
		ownServer.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/v1/chat/completions"))
			.withHeader("Authorization", equalTo("Bearer " + API_KEY))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(ModelStubs
					.openAiEvents(List.of("Kestrel Point's lighthouse ", "has run without keepers since 1987 [1].")))));
	}

	@AfterEach
	void backToTheServicesModel() {
		this.chatConfigs.choices().forEach((choice) -> this.chatConfigs.useService(choice.configId()));
		this.models.useConfigured();
	}

	@Test
	void aChatConfigsSessionsAreAnsweredByItsOwnModelOtherSessionsByTheServices() throws Exception {
		String configId = chatConfig("Harbour guide");
		String chosen = choose(configId,
				"{\"kind\":\"openai-compatible\",\"baseUrl\":\"" + ownServer.baseUrl()
						+ "/v1\",\"model\":\"local-model\",\"apiKey\":\"" + API_KEY + "\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reply").value("Kestrel Point's lighthouse has run without keepers since 1987 [1]."))
			.andExpect(jsonPath("$.choice.configId").value(configId))
			.andExpect(jsonPath("$.choice.title").value("Harbour guide"))
			.andExpect(jsonPath("$.choice.kind").value("openai-compatible"))
			.andExpect(jsonPath("$.choice.apiKeySet").value(true))
			.andExpect(jsonPath("$.choice.current.kind").value("openai-compatible"))
			.andExpect(jsonPath("$.choice.current.chosenIn").value("persona"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(chosen).doesNotContain(API_KEY);
		assertThat(ownServer.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).hasSize(1);
		assertThat(service.findAll(postRequestedFor(urlPathEqualTo("/api/chat")))).isEmpty();

		// which model answers, for the chat config and for the rest
		this.mvc.perform(get("/api/v1/generator").param("configId", configId).secure(true).header("X-API-Key", key))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("openai-compatible"))
			.andExpect(jsonPath("$.model").value("local-model"))
			.andExpect(jsonPath("$.chosenIn").value("persona"));
		this.mvc.perform(get("/api/v1/generator").secure(true).header("X-API-Key", key))
			.andExpect(jsonPath("$.kind").value("ollama"))
			.andExpect(jsonPath("$.chosenIn").value("console"));
		// the persona dialog suggests its own server's models
		ModelStubs.openAiModels(ownServer, "local-model", "other-model");
		this.mvc
			.perform(get("/api/v1/generator/models").param("configId", configId).secure(true).header("X-API-Key", key))
			.andExpect(jsonPath("$.models[1]").value("other-model"));
		this.mvc.perform(master(get("/api/v1/admin/models/personas")))
			.andExpect(jsonPath("$.personas[0].configId").value(configId))
			.andExpect(jsonPath("$.personas[0].model").value("local-model"))
			.andExpect(content().string(not(containsString(API_KEY))));

		// a question in the chat config's session reaches the chat config's server, with
		// its key
		ownServer.resetRequests();
		ask(session(configId), QUESTION).andExpect(status().isOk())
			.andExpect(jsonPath("$.answer").value(ANSWER))
			.andExpect(jsonPath("$.grounded").value(true))
			.andExpect(jsonPath("$.citations[0].page").value(3));
		assertThat(ownServer.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).singleElement()
			.satisfies((request) -> assertThat(request.getBodyAsString()).contains("automated in 1987"));
		assertThat(service.findAll(postRequestedFor(urlPathEqualTo("/api/chat")))).isEmpty();

		// a plain session's reaches the service's
		ownServer.resetRequests();
		ask(session(null), QUESTION).andExpect(status().isOk()).andExpect(jsonPath("$.answer").value(ANSWER));
		assertThat(service.findAll(postRequestedFor(urlPathEqualTo("/api/chat")))).hasSize(1);
		assertThat(ownServer.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).isEmpty();

		// at rest: the key sealed under the chat config's row
		String sealed = this.catalog.sql("select api_key_sealed from model_choice where id = ?")
			.param(configId)
			.query(String.class)
			.single();
		assertThat(sealed).startsWith("v2:").doesNotContain(API_KEY);
		assertThat(new String(java.util.Base64.getDecoder().decode(sealed.substring(3)))).doesNotContain(API_KEY);

		// cleared: the service's model answers the chat config's sessions again
		this.mvc.perform(master(delete("/api/v1/admin/models/personas/" + configId)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").doesNotExist())
			.andExpect(jsonPath("$.current.kind").value("ollama"));
		assertThat(this.store.find(configId)).isEmpty();
		service.resetRequests();
		ownServer.resetRequests();
		ask(session(configId), QUESTION).andExpect(status().isOk()).andExpect(jsonPath("$.answer").value(ANSWER));
		assertThat(service.findAll(postRequestedFor(urlPathEqualTo("/api/chat")))).hasSize(1);
		assertThat(ownServer.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).isEmpty();
		this.mvc.perform(get("/api/v1/generator").param("configId", configId).secure(true).header("X-API-Key", key))
			.andExpect(jsonPath("$.kind").value("ollama"));
	}

	@Test
	void aChatConfigsSourcesAreJudgedAsItsOwnModelNeeds() throws Exception {
		// the service's model writes; the chat config quotes: its questions are judged by
		// the
		// extract's rules and never reach a model
		String configId = chatConfig("Quotes only");
		choose(configId, "{\"kind\":\"extractive\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.choice.current.writes").value(false));
		ask(session(configId), QUESTION).andExpect(status().isOk())
			.andExpect(jsonPath("$.answer").value(startsWith("Extract from the documents: ")));
		ask(session(configId), "When did Adobe automate the lighthouse on Kestrel Point?").andExpect(status().isOk())
			.andExpect(jsonPath("$.grounded").value(false));
		assertThat(service.findAll(postRequestedFor(urlPathEqualTo("/api/chat")))).isEmpty();
		this.mvc.perform(get("/api/v1/generator").param("configId", configId).secure(true).header("X-API-Key", key))
			.andExpect(jsonPath("$.kind").value("extractive"))
			.andExpect(jsonPath("$.writes").value(false));
	}

	@Test
	void onlyTheMasterKeyGivesAChatConfigAModel() throws Exception {
		String configId = chatConfig("Mine");
		String body = "{\"kind\":\"openai-compatible\",\"baseUrl\":\"" + ownServer.baseUrl()
				+ "/v1\",\"model\":\"local-model\",\"apiKey\":\"" + API_KEY + "\"}";
		String admin = Calls.issueKey(this.mvc, this.masterKey, "{\"scopes\":[\"admin\",\"chat\",\"upload\"]}")
			.get("key")
			.asText();
		for (String notMaster : List.of(key, admin)) {
			this.mvc
				.perform(put("/api/v1/admin/models/personas/" + configId).secure(true)
					.header("X-API-Key", notMaster)
					.contentType(MediaType.APPLICATION_JSON)
					.content(body))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(
						delete("/api/v1/admin/models/personas/" + configId).secure(true).header("X-API-Key", notMaster))
				.andExpect(status().isForbidden());
			this.mvc.perform(get("/api/v1/admin/models/personas").secure(true).header("X-API-Key", notMaster))
				.andExpect(status().isForbidden());
		}
		assertThat(ownServer.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).isEmpty();
		assertThat(this.store.find(configId)).isEmpty();
		// what answers a chat config is told only to a key that may use its knowledge
		// base
		String elsewhere = Calls.chatAndUploadKey(this.mvc, this.masterKey,
				Calls.createKnowledgeBase(this.mvc, this.masterKey, "elsewhere"));
		for (String path : List.of("/api/v1/generator", "/api/v1/generator/models")) {
			this.mvc.perform(get(path).param("configId", configId).secure(true).header("X-API-Key", key))
				.andExpect(status().isOk());
			this.mvc.perform(get(path).param("configId", configId).secure(true).header("X-API-Key", elsewhere))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
		// a chat config that does not exist is not found
		choose("cfg_missing", "{\"kind\":\"extractive\"}").andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(this.store.find("cfg_missing")).isEmpty();
	}

	@Test
	void aFailingTestCallKeepsNothingForTheChatConfig() throws Exception {
		String configId = chatConfig("Wrong key");
		choose(configId,
				"{\"kind\":\"openai-compatible\",\"baseUrl\":\"" + ownServer.baseUrl()
						+ "/v1\",\"model\":\"local-model\",\"apiKey\":\"sk-wrong\"}")
			.andExpect(status().isBadGateway())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("nothing was kept")))
			.andExpect(jsonPath("$.detail").value(not(containsString("sk-wrong"))));
		choose(configId, "{\"kind\":\"ollama\",\"baseUrl\":\"file:///etc/passwd\",\"model\":\"m\"}")
			.andExpect(status().isBadRequest());
		assertThat(this.store.find(configId)).isEmpty();
		this.mvc.perform(get("/api/v1/generator").param("configId", configId).secure(true).header("X-API-Key", key))
			.andExpect(jsonPath("$.kind").value("ollama"))
			.andExpect(jsonPath("$.chosenIn").value("console"));
		ask(session(configId), QUESTION).andExpect(status().isOk()).andExpect(jsonPath("$.answer").value(ANSWER));
		assertThat(service.findAll(postRequestedFor(urlPathEqualTo("/api/chat")))).hasSize(1);
	}

	@Test
	void aChatConfigsModelSurvivesARestartAndOneOfAChatConfigGoneIsIgnored() throws Exception {
		String configId = chatConfig("Restarted");
		choose(configId, "{\"kind\":\"openai-compatible\",\"baseUrl\":\"" + ownServer.baseUrl()
				+ "/v1\",\"model\":\"local-model\",\"apiKey\":\"" + API_KEY + "\"}")
			.andExpect(status().isOk());
		this.store.save("cfg_gone", new ModelChoice("ollama", "http://127.0.0.1:9", "gone", null, null, Instant.now()));
		try {
			ModelRegistry restarted = new ModelRegistry(this.chosenModels.extractive());
			ModelServers servers = new ModelServers(
					new ModelsProperties(List.of(), List.of(), Duration.ofSeconds(1), Duration.ofSeconds(1)));
			ChoiceCheck check = new ChoiceCheck(restarted, this.chosenModels, this.store,
					new SecretBox(this.ragchat.dataDir()), servers, Clock.systemUTC());
			ChatConfigModels again = new ChatConfigModels(restarted, check, this.store, this.configs,
					new Models(restarted, check, this.store, servers));
			again.restore();
			assertThat(again.current(configId))
				.isEqualTo(new Models.Generator("openai-compatible", "local-model", true, true, "persona"));
			assertThat(restarted.hasOwn("cfg_gone")).isFalse();
			assertThat(again.choices()).extracting(ChatConfigModels.PersonaChoice::configId).containsExactly(configId);
			ownServer.resetRequests();
			assertThat(this.chosenModels.check(restarted.current(configId), "the restarted chat config's server"))
				.startsWith("Kestrel Point");
			assertThat(ownServer.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).singleElement()
				.satisfies((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + API_KEY));
			restarted.close();
		}
		finally {
			this.store.clear("cfg_gone");
		}
	}

	private String chatConfig(String title) throws Exception {
		return json.readTree(this.mvc
			.perform(post("/api/v1/chat-configs").secure(true)
				.header("X-API-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"" + title + "\",\"knowledgeBase\":\"" + kb + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()).get("id").asText();
	}

	private ResultActions choose(String configId, String body) throws Exception {
		return this.mvc.perform(master(put("/api/v1/admin/models/personas/" + configId)).content(body));
	}

	private MockHttpServletRequestBuilder master(MockHttpServletRequestBuilder request) {
		return ModelCalls.master(this.masterKey, request);
	}

	private String[] session(String configId) throws Exception {
		return ModelCalls.session(this.mvc, key, kb, configId);
	}

	private ResultActions ask(String[] session, String message) throws Exception {
		return ModelCalls.ask(this.mvc, session, message);
	}

}
