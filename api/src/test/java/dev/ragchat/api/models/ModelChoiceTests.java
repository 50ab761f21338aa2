package dev.ragchat.api.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ragchat.answer.generate.ChosenModels;
import dev.ragchat.api.Calls;
import dev.ragchat.api.PrivateFiles;
import dev.ragchat.api.RagChatProperties;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

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
 * The language model chosen while the service runs, over HTTP, against stub model
 * servers: a local Ollama and an OpenAI-compatible server found at the probed addresses,
 * their models listed, a choice checked with one test call, kept (its API key sealed),
 * used for the next question and restored after a restart; a failing call keeps nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ModelChoiceTests {

	static final ObjectMapper json = new ObjectMapper();

	static final String ANSWER = "Kestrel Point's lighthouse has run without keepers since 1987 [1].";

	static final String QUESTION = "When was the lighthouse on Kestrel Point automated?";

	static final String API_KEY = "sk-local-test-7f3a9c1e5b2d";

	@RegisterExtension
	static WireMockExtension ollama = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static WireMockExtension openAi = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	/** Nothing runs at the second Ollama address: the probe passes it by. */
	@DynamicPropertySource
	static void probedAddresses(DynamicPropertyRegistry registry) {
		registry.add("ragchat.models.ollama", () -> ollama.baseUrl() + ",http://127.0.0.1:9");
		registry.add("ragchat.models.openai-compatible", () -> openAi.baseUrl() + "/v1");
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Models models;

	@Autowired
	ModelChoiceStore store;

	@Autowired
	JdbcClient catalog;

	@Autowired
	ModelRegistry generator;

	@Autowired
	ChosenModels chosenModels;

	@Autowired
	RagChatProperties ragchat;

	@Autowired
	dev.ragchat.api.audit.Audit audit;

	@Value("${ragchat.master-key}")
	String masterKey;

	@TempDir
	Path dir;

	static String kb;

	static String key;

	@BeforeEach
	void harbourDocuments() throws Exception {
		if (kb == null) {
			kb = Calls.createKnowledgeBase(this.mvc, this.masterKey, "models");
			key = Calls.chatAndUploadKey(this.mvc, this.masterKey, kb);
			Path pdf = TestFiles.factsPdf(this.dir.resolve("harbour.pdf"));
			Calls.uploadAndAwait(this.mvc, key, kb, "harbour.pdf", Files.readAllBytes(pdf));
		}
	}

	@AfterEach
	void backToTheConfiguredGenerator() {
		this.models.useConfigured();
	}

	@Test
	void findsTheLocalServersThatRunAndListsTheirModels() throws Exception {
		ModelStubs.ollamaModels(ollama, "llama3.2:3b", "qwen2.5:0.5b");
		ModelStubs.openAiModels(openAi, "Qwen2.5-1.5B-Instruct-Q4_K_M.gguf");
		this.mvc.perform(master(get("/api/v1/admin/models/servers")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.servers.length()").value(2))
			.andExpect(jsonPath("$.servers[0].kind").value("ollama"))
			.andExpect(jsonPath("$.servers[0].baseUrl").value(ollama.baseUrl()))
			.andExpect(jsonPath("$.servers[0].models[0]").value("llama3.2:3b"))
			.andExpect(jsonPath("$.servers[0].models[1]").value("qwen2.5:0.5b"))
			.andExpect(jsonPath("$.servers[1].kind").value("openai-compatible"))
			.andExpect(jsonPath("$.servers[1].baseUrl").value(openAi.baseUrl() + "/v1"))
			.andExpect(jsonPath("$.servers[1].models[0]").value("Qwen2.5-1.5B-Instruct-Q4_K_M.gguf"));

		// a typed address is listed too, and a redirect is an answer, never followed
		this.mvc
			.perform(master(post("/api/v1/admin/models/list"))
				.content("{\"kind\":\"ollama\",\"baseUrl\":\"" + ollama.baseUrl() + "/\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.models[0]").value("llama3.2:3b"));
		openAi.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/elsewhere/models"))
			.willReturn(aResponse().withStatus(302).withHeader("Location", ollama.baseUrl() + "/api/tags")));
		this.mvc
			.perform(master(post("/api/v1/admin/models/list"))
				.content("{\"kind\":\"openai-compatible\",\"baseUrl\":\"" + openAi.baseUrl() + "/elsewhere\"}"))
			.andExpect(status().isBadGateway())
			.andExpect(jsonPath("$.detail").value(containsString("302 (a redirect, which is not followed)")));
	}

	@Test
	void anySignedInKeyReadsWhichGeneratorAnswersOnlyTheMasterKeyChoosesIt() throws Exception {
		this.mvc.perform(get("/api/v1/generator").secure(true).header("X-API-Key", key))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("extractive"))
			.andExpect(jsonPath("$.writes").value(false))
			.andExpect(jsonPath("$.chosenIn").value("configuration"));
		this.mvc
			.perform(put("/api/v1/admin/models").secure(true)
				.header("X-API-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"extractive\"}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/admin/models/servers").secure(true).header("X-API-Key", key))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/generator").secure(true)).andExpect(status().isUnauthorized());
	}

	@Test
	void checksAChoiceWithOneTestCallThenAnswersTheNextQuestionWithIt() throws Exception {
		ask(session(null), QUESTION).andExpect(status().isOk())
			.andExpect(jsonPath("$.answer").value(startsWith("Extract from the documents: ")));
		ModelStubs.ollamaAnswers(ollama, "OK");
		choose("{\"kind\":\"ollama\",\"baseUrl\":\"" + ollama.baseUrl() + "\",\"model\":\"llama3.2:3b\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reply").value("OK"))
			.andExpect(jsonPath("$.choice.current.kind").value("ollama"))
			.andExpect(jsonPath("$.choice.current.model").value("llama3.2:3b"))
			.andExpect(jsonPath("$.choice.current.writes").value(true))
			.andExpect(jsonPath("$.choice.current.chosenIn").value("console"));
		assertThat(ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat")))).hasSize(1);
		this.mvc.perform(get("/api/v1/generator").secure(true).header("X-API-Key", key))
			.andExpect(jsonPath("$.kind").value("ollama"))
			.andExpect(jsonPath("$.model").value("llama3.2:3b"))
			.andExpect(jsonPath("$.writes").value(true));

		// the next question, no restart: the model writes it, judged as a model's answer
		ModelStubs.ollamaAnswers(ollama, ANSWER);
		ask(session(null), QUESTION).andExpect(status().isOk())
			.andExpect(jsonPath("$.answer").value(ANSWER))
			.andExpect(jsonPath("$.grounded").value(true))
			.andExpect(jsonPath("$.citations[0].page").value(3));
		JsonNode asked = body(ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat"))).get(1).getBodyAsString());
		assertThat(asked.get("model").asText()).isEqualTo("llama3.2:3b");
		assertThat(asked.toString()).contains("<sources>").contains("automated in 1987");

		// back to the extract, chosen explicitly: quotes again
		choose("{\"kind\":\"extractive\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.choice.current.kind").value("extractive"))
			.andExpect(jsonPath("$.choice.current.writes").value(false))
			.andExpect(jsonPath("$.choice.current.chosenIn").value("console"));
		ask(session(null), QUESTION).andExpect(status().isOk())
			.andExpect(jsonPath("$.answer").value(startsWith("Extract from the documents: ")));

		// and forgotten: the configured generator again
		this.mvc.perform(master(delete("/api/v1/admin/models")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").doesNotExist())
			.andExpect(jsonPath("$.current.chosenIn").value("configuration"));
		assertThat(this.store.find()).isEmpty();

		// each choice is in the audit trail, by the master key
		List<String> trail = Files.readAllLines(this.audit.file())
			.stream()
			.filter((line) -> line.contains("\"model."))
			.toList();
		assertThat(trail).anySatisfy((line) -> assertThat(line).contains("\"model.chosen\"")
			.contains("\"kind\":\"ollama\"")
			.contains("llama3.2:3b")
			.contains("\"master\""));
		assertThat(trail)
			.anySatisfy((line) -> assertThat(line).contains("\"model.chosen\"").contains("\"kind\":\"extractive\""));
		assertThat(trail.get(trail.size() - 1)).contains("\"model.reset\"");
	}

	@Test
	void theSourcesAreJudgedAsTheCurrentGeneratorNeeds() throws Exception {
		// a name the documents never mention: the extract's rules refuse it before any
		// answer is written; a language model is asked and judges the sources itself
		String unknownName = "When did Adobe automate the lighthouse on Kestrel Point?";
		ask(session(null), unknownName).andExpect(status().isOk()).andExpect(jsonPath("$.grounded").value(false));
		ModelStubs.ollamaAnswers(ollama, "OK");
		choose("{\"kind\":\"ollama\",\"baseUrl\":\"" + ollama.baseUrl() + "\",\"model\":\"llama3.2:3b\"}")
			.andExpect(status().isOk());
		ModelStubs.ollamaAnswers(ollama, "The documents in this knowledge base do not answer that question.");
		ollama.resetRequests();
		ask(session(null), unknownName).andExpect(status().isOk()).andExpect(jsonPath("$.grounded").value(false));
		assertThat(ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat")))).hasSize(1);
		assertThat(this.generator.current().generator().judgesSources()).isTrue();
		choose("{\"kind\":\"extractive\"}").andExpect(status().isOk());
		assertThat(this.generator.current().generator().judgesSources()).isFalse();
		assertThat(this.generator.current().generator().readsMedia()).isFalse();
	}

	@Test
	void aFailingTestCallSaysWhatTheServerAnsweredAndKeepsNothing() throws Exception {
		ollama.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/api/chat"))
			.willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json; charset=utf-8")
				.withBody("{\"error\":\"model \\\"mistral:7b\\\" not found, try pulling it first\"}")));
		choose("{\"kind\":\"ollama\",\"baseUrl\":\"" + ollama.baseUrl() + "\",\"model\":\"mistral:7b\"}")
			.andExpect(status().isBadGateway())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("was answered 404")))
			.andExpect(jsonPath("$.detail").value(containsString("not found, try pulling it first")))
			.andExpect(jsonPath("$.detail").value(containsString("nothing was kept")));
		assertThat(this.store.find()).isEmpty();
		assertThat(this.generator.current()).isSameAs(this.generator.configured());

		// nothing listening there: unavailable, nothing kept either
		choose("{\"kind\":\"openai-compatible\",\"baseUrl\":\"http://127.0.0.1:9/v1\",\"model\":\"m\"}")
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.detail").value(containsString("could not reach http://127.0.0.1:9/v1")));
		assertThat(this.store.find()).isEmpty();
		this.mvc.perform(get("/api/v1/generator").secure(true).header("X-API-Key", key))
			.andExpect(jsonPath("$.kind").value("extractive"));
	}

	@Test
	void refusesChoicesThatCannotWorkWithClearProblems() throws Exception {
		choose("{\"kind\":\"gpt\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("one of extractive, ollama")));
		choose("{\"kind\":\"openai-compatible\",\"baseUrl\":\"http://user:secret@localhost:8080/v1\",\"model\":\"m\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("no credentials in the address")))
			.andExpect(jsonPath("$.detail").value(not(containsString("secret"))));
		choose("{\"kind\":\"ollama\",\"baseUrl\":\"file:///etc/passwd\",\"model\":\"m\"}")
			.andExpect(status().isBadRequest());
		choose("{\"kind\":\"ollama\",\"baseUrl\":\"" + ollama.baseUrl() + "\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("model")));
		// a GGUF file: there, readable, and starting with the magic bytes, else refused
		// before llama.cpp is asked to load it
		Path missing = this.dir.resolve("missing.gguf");
		choose("{\"kind\":\"llama-cpp\",\"modelPath\":\"" + missing + "\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("there is no file")));
		Path notGguf = Files.writeString(this.dir.resolve("weights.gguf"), "<html>a download page</html>");
		choose("{\"kind\":\"llama-cpp\",\"modelPath\":\"" + notGguf + "\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("is not a GGUF file")));
		if (PrivateFiles.posix()) {
			Path unreadable = Files.write(this.dir.resolve("locked.gguf"), "GGUF....".getBytes());
			Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
			if (!Files.isReadable(unreadable)) {
				choose("{\"kind\":\"llama-cpp\",\"modelPath\":\"" + unreadable + "\"}")
					.andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.detail").value(containsString("may not read")));
			}
		}
		assertThat(this.store.find()).isEmpty();
	}

	@Test
	void sealsTheApiKeyAtRestNeverShowsItBackAndSurvivesARestart() throws Exception {
		// the server answers only with the key
		openAi.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/v1/chat/completions"))
			.withHeader("Authorization", equalTo("Bearer " + API_KEY))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(ModelStubs.openAiEvents(List.of("O", "K")))));
		String chosen = choose("{\"kind\":\"openai-compatible\",\"baseUrl\":\"" + openAi.baseUrl()
				+ "/v1\",\"model\":\"local-model\",\"apiKey\":\"" + API_KEY + "\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reply").value("OK"))
			.andExpect(jsonPath("$.choice.apiKeySet").value(true))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(chosen).doesNotContain(API_KEY);
		this.mvc.perform(master(get("/api/v1/admin/models")))
			.andExpect(jsonPath("$.apiKeySet").value(true))
			.andExpect(jsonPath("$.model").value("local-model"))
			.andExpect(content().string(not(containsString(API_KEY))));

		// at rest: sealed in the catalog, with the key to it owner-only in the data dir
		String sealed = this.catalog.sql("select api_key_sealed from model_choice").query(String.class).single();
		assertThat(sealed).startsWith("v2:").doesNotContain(API_KEY);
		assertThat(new String(java.util.Base64.getDecoder().decode(sealed.substring(3)))).doesNotContain(API_KEY);
		Path keyFile = this.ragchat.dataDir().resolve(SecretBox.KEY_FILE);
		assertThat(keyFile).exists();
		if (PrivateFiles.posix()) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
		}

		// another model of the same server: the stored key goes with it, unsent
		choose("{\"kind\":\"openai-compatible\",\"baseUrl\":\"" + openAi.baseUrl() + "/v1\",\"model\":\"other\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.choice.apiKeySet").value(true));

		// a restart: a new generator and model service over the same catalog and data
		// dir use the stored choice, its key opened again
		ModelRegistry restarted = new ModelRegistry(this.chosenModels.extractive());
		ModelServers servers = new ModelServers(new ModelsProperties(List.of(), List.of(),
				java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1)));
		Models again = new Models(restarted, new ChoiceCheck(restarted, this.chosenModels, this.store,
				new SecretBox(this.ragchat.dataDir()), servers, Clock.systemUTC()), this.store, servers);
		again.restore();
		assertThat(again.current())
			.isEqualTo(new Models.Generator("openai-compatible", "other", true, true, "console"));
		openAi.resetRequests();
		assertThat(this.chosenModels.check(restarted.current(), "the restarted server")).isEqualTo("OK");
		assertThat(openAi.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).singleElement()
			.satisfies((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + API_KEY));
	}

	@Test
	void aChatConfigsModelReachesTheModelServer() throws Exception {
		ModelStubs.ollamaAnswers(ollama, "OK");
		choose("{\"kind\":\"ollama\",\"baseUrl\":\"" + ollama.baseUrl() + "\",\"model\":\"llama3.2:3b\"}")
			.andExpect(status().isOk());
		ModelStubs.ollamaModels(ollama, "llama3.2:3b", "qwen2.5:0.5b");
		// the server's models, for a chat config's choice
		this.mvc.perform(get("/api/v1/generator/models").secure(true).header("X-API-Key", key))
			.andExpect(jsonPath("$.models[1]").value("qwen2.5:0.5b"));
		String persona = json.readTree(this.mvc
			.perform(post("/api/v1/chat-configs").secure(true)
				.header("X-API-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"Brief\",\"knowledgeBase\":\"" + kb
						+ "\",\"model\":\"qwen2.5:0.5b\",\"temperature\":0.1,\"systemPrompt\":\"Be brief.\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()).get("id").asText();
		ModelStubs.ollamaAnswers(ollama, ANSWER);
		ollama.resetRequests();
		ask(session(persona), QUESTION).andExpect(status().isOk()).andExpect(jsonPath("$.answer").value(ANSWER));
		JsonNode asked = body(ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat"))).get(0).getBodyAsString());
		assertThat(asked.get("model").asText()).isEqualTo("qwen2.5:0.5b");
		assertThat(asked.at("/options/temperature").asDouble()).isEqualTo(0.1);
		assertThat(asked.toString()).contains("Be brief.");
	}

	private ResultActions choose(String body) throws Exception {
		return this.mvc.perform(master(put("/api/v1/admin/models")).content(body));
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder master(
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) {
		return ModelCalls.master(this.masterKey, request);
	}

	private String[] session(String persona) throws Exception {
		return ModelCalls.session(this.mvc, key, kb, persona);
	}

	private ResultActions ask(String[] session, String message) throws Exception {
		return ModelCalls.ask(this.mvc, session, message);
	}

	private static JsonNode body(String text) throws Exception {
		return json.readTree(text);
	}

}
