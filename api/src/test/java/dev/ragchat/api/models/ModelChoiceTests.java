package dev.ragchat.api.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ragchat.api.AbstractWebIntegrationTests;
import dev.ragchat.api.Calls;
import dev.ragchat.api.audit.Audit;
import dev.ragchat.ingestion.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The language model chosen while the service runs, answering the next question, over
 * HTTP against a stub Ollama server: a choice checked with one test call writes the next
 * answer with no restart, the sources are judged as the current generator needs, and a
 * chat config's model reaches the server. In the shared whole-application context (a
 * harbour PDF uploaded, sessions asked in); the choice itself, its checks and its sealed
 * API key are {@code ModelsModuleTests}'.
 */
class ModelChoiceTests extends AbstractWebIntegrationTests {

	static final String ANSWER = "Kestrel Point's lighthouse has run without keepers since 1987 [1].";

	static final String QUESTION = "When was the lighthouse on Kestrel Point automated?";

	@RegisterExtension
	static WireMockExtension ollama = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Autowired
	Models models;

	@Autowired
	ModelChoiceStore store;

	@Autowired
	ModelRegistry generator;

	@Autowired
	Audit audit;

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
