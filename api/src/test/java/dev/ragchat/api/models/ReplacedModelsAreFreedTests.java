package dev.ragchat.api.models;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.answer.generate.ChosenModel;
import dev.ragchat.answer.generate.ChosenModels;
import dev.ragchat.answer.generate.providers.LlamaCppChatModel;
import dev.ragchat.answer.generate.providers.LlamaCppSlot;
import dev.ragchat.api.Calls;
import dev.ragchat.ingestion.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.invocation.InvocationOnMock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.willAnswer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The model registry frees a model loaded in process (a GGUF file run by llama.cpp) when
 * its choice is replaced or withdrawn, over HTTP with real models: tiny random-weight
 * GGUF files that llama.cpp loads in milliseconds. The old model is closed exactly once
 * (its native model freed: its slot taken for good), the new one is not, and the new one
 * answers the next question. The models are the provider's own ({@link ChosenModels}
 * loads them); the spy only counts the registry's calls to the close each model comes
 * with ({@link ChosenModel#resource()}), passing them on.
 */
@SpringBootTest(properties = { "ragchat.chat.llama.context-size=2048", "ragchat.chat.llama.max-tokens=6",
		"ragchat.chat.llama.threads=1", "ragchat.chat.llama.timeout=20s" })
@AutoConfigureMockMvc
class ReplacedModelsAreFreedTests {

	static final ObjectMapper json = new ObjectMapper();

	@TempDir
	static Path files;

	static Path first;

	static Path second;

	static String kb;

	static String key;

	@Autowired
	MockMvc mvc;

	@Autowired
	Models service;

	@Autowired
	OfferedModels offered;

	@Autowired
	ModelRegistry registry;

	@MockitoSpyBean
	ChosenModels chosenModels;

	@Value("${ragchat.master-key}")
	String masterKey;

	/** The models llama.cpp loaded, in order, each with how often it was closed. */
	final List<Loaded> loaded = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void tinyModels() throws Exception {
		first = tinyModel(files.resolve("first.gguf"));
		second = tinyModel(files.resolve("second.gguf"));
	}

	@BeforeEach
	void harbourDocumentsAndCountedCloses() throws Exception {
		if (kb == null) {
			kb = Calls.createKnowledgeBase(this.mvc, this.masterKey, "freed-models");
			key = Calls.chatAndUploadKey(this.mvc, this.masterKey, kb);
			Path pdf = TestFiles.factsPdf(files.resolve("harbour.pdf"));
			Calls.uploadAndAwait(this.mvc, key, kb, "harbour.pdf", Files.readAllBytes(pdf));
		}
		willAnswer(this::counted).given(this.chosenModels).llamaCpp(anyString());
	}

	@AfterEach
	void nothingOfferedAndTheConfiguredModel() {
		this.offered.offered().forEach((model) -> this.offered.withdraw(model.name()));
		this.service.useConfigured();
	}

	@Test
	void theServicesModelReplacedIsClosedOnceAndTheNewOneAnswers() throws Exception {
		choose(first).andExpect(status().isOk()).andExpect(jsonPath("$.choice.current.model").value("first.gguf"));
		choose(second).andExpect(status().isOk()).andExpect(jsonPath("$.choice.current.model").value("second.gguf"));
		assertThat(this.loaded).hasSize(2);
		Loaded replaced = this.loaded.get(0);
		Loaded current = this.loaded.get(1);

		awaitClosed(replaced);
		assertThat(current.closes()).hasValue(0);
		assertThat(this.registry.current().chatModel()).isSameAs(current.model());
		this.mvc.perform(get("/api/v1/generator").secure(true).header("X-API-Key", key))
			.andExpect(jsonPath("$.kind").value("llama-cpp"))
			.andExpect(jsonPath("$.model").value("second.gguf"));
		// the replaced model refuses to write (closed): the tokens are the new one's
		assertThat(askedTokens()).hasSizeBetween(2, 6);
		assertThat(LlamaCppSlot.of(current.model()).availablePermits()).isOne();
		assertThat(replaced.closes()).hasValue(1);
	}

	@Test
	void anOfferedModelReplacedUnderItsNameOrWithdrawnIsClosedOnce() throws Exception {
		offer(first).andExpect(status().isOk()).andExpect(jsonPath("$.offered.name").value("first.gguf"));
		// offered again under the same name: loaded anew, the earlier load replaced
		offer(first).andExpect(status().isOk());
		assertThat(this.loaded).hasSize(2);
		Loaded replaced = this.loaded.get(0);
		Loaded offeredNow = this.loaded.get(1);
		awaitClosed(replaced);
		assertThat(offeredNow.closes()).hasValue(0);
		assertThat(this.registry.current(ModelRegistry.picked("first.gguf")).chatModel()).isSameAs(offeredNow.model());

		this.mvc.perform(master(delete("/api/v1/admin/models/offered").param("name", "first.gguf")))
			.andExpect(status().isNoContent());
		awaitClosed(offeredNow);
		assertThat(this.registry.offers("first.gguf")).isFalse();
		assertThat(replaced.closes()).hasValue(1);
	}

	/**
	 * Waits for the registry's release (on a thread of its own), then checks that it
	 * closed the model once and freed the native model: a closed model keeps its one
	 * slot, so no answer ever runs on it again.
	 */
	private static void awaitClosed(Loaded model) {
		await().until(() -> model.closes().get() > 0);
		assertThat(model.closes()).hasValue(1);
		assertThat(LlamaCppSlot.of(model.model()).availablePermits()).isZero();
	}

	/** The provider's model as it loaded it, its close passed on and counted. */
	private ChosenModel counted(InvocationOnMock invocation) throws Throwable {
		ChosenModel real = (ChosenModel) invocation.callRealMethod();
		Loaded loaded = new Loaded((LlamaCppChatModel) real.chatModel(), new AtomicInteger());
		this.loaded.add(loaded);
		AutoCloseable resource = real.resource();
		return new ChosenModel(real.kind(), real.model(), real.generator(), real.chatModel(), () -> {
			try {
				resource.close();
			}
			finally {
				loaded.closes().incrementAndGet();
			}
		});
	}

	/** A question asked in a new session, streamed: the tokens the model wrote. */
	private List<String> askedTokens() throws Exception {
		String[] session = ModelCalls.session(this.mvc, key, kb, null);
		MvcResult asked = this.mvc
			.perform(post("/api/v1/sessions/" + session[0] + "/messages").secure(true)
				.header("Authorization", "Bearer " + session[1])
				.accept(MediaType.TEXT_EVENT_STREAM)
				.contentType(MediaType.APPLICATION_JSON)
				.content(json
					.writeValueAsString(Map.of("message", "When was the lighthouse on Kestrel Point automated?"))))
			.andExpect(request().asyncStarted())
			.andReturn();
		String body = this.mvc.perform(asyncDispatch(asked))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain("event:error");
		List<String> lines = body.lines().toList();
		List<String> tokens = new java.util.ArrayList<>();
		for (int i = 0; i < lines.size() - 1; i++) {
			if (lines.get(i).equals("event:token")) {
				JsonNode token = json.readTree(lines.get(i + 1).substring("data:".length()));
				tokens.add(token.get("text").asText());
			}
		}
		return tokens;
	}

	private ResultActions choose(Path model) throws Exception {
		return this.mvc.perform(master(put("/api/v1/admin/models")).content(llamaCpp(model)));
	}

	private ResultActions offer(Path model) throws Exception {
		return this.mvc.perform(master(put("/api/v1/admin/models/offered")).content(llamaCpp(model)));
	}

	private static String llamaCpp(Path model) throws Exception {
		return json.writeValueAsString(Map.of("kind", "llama-cpp", "modelPath", model.toString()));
	}

	private MockHttpServletRequestBuilder master(MockHttpServletRequestBuilder request) {
		return ModelCalls.master(this.masterKey, request);
	}

	/**
	 * A tiny random-weight GGUF model, written by {@code TinyGguf} of the answer module's
	 * test sources (package-private there; called through reflection so that this test
	 * stays beside the registry).
	 */
	private static Path tinyModel(Path file) throws Exception {
		Method write = Class.forName("dev.ragchat.answer.generate.TinyGguf")
			.getDeclaredMethod("write", Path.class, boolean.class);
		write.setAccessible(true);
		return (Path) write.invoke(null, file, false);
	}

	/**
	 * A model llama.cpp loaded.
	 *
	 * @param model the model
	 * @param closes how often the registry closed it
	 */
	record Loaded(LlamaCppChatModel model, AtomicInteger closes) {

	}

}
