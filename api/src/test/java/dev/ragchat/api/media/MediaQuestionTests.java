package dev.ragchat.api.media;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractWebIntegrationTests;
import dev.ragchat.api.Calls;
import dev.ragchat.ingestion.ExternalProgram;
import dev.ragchat.ingestion.RequiresProgram;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Media uploads and questions with attachments on the default, model-free set-up: images
 * are read with Tesseract (where it is installed: the OCR test is skipped without it, and
 * fails under CI), audio is refused.
 */
class MediaQuestionTests extends AbstractWebIntegrationTests {

	static final String FACT = "The Gannet Rock lighthouse was automated in 1962.";

	String kb;

	String key;

	JsonNode session;

	@BeforeEach
	void documentsAndSession() throws Exception {
		this.kb = createKnowledgeBase("media");
		this.key = chatAndUploadKey(this.kb);
		JsonNode document = Calls.uploadAndAwait(this.mvc, this.key, this.kb, "harbours.txt",
				("Harbour records.\n\n" + FACT + "\n\nThe ferry timetable changes every spring.")
					.getBytes(StandardCharsets.UTF_8));
		assertThat(document.get("status").asText()).isEqualTo("READY");
		this.session = Calls.startSession(this.mvc, this.key, this.kb);
	}

	@Test
	void storesAnImageByItsContentAndRefusesAPngNamedLikeAudio() throws Exception {
		byte[] png = TestMedia.pngWithText("HELLO");
		upload(this.key, "photo.png", png).andExpect(status().isCreated())
			.andExpect(jsonPath("$.mediaId").value(org.hamcrest.Matchers.startsWith("med_")))
			.andExpect(jsonPath("$.mediaType").value("image/png"))
			.andExpect(jsonPath("$.sizeBytes").value(png.length));
		upload(this.key, "song.mp3", png).andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.detail").value(containsString("named like audio/mp3 but its content is image/png")));
		upload(this.key, "notes.png", "just text".getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.detail").value(containsString("text/plain")));
		upload(this.key, "tone.wav", TestMedia.wavTone()).andExpect(status().isCreated())
			.andExpect(jsonPath("$.mediaType").value("audio/wav"));
		// the session token may store media too
		this.mvc
			.perform(multipart("/api/v1/media").file(new MockMultipartFile("file", "p.png", "image/png", png))
				.secure(true)
				.header("Authorization", "Bearer " + this.session.get("token").asText()))
			.andExpect(status().isCreated());
	}

	@Test
	@RequiresProgram(ExternalProgram.TESSERACT)
	void readsTheImageWithOcrSoThatAFactOnlyInTheImageFindsItsSource() throws Exception {
		// without the image the question names nothing the documents hold
		ask("{\"message\":\"What year does this refer to?\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.grounded").value(false));
		String media = mediaId(this.key, "photo.png", TestMedia.pngWithText("GANNET ROCK", "LIGHTHOUSE AUTOMATED"));
		JsonNode answer = json
			.readTree(ask("{\"message\":\"What year does this refer to?\",\"attachments\":[\"" + media + "\"]}")
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(answer.get("answer").asText()).startsWith("I read the attached image:")
			.containsIgnoringCase("gannet rock")
			.contains("1962");
		assertThat(answer.get("grounded").asBoolean()).isTrue();
		assertThat(answer.at("/citations/0/filename").asText()).isEqualTo("harbours.txt");
	}

	@Test
	void refusesAttachmentsAnotherKeyStored() throws Exception {
		String other = issueKey("{}");
		String theirs = mediaId(other, "photo.png", TestMedia.pngWithText("SECRET"));
		ask("{\"message\":\"What does it say?\",\"attachments\":[\"" + theirs + "\"]}").andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No media '" + theirs + "'"));
		ask("{\"message\":\"What does it say?\",\"attachments\":[\"https://example.org/x.png\"]}")
			.andExpect(status().isNotFound());
	}

	@Test
	void refusesAudioWithoutAModelNamingTheSetting() throws Exception {
		String tone = mediaId(this.key, "tone.wav", TestMedia.wavTone());
		ask("{\"message\":\"What is said here?\",\"attachments\":[\"" + tone + "\"]}")
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail").value(containsString("ragchat.chat.generator=gemini")));
	}

	@Test
	void refusesExtractionWithoutAModelNamingTheSetting() throws Exception {
		this.mvc
			.perform(multipart("/api/v1/extractions")
				.file(new MockMultipartFile("file", "passport.png", "image/png", TestMedia.pngWithText("PASSPORT")))
				.file(new MockMultipartFile("schema", "", "application/json",
						"{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}"
							.getBytes(StandardCharsets.UTF_8)))
				.secure(true)
				.header("X-API-Key", this.key))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.detail").value(containsString("ragchat.chat.generator=gemini")));
	}

	ResultActions upload(String apiKey, String filename, byte[] bytes) throws Exception {
		return this.mvc.perform(multipart("/api/v1/media")
			.file(new MockMultipartFile("file", filename, "application/octet-stream", bytes))
			.secure(true)
			.header("X-API-Key", apiKey));
	}

	String mediaId(String apiKey, String filename, byte[] bytes) throws Exception {
		return json
			.readTree(upload(apiKey, filename, bytes).andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString())
			.get("mediaId")
			.asText();
	}

	ResultActions ask(String body) throws Exception {
		return this.mvc
			.perform(post("/api/v1/sessions/" + this.session.get("sessionId").asText() + "/messages").secure(true)
				.header("Authorization", "Bearer " + this.session.get("token").asText())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body));
	}

}
