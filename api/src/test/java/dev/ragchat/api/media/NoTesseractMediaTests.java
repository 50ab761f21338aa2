package dev.ragchat.api.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.api.Calls;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Without a model and without Tesseract, an image question is refused with a clear 422.
 */
@SpringBootTest(properties = "ragchat.ingestion.ocr-command=no-such-tesseract-here")
@AutoConfigureMockMvc
class NoTesseractMediaTests {

	@Autowired
	MockMvc mvc;

	@Value("${ragchat.master-key}")
	String masterKey;

	@Test
	void refusesAnImageQuestionNamingTesseractAndTheSetting() throws Exception {
		String key = Calls.issueKey(this.mvc, this.masterKey, "{}").get("key").asText();
		var session = Calls.startSession(this.mvc, key, "default");
		String media = new ObjectMapper().readTree(this.mvc
			.perform(multipart("/api/v1/media")
				.file(new MockMultipartFile("file", "x.png", "image/png", TestMedia.pngWithText("TEXT")))
				.secure(true)
				.header("X-API-Key", key))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()).get("mediaId").asText();
		this.mvc
			.perform(post("/api/v1/sessions/" + session.get("sessionId").asText() + "/messages").secure(true)
				.header("Authorization", "Bearer " + session.get("token").asText())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"message\":\"What does it say?\",\"attachments\":[\"" + media + "\"]}"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail").value(containsString("tesseract-ocr")))
			.andExpect(jsonPath("$.detail").value(containsString("ragchat.chat.generator=gemini")));
	}

}
