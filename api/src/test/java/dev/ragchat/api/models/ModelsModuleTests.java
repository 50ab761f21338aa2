package dev.ragchat.api.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ragchat.answer.generate.ChosenModels;
import dev.ragchat.api.Calls;
import dev.ragchat.api.ModuleBeans;
import dev.ragchat.api.ModuleTestWithFronts;
import dev.ragchat.api.PrivateFiles;
import dev.ragchat.api.TestPorts;
import dev.ragchat.ingestion.KnowledgeBases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The choice of model as an application module (Spring Modulith's
 * {@code @ApplicationModuleTest}): {@code api.models} with the modules it uses (the
 * answer engine, chat configs, the audit trail, the catalog), the security filters its
 * endpoints are reached through and what they ask (keys, chat sessions:
 * {@link ModuleTestWithFronts.WithSecurity}), and the blob store and index the ingestion
 * front needs, real and nothing mocked. The model servers are stubs (WireMock) over HTTP,
 * a local Ollama and an OpenAI-compatible server at the probed addresses. A model chosen
 * through the module's published API is checked with one call, kept in the catalog and
 * listed as the one that answers, until the configured one is asked for again. Over HTTP
 * (MockMvc, with the security filters): the servers that run and their models are listed,
 * only the master key chooses, a failing test call or a choice that cannot work keeps
 * nothing and says why, and an API key is sealed at rest, never shown back and opened
 * again after a restart. The choice answering questions is {@code ModelChoiceTests}' (it
 * needs documents and sessions).
 */
@ModuleTestWithFronts.WithSecurity
@AutoConfigureMockMvc
class ModelsModuleTests {

	static final String API_KEY = "sk-local-test-7f3a9c1e5b2d";

	static final int OLLAMA = TestPorts.unused();

	static final int OPENAI = TestPorts.unused();

	// on ports known before they start: the context (one test instance for the class)
	// starts before the extensions do
	@RegisterExtension
	static WireMockExtension ollama = WireMockExtension.newInstance().options(wireMockConfig().port(OLLAMA)).build();

	@RegisterExtension
	static WireMockExtension openAi = WireMockExtension.newInstance().options(wireMockConfig().port(OPENAI)).build();

	/** Nothing runs at the second Ollama address: the probe passes it by. */
	@DynamicPropertySource
	static void probedAddresses(DynamicPropertyRegistry registry) {
		registry.add("ragchat.models.ollama", () -> "http://localhost:" + OLLAMA + ",http://127.0.0.1:9");
		registry.add("ragchat.models.openai-compatible", () -> "http://localhost:" + OPENAI + "/v1");
	}

	@Autowired
	Models models;

	@Autowired
	ModelChoiceStore store;

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient catalog;

	@Autowired
	ModelRegistry generator;

	@Autowired
	ChosenModels chosenModels;

	@Autowired
	KnowledgeBases knowledgeBases;

	@Value("${ragchat.master-key}")
	String masterKey;

	@Value("${ragchat.data-dir}")
	Path dataDir;

	@TempDir
	Path dir;

	static String key;

	@BeforeEach
	void aChatKey() throws Exception {
		if (key == null) {
			String kb = this.knowledgeBases.create("models", null).id();
			key = Calls.issueKey(this.mvc, this.masterKey, Calls.chatAndUploadKeyRequest(kb)).get("key").asText();
		}
	}

	@AfterEach
	void theConfiguredModelAgain() {
		this.models.useConfigured();
	}

	@Test
	void aChosenModelIsCheckedKeptAndListedAsTheOneThatAnswers() {
		assertThat(this.models.current().kind()).isEqualTo("extractive");
		ModelStubs.ollamaAnswers(ollama, "OK");

		Models.Chosen chosen = this.models
			.choose(new ChoiceRequest("ollama", ollama.baseUrl(), "llama3.2:3b", null, null));

		assertThat(chosen.reply()).isEqualTo("OK");
		assertThat(ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat")))).hasSize(1);
		assertThat(this.store.find()).hasValueSatisfying((kept) -> {
			assertThat(kept.kind()).isEqualTo("ollama");
			assertThat(kept.baseUrl()).isEqualTo(ollama.baseUrl());
			assertThat(kept.model()).isEqualTo("llama3.2:3b");
		});
		Models.Choice listed = this.models.choice();
		assertThat(listed.kind()).isEqualTo("ollama");
		assertThat(listed.model()).isEqualTo("llama3.2:3b");
		assertThat(listed.current().kind()).isEqualTo("ollama");
		assertThat(listed.current().model()).isEqualTo("llama3.2:3b");
		assertThat(listed.current().chosenIn()).isEqualTo("console");

		this.models.useConfigured();
		assertThat(this.store.find()).isEmpty();
		assertThat(this.models.choice().kind()).isNull();
		assertThat(this.models.current().kind()).isEqualTo("extractive");
		assertThat(this.models.current().chosenIn()).isEqualTo("configuration");
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
		Path keyFile = this.dataDir.resolve(SecretBox.KEY_FILE);
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
				new SecretBox(this.dataDir), servers, Clock.systemUTC()), this.store, servers);
		again.restore();
		assertThat(again.current())
			.isEqualTo(new Models.Generator("openai-compatible", "other", true, true, "console"));
		openAi.resetRequests();
		assertThat(this.chosenModels.check(restarted.current(), "the restarted server")).isEqualTo("OK");
		assertThat(openAi.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).singleElement()
			.satisfies((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + API_KEY));
	}

	@Test
	void startsWithoutTheFeaturesItDoesNotUse() {
		assertThat(ModuleBeans.packages(this.context)).noneMatch((pkg) -> pkg.startsWith("dev.ragchat.api.knowledge")
				|| pkg.startsWith("dev.ragchat.api.openai") || pkg.startsWith("dev.ragchat.api.mcp")
				|| pkg.startsWith("dev.ragchat.api.evaluation") || pkg.startsWith("dev.ragchat.sources"));
	}

	private ResultActions choose(String body) throws Exception {
		return this.mvc.perform(master(put("/api/v1/admin/models")).content(body));
	}

	private MockHttpServletRequestBuilder master(MockHttpServletRequestBuilder request) {
		return ModelCalls.master(this.masterKey, request);
	}

}
