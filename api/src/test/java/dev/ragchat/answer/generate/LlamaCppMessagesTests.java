package dev.ragchat.answer.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.api.Calls;
import dev.ragchat.ingestion.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The application with {@code ragchat.chat.generator=llama-cpp} and the tiny
 * random-weight model ({@link TinyGguf}): it starts, and a question to {@code /messages}
 * is answered by llama.cpp in process, streamed token by token. The answer is babble
 * without citations; only the plumbing is checked.
 */
@SpringBootTest(properties = { "ragchat.chat.generator=llama-cpp", "ragchat.chat.llama.context-size=2048",
		"ragchat.chat.llama.max-tokens=6", "ragchat.chat.llama.threads=1", "ragchat.chat.llama.timeout=20s" })
@AutoConfigureMockMvc
class LlamaCppMessagesTests {

	static final ObjectMapper json = new ObjectMapper();

	private static Path model;

	@Autowired
	MockMvc mvc;

	@Value("${ragchat.master-key}")
	String masterKey;

	@TempDir
	Path dir;

	@DynamicPropertySource
	static void modelPath(DynamicPropertyRegistry registry) {
		registry.add("ragchat.chat.llama.model-path", LlamaCppMessagesTests::model);
	}

	static synchronized String model() {
		if (model == null) {
			try {
				Path directory = Files.createTempDirectory("ragchat-gguf");
				model = TinyGguf.write(directory.resolve("tiny.gguf"), false);
				model.toFile().deleteOnExit();
				directory.toFile().deleteOnExit();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return model.toString();
	}

	@Test
	void answersAQuestionStreamedTokenByToken() throws Exception {
		String kb = json
			.readTree(this.mvc.perform(post("/api/v1/knowledge-bases").secure(true)
				.header("X-Master-Key", this.masterKey)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"gguf\"}")).andReturn().getResponse().getContentAsString())
			.get("id")
			.asText();
		String key = Calls.chatAndUploadKey(this.mvc, this.masterKey, kb);
		Path facts = TestFiles.factsPdf(this.dir.resolve("harbour.pdf"));
		assertThat(Calls.uploadAndAwait(this.mvc, key, kb, "harbour.pdf", Files.readAllBytes(facts))
			.get("status")
			.asText()).isEqualTo("READY");
		JsonNode started = json.readTree(
				this.mvc
					.perform(post("/api/v1/sessions").secure(true)
						.header("X-API-Key", key)
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"knowledgeBase\":\"" + kb + "\"}"))
					.andReturn()
					.getResponse()
					.getContentAsString());
		MvcResult asked = this.mvc
			.perform(post("/api/v1/sessions/" + started.get("sessionId").asText() + "/messages").secure(true)
				.header("Authorization", "Bearer " + started.get("token").asText())
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
		List<String> lines = body.lines().toList();
		List<String> tokens = new java.util.ArrayList<>();
		for (int i = 0; i < lines.size() - 1; i++) {
			if (lines.get(i).equals("event:token")) {
				tokens.add(json.readTree(lines.get(i + 1).substring(5)).get("text").asText());
			}
		}
		// the model's tokens, as they came: up to the token limit, more than one
		assertThat(tokens).hasSizeBetween(2, 6);
		assertThat(body).doesNotContain("event:error");
	}

}
