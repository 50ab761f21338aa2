package dev.ragchat.api.chat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractWebIntegrationTests;
import dev.ragchat.api.Calls;
import dev.ragchat.ingestion.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An answer lists the passages it was built from: every passage the search found, cited
 * or not, best first with its score, document and page; the same in the JSON answer, in
 * the streamed {@code done} event and in the stored history.
 */
class AnswerPassagesTests extends AbstractWebIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void listsEveryPassageTheAnswerWasBuiltFromWithItsScoreDocumentAndPage() throws Exception {
		String kb = createKnowledgeBase("passages");
		String key = chatAndUploadKey(kb);
		String pdf = Calls
			.uploadAndAwait(this.mvc, key, kb, "harbour.pdf",
					Files.readAllBytes(TestFiles.factsPdf(this.dir.resolve("harbour.pdf"))))
			.get("id")
			.asText();
		JsonNode session = Calls.startSession(this.mvc, key, kb);
		String id = session.get("sessionId").asText();
		String bearer = "Bearer " + session.get("token").asText();

		JsonNode answer = json.readTree(this.mvc
			.perform(post("/api/v1/sessions/" + id + "/messages").secure(true)
				.header("Authorization", bearer)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"message\":\"When was the lighthouse on Kestrel Point automated?\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		JsonNode passages = answer.get("passages");
		assertThat(answer.get("grounded").asBoolean()).isTrue();
		// more than it cites: the passages it considered, each with where it comes from
		assertThat(passages.size()).isGreaterThan(answer.get("citations").size());
		List<String> chunks = new ArrayList<>();
		double previous = Double.MAX_VALUE;
		for (JsonNode passage : passages) {
			assertThat(passage.get("documentId").asText()).isEqualTo(pdf);
			assertThat(passage.get("filename").asText()).isEqualTo("harbour.pdf");
			assertThat(passage.get("page").asInt()).isPositive();
			assertThat(passage.get("snippet").asText()).isNotBlank();
			assertThat(passage.get("score").asDouble()).isLessThanOrEqualTo(previous);
			previous = passage.get("score").asDouble();
			chunks.add(passage.get("chunkId").asText());
		}
		for (JsonNode citation : answer.get("citations")) {
			assertThat(chunks).contains(citation.get("chunkId").asText());
		}

		// the history keeps them with the answer (and none with the question)
		JsonNode history = json.readTree(this.mvc
			.perform(get("/api/v1/sessions/" + id + "/messages").secure(true).header("Authorization", bearer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(history.at("/messages/0/passages").isMissingNode()).isTrue();
		assertThat(history.at("/messages/1/passages")).isEqualTo(passages);

		// streamed: the done event carries them
		MvcResult streaming = this.mvc
			.perform(post("/api/v1/sessions/" + id + "/messages").secure(true)
				.header("Authorization", bearer)
				.accept(MediaType.TEXT_EVENT_STREAM)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"message\":\"When was the lighthouse on Kestrel Point automated?\"}"))
			.andExpect(request().asyncStarted())
			.andReturn();
		List<String> lines = this.mvc.perform(asyncDispatch(streaming))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.lines()
			.toList();
		JsonNode done = null;
		for (int i = 0; i < lines.size() - 1; i++) {
			if (lines.get(i).equals("event:done")) {
				done = json.readTree(lines.get(i + 1).substring(5));
			}
		}
		assertThat(done).isNotNull();
		assertThat(done.get("passages").size()).isGreaterThan(1);
		assertThat(done.at("/passages/0/documentId").asText()).isEqualTo(pdf);
		assertThat(done.at("/passages/0/score").isNumber()).isTrue();
	}

}
