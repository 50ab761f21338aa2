package dev.ragchat.api.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ragchat.api.Calls;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A model per conversation, over HTTP, against two stub model servers (Ollama and an
 * OpenAI-compatible server): the master key offers models, anyone picks one for a session
 * or a chat completion, and the question reaches that model's server with its name; a
 * model not offered is refused; only the master key offers or withdraws.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OfferedModelTests {

	static final ObjectMapper json = new ObjectMapper();

	static final String ANSWER = "Kestrel Point's lighthouse has run without keepers since 1987 [1].";

	static final String QUESTION = "When was the lighthouse on Kestrel Point automated?";

	@RegisterExtension
	static WireMockExtension ollama = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static WireMockExtension local = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Autowired
	MockMvc mvc;

	@Autowired
	OfferedModels models;

	@Autowired
	Models service;

	@Autowired
	ModelChoiceStore store;

	@Autowired
	JdbcClient catalog;

	@Value("${ragchat.master-key}")
	String masterKey;

	@TempDir
	Path dir;

	static String kb;

	static String key;

	@BeforeEach
	void harbourDocumentsAndTwoModelServers() throws Exception {
		if (kb == null) {
			kb = Calls.createKnowledgeBase(this.mvc, this.masterKey, "offered-models");
			key = Calls.chatAndUploadKey(this.mvc, this.masterKey, kb);
			Path pdf = TestFiles.factsPdf(this.dir.resolve("harbour.pdf"));
			Calls.uploadAndAwait(this.mvc, key, kb, "harbour.pdf", Files.readAllBytes(pdf));
		}
		ModelStubs.ollamaAnswers(ollama, ANSWER);
		local.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/v1/chat/completions"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(ModelStubs
					.openAiEvents(List.of("Kestrel Point's lighthouse ", "has run without keepers since 1987 [1].")))));
	}

	@AfterEach
	void nothingOfferedAndTheConfiguredModel() {
		this.models.offered().forEach((offered) -> this.models.withdraw(offered.name()));
		this.service.useConfigured();
	}

	@Test
	void aSessionThatPicksAnOfferedModelIsAnsweredByItAndTheStubSeesItsName() throws Exception {
		offer("{\"kind\":\"ollama\",\"baseUrl\":\"" + ollama.baseUrl() + "\",\"model\":\"llama3.2:3b\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.offered.name").value("llama3.2:3b"))
			.andExpect(jsonPath("$.offered.ready").value(true))
			.andExpect(jsonPath("$.reply").value(startsWith("Kestrel Point")));
		offer("{\"kind\":\"openai-compatible\",\"baseUrl\":\"" + local.baseUrl() + "/v1\",\"model\":\"local-model\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.offered.name").value("local-model"));
		// anyone signed in sees what they may pick (no server address)
		this.mvc.perform(get("/api/v1/generator/offered").secure(true).header("X-API-Key", key))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.models[0].name").value("llama3.2:3b"))
			.andExpect(jsonPath("$.models[0].kind").value("ollama"))
			.andExpect(jsonPath("$.models[1].name").value("local-model"))
			.andExpect(jsonPath("$.models[1].writes").value(true))
			.andExpect(content().string(not(containsString(local.baseUrl()))));
		ollama.resetRequests();
		local.resetRequests();

		// picked at the start: the OpenAI-compatible server answers, with its model's
		// name
		String[] session = session("{\"knowledgeBase\":\"" + kb + "\",\"model\":\"local-model\"}");
		this.mvc.perform(get("/api/v1/generator").param("model", "local-model").secure(true).header("X-API-Key", key))
			.andExpect(jsonPath("$.kind").value("openai-compatible"))
			.andExpect(jsonPath("$.model").value("local-model"))
			.andExpect(jsonPath("$.chosenIn").value("picked"));
		ask(session, QUESTION).andExpect(status().isOk())
			.andExpect(jsonPath("$.answer").value(ANSWER))
			.andExpect(jsonPath("$.grounded").value(true))
			.andExpect(jsonPath("$.citations[0].page").value(3));
		assertThat(local.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).singleElement()
			.satisfies((asked) -> assertThat(json.readTree(asked.getBodyAsString()).get("model").asText())
				.isEqualTo("local-model"));
		assertThat(ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat")))).isEmpty();

		// picked again in the open conversation: Ollama answers its next question
		this.mvc
			.perform(put("/api/v1/sessions/" + session[0]).secure(true)
				.header("Authorization", "Bearer " + session[1])
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"model\":\"llama3.2:3b\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.model").value("llama3.2:3b"));
		local.resetRequests();
		ask(session, QUESTION).andExpect(status().isOk()).andExpect(jsonPath("$.answer").value(ANSWER));
		assertThat(ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat")))).singleElement()
			.satisfies((asked) -> assertThat(json.readTree(asked.getBodyAsString()).get("model").asText())
				.isEqualTo("llama3.2:3b"));
		assertThat(local.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).isEmpty();

		// an empty model goes back to the service's generator (here the extract)
		this.mvc
			.perform(put("/api/v1/sessions/" + session[0]).secure(true)
				.header("Authorization", "Bearer " + session[1])
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"model\":\"\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.model").doesNotExist());
		ollama.resetRequests();
		ask(session, QUESTION).andExpect(status().isOk())
			.andExpect(jsonPath("$.answer").value(startsWith("Extract from the documents: ")));
		assertThat(ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat")))).isEmpty();

		// kept in the catalog: a restart offers them again
		assertThat(this.catalog.sql("select name from offered_model order by name").query(String.class).list())
			.containsExactly("llama3.2:3b", "local-model");
	}

	@Test
	void aModelNotOfferedIsRefusedWithAProblemOnceModelsAreOffered() throws Exception {
		offer("{\"kind\":\"openai-compatible\",\"baseUrl\":\"" + local.baseUrl() + "/v1\",\"model\":\"local-model\"}")
			.andExpect(status().isOk());
		this.mvc
			.perform(post("/api/v1/sessions").secure(true)
				.header("X-API-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"knowledgeBase\":\"" + kb + "\",\"model\":\"gpt-4o\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("'gpt-4o' is not a model people may use")))
			.andExpect(jsonPath("$.detail").value(containsString("local-model")));
		String[] session = session("{\"knowledgeBase\":\"" + kb + "\"}");
		this.mvc
			.perform(put("/api/v1/sessions/" + session[0]).secure(true)
				.header("Authorization", "Bearer " + session[1])
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"model\":\"gpt-4o\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		// under /v1: an OpenAI error naming the parameter
		this.mvc
			.perform(post("/v1/chat/completions").secure(true)
				.header("Authorization", "Bearer " + key)
				.contentType(MediaType.APPLICATION_JSON)
				.content(completion("kb:" + kb + "@gpt-4o")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.error.param").value("model"))
			.andExpect(jsonPath("$.error.code").value("model_not_found"))
			.andExpect(jsonPath("$.error.message").value(containsString("local-model")));
		assertThat(local.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).hasSize(1);

		// withdrawn: the session that picked it is answered by the service's generator
		// again, and the name is no longer one people may pick
		String[] picked = session("{\"knowledgeBase\":\"" + kb + "\",\"model\":\"local-model\"}");
		this.mvc.perform(master(delete("/api/v1/admin/models/offered").param("name", "local-model")))
			.andExpect(status().isNoContent());
		this.mvc.perform(master(delete("/api/v1/admin/models/offered").param("name", "local-model")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		local.resetRequests();
		ask(picked, QUESTION).andExpect(status().isOk())
			.andExpect(jsonPath("$.answer").value(startsWith("Extract from the documents: ")));
		assertThat(local.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).isEmpty();
		this.mvc.perform(get("/api/v1/generator/offered").secure(true).header("X-API-Key", key))
			.andExpect(jsonPath("$.models").isEmpty());
	}

	@Test
	void aPersonaMayNameOnlyAModelPeopleMayUseAndNoServerIsAskedForAnother() throws Exception {
		theServiceAnswersWithOllama();
		// made while nothing was offered: any name, for the service's model server
		String earlier = persona("Earlier guide", "gpt-4o");
		offer("{\"kind\":\"openai-compatible\",\"baseUrl\":\"" + local.baseUrl() + "/v1\",\"model\":\"local-model\"}")
			.andExpect(status().isOk());

		// created or changed to name a model not offered: a problem naming those offered
		this.mvc.perform(chatConfig(post("/api/v1/chat-configs"), "Harbour guide", "gpt-4o"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("'gpt-4o' is not a model people may use")))
			.andExpect(jsonPath("$.detail").value(containsString("local-model")));
		this.mvc.perform(chatConfig(put("/api/v1/chat-configs/" + earlier), "Earlier guide", "gpt-4o"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

		// the one made before: a session from it is refused, saying why
		this.mvc
			.perform(post("/api/v1/sessions").secure(true)
				.header("X-API-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"configId\":\"" + earlier + "\"}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("Persona 'Earlier guide'")))
			.andExpect(jsonPath("$.detail").value(containsString("names the model 'gpt-4o'")))
			.andExpect(jsonPath("$.detail").value(containsString("local-model")));
		// and a chat completion with it, as an OpenAI error
		this.mvc
			.perform(post("/v1/chat/completions").secure(true)
				.header("Authorization", "Bearer " + key)
				.contentType(MediaType.APPLICATION_JSON)
				.content(completion("config:" + earlier)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.error.message").value(containsString("'gpt-4o'")));
		// a session from it that picks a model offered is answered by that model
		local.resetRequests();
		ask(session("{\"configId\":\"" + earlier + "\",\"model\":\"local-model\"}"), QUESTION)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.answer").value(ANSWER));
		assertThat(local.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).singleElement()
			.satisfies((asked) -> assertThat(json.readTree(asked.getBodyAsString()).get("model").asText())
				.isEqualTo("local-model"));

		// a model offered, or the service's own, may be named
		persona("Local guide", "local-model");
		persona("Service guide", "llama3.2:3b");
		assertThat(modelsAsked(ollama, "/api/chat")).doesNotContain("gpt-4o");
	}

	@Test
	void aPersonaWhoseModelIsWithdrawnSaysSoAtTheNextAnswerAndNoServerIsAskedForIt() throws Exception {
		theServiceAnswersWithOllama();
		offer("{\"kind\":\"openai-compatible\",\"baseUrl\":\"" + local.baseUrl() + "/v1\",\"model\":\"local-model\"}")
			.andExpect(status().isOk());
		offer("{\"kind\":\"ollama\",\"baseUrl\":\"" + ollama.baseUrl() + "\",\"model\":\"llama3.2:3b\"}")
			.andExpect(status().isOk());
		String guide = persona("Local guide", "local-model");
		String[] session = session("{\"configId\":\"" + guide + "\"}");
		local.resetRequests();
		ask(session, QUESTION).andExpect(status().isOk()).andExpect(jsonPath("$.answer").value(ANSWER));
		assertThat(modelsAsked(local, "/v1/chat/completions")).containsExactly("local-model");

		this.mvc.perform(master(delete("/api/v1/admin/models/offered").param("name", "local-model")))
			.andExpect(status().isNoContent());
		local.resetRequests();
		ollama.resetRequests();
		// the open conversation's next question: a problem that says so, no model asked
		ask(session, QUESTION).andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("names the model 'local-model'")))
			.andExpect(jsonPath("$.detail").value(containsString("no longer")))
			.andExpect(jsonPath("$.detail").value(containsString("PUT /api/v1/chat-configs/" + guide)));
		this.mvc
			.perform(post("/api/v1/sessions").secure(true)
				.header("X-API-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"configId\":\"" + guide + "\"}"))
			.andExpect(status().isConflict());
		// back to the persona's model (an empty model) is the same refusal
		this.mvc
			.perform(put("/api/v1/sessions/" + session[0]).secure(true)
				.header("Authorization", "Bearer " + session[1])
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"model\":\"\"}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(local.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).isEmpty();
		assertThat(ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat")))).isEmpty();
		// the refused question is not kept
		this.mvc
			.perform(get("/api/v1/sessions/" + session[0] + "/messages").secure(true)
				.header("Authorization", "Bearer " + session[1]))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2));

		// a model still offered, picked in the conversation, answers it
		this.mvc
			.perform(put("/api/v1/sessions/" + session[0]).secure(true)
				.header("Authorization", "Bearer " + session[1])
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"model\":\"llama3.2:3b\"}"))
			.andExpect(status().isOk());
		ask(session, QUESTION).andExpect(status().isOk()).andExpect(jsonPath("$.answer").value(ANSWER));
		assertThat(modelsAsked(ollama, "/api/chat")).containsExactly("llama3.2:3b");
		assertThat(local.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).isEmpty();
	}

	@Test
	void aChatCompletionPicksAModelAfterTheKnowledgeBaseAndListsTheCombinations() throws Exception {
		offer("{\"kind\":\"openai-compatible\",\"baseUrl\":\"" + local.baseUrl() + "/v1\",\"model\":\"local-model\"}")
			.andExpect(status().isOk());
		this.mvc.perform(get("/v1/models").secure(true).header("Authorization", "Bearer " + key))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data[*].id", hasItem("kb:" + kb)))
			.andExpect(jsonPath("$.data[*].id", hasItem("kb:" + kb + "@local-model")));
		local.resetRequests();
		MvcResult started = this.mvc
			.perform(post("/v1/chat/completions").secure(true)
				.header("Authorization", "Bearer " + key)
				.contentType(MediaType.APPLICATION_JSON)
				.content(completion("kb:" + kb + "@local-model")))
			.andExpect(request().asyncStarted())
			.andReturn();
		this.mvc.perform(asyncDispatch(started)).andExpect(status().isOk());
		JsonNode completion = json.readTree(started.getResponse().getContentAsString());
		assertThat(completion.at("/choices/0/message/content").asText()).isEqualTo(ANSWER);
		assertThat(completion.get("model").asText()).isEqualTo("kb:" + kb + "@local-model");
		assertThat(local.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).singleElement()
			.satisfies((asked) -> assertThat(json.readTree(asked.getBodyAsString()).get("model").asText())
				.isEqualTo("local-model"));
		// rights unchanged: a model picked does not open another knowledge base
		String elsewhere = Calls.createKnowledgeBase(this.mvc, this.masterKey, "offered-elsewhere");
		this.mvc
			.perform(post("/v1/chat/completions").secure(true)
				.header("Authorization", "Bearer " + key)
				.contentType(MediaType.APPLICATION_JSON)
				.content(completion("kb:" + elsewhere + "@local-model")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.error.code").value("model_not_found"));
		assertThat(local.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).hasSize(1);
	}

	@Test
	void onlyTheMasterKeyOffersOrWithdrawsAModel() throws Exception {
		String body = "{\"kind\":\"openai-compatible\",\"baseUrl\":\"" + local.baseUrl()
				+ "/v1\",\"model\":\"local-model\"}";
		String admin = Calls.issueKey(this.mvc, this.masterKey, "{\"scopes\":[\"admin\",\"chat\",\"upload\"]}")
			.get("key")
			.asText();
		for (String notMaster : List.of(key, admin)) {
			this.mvc
				.perform(put("/api/v1/admin/models/offered").secure(true)
					.header("X-API-Key", notMaster)
					.contentType(MediaType.APPLICATION_JSON)
					.content(body))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(delete("/api/v1/admin/models/offered").param("name", "local-model")
					.secure(true)
					.header("X-API-Key", notMaster))
				.andExpect(status().isForbidden());
		}
		assertThat(local.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).isEmpty();
		assertThat(this.store.offered()).isEmpty();
		// a failing test call offers nothing
		offer("{\"kind\":\"ollama\",\"baseUrl\":\"http://127.0.0.1:9\",\"model\":\"gone\"}")
			.andExpect(status().is5xxServerError())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("nothing was kept")));
		assertThat(this.store.offered()).isEmpty();
		// with nothing offered, a session's model is a name for the generator that
		// answers,
		// as before
		session("{\"knowledgeBase\":\"" + kb + "\",\"model\":\"any-name\"}");
	}

	/**
	 * The service's own model is an Ollama model ({@code llama3.2:3b}) on the stub, so
	 * that a model name that reaches it is seen.
	 */
	private void theServiceAnswersWithOllama() throws Exception {
		this.mvc
			.perform(master(put("/api/v1/admin/models"))
				.content("{\"kind\":\"ollama\",\"baseUrl\":\"" + ollama.baseUrl() + "\",\"model\":\"llama3.2:3b\"}"))
			.andExpect(status().isOk());
		ollama.resetRequests();
	}

	private String persona(String title, String model) throws Exception {
		return json
			.readTree(this.mvc.perform(chatConfig(post("/api/v1/chat-configs"), title, model))
				.andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString())
			.get("id")
			.asText();
	}

	private MockHttpServletRequestBuilder chatConfig(MockHttpServletRequestBuilder request, String title, String model)
			throws Exception {
		return request.secure(true)
			.header("X-API-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("title", title, "knowledgeBase", kb, "model", model)));
	}

	/**
	 * @return the model each request to a stub's path named, in order
	 */
	private static List<String> modelsAsked(WireMockExtension server, String path) {
		return server.findAll(postRequestedFor(urlPathEqualTo(path))).stream().map((asked) -> {
			try {
				return json.readTree(asked.getBodyAsString()).get("model").asText();
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private ResultActions offer(String body) throws Exception {
		return this.mvc.perform(master(put("/api/v1/admin/models/offered")).content(body));
	}

	private String[] session(String body) throws Exception {
		JsonNode started = json.readTree(
				this.mvc
					.perform(post("/api/v1/sessions").secure(true)
						.header("X-API-Key", key)
						.contentType(MediaType.APPLICATION_JSON)
						.content(body))
					.andExpect(status().isCreated())
					.andReturn()
					.getResponse()
					.getContentAsString());
		return new String[] { started.get("sessionId").asText(), started.get("token").asText() };
	}

	private ResultActions ask(String[] session, String message) throws Exception {
		return this.mvc.perform(post("/api/v1/sessions/" + session[0] + "/messages").secure(true)
			.header("Authorization", "Bearer " + session[1])
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("message", message))));
	}

	private static String completion(String model) throws Exception {
		return json.writeValueAsString(
				Map.of("model", model, "messages", List.of(Map.of("role", "user", "content", QUESTION))));
	}

	private MockHttpServletRequestBuilder master(MockHttpServletRequestBuilder request) {
		return request.secure(true).header("X-Master-Key", this.masterKey).contentType(MediaType.APPLICATION_JSON);
	}

}
