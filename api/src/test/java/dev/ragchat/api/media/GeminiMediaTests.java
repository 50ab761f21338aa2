package dev.ragchat.api.media;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ragchat.answer.generate.SharedModelServers;
import dev.ragchat.api.Calls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Images, audio and structured extraction with Gemini (API key), against WireMock
 * speaking the Gemini API: Spring AI's client builds the real requests. Set up as
 * {@code GeminiApiKeyAnswerTests} is, so the two share one context.
 */
@SpringBootTest(properties = { "ragchat.chat.generator=gemini", "ragchat.chat.gemini.api-key=test-api-key" })
@AutoConfigureMockMvc
@Import(SharedModelServers.GeminiEndpoint.class)
class GeminiMediaTests {

	static final ObjectMapper json = new ObjectMapper();

	static final String PASSPORT_SCHEMA = """
			{"type":"object","properties":{
			 "country":{"type":"string"},
			 "residence_type":{"type":"string","enum":["citizen","permanent","temporary"]},
			 "passport_number":{"type":"string"},
			 "name":{"type":"string"},
			 "issue_date":{"type":"string","format":"date"},
			 "expiry_date":{"type":"string","format":"date"}},
			 "required":["country","passport_number","name","issue_date","expiry_date"]}""";

	@RegisterExtension
	static WireMockExtension gemini = SharedModelServers.gemini();

	@Autowired
	MockMvc mvc;

	@Value("${ragchat.master-key}")
	String masterKey;

	@Value("${ragchat.data-dir}")
	Path dataDir;

	String kb;

	String key;

	@BeforeEach
	void knowledgeBaseAndKey() throws Exception {
		this.kb = Calls.createKnowledgeBase(this.mvc, this.masterKey, "gemini-media");
		this.key = Calls.chatAndUploadKey(this.mvc, this.masterKey, this.kb);
		gemini.resetAll();
	}

	@Test
	void sendsImagesAndAudioToTheModelAsInlineDataWithTheirTypesStreamingToo() throws Exception {
		Calls.uploadAndAwait(this.mvc, this.key, this.kb, "harbour.txt",
				"The Gannet Rock lighthouse was automated in 1962.".getBytes(StandardCharsets.UTF_8));
		JsonNode session = Calls.startSession(this.mvc, this.key, this.kb);
		byte[] png = TestMedia.pngWithText("GANNET ROCK");
		byte[] wav = TestMedia.wavTone();
		String image = mediaId("photo.png", png);
		String audio = mediaId("question.wav", wav);
		stubAnswer("The picture shows Gannet Rock, automated in 1962 [1].");
		// JSON answer, image and audio
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/api/v1/sessions/" + session.get("sessionId").asText() + "/messages")
				.secure(true)
				.header("Authorization", "Bearer " + session.get("token").asText())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"message\":\"When was this automated?\",\"attachments\":[\"" + image + "\",\"" + audio
						+ "\"]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.grounded").value(true))
			.andExpect(jsonPath("$.citations[0].filename").value("harbour.txt"));
		List<JsonNode> parts = userParts(lastRequest());
		assertThat(parts).anySatisfy((part) -> {
			assertThat(part.at("/inlineData/mimeType").asText()).isEqualTo("image/png");
			assertThat(part.at("/inlineData/data").asText()).isEqualTo(Base64.getEncoder().encodeToString(png));
		});
		assertThat(parts).anySatisfy((part) -> {
			assertThat(part.at("/inlineData/mimeType").asText()).isEqualTo("audio/wav");
			assertThat(part.at("/inlineData/data").asText()).isEqualTo(Base64.getEncoder().encodeToString(wav));
		});
		assertThat(parts).anySatisfy((part) -> assertThat(part.path("text").asText()).contains("<sources>"));
		// streamed
		gemini.resetRequests();
		MvcResult started = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/api/v1/sessions/" + session.get("sessionId").asText() + "/messages")
				.secure(true)
				.header("Authorization", "Bearer " + session.get("token").asText())
				.accept(MediaType.TEXT_EVENT_STREAM)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"message\":\"And this one?\",\"attachments\":[\"" + image + "\"]}"))
			.andExpect(request().asyncStarted())
			.andReturn();
		String body = this.mvc.perform(asyncDispatch(started)).andReturn().getResponse().getContentAsString();
		assertThat(body).contains("event:done");
		JsonNode streamed = lastRequest();
		assertThat(gemini.findAll(postRequestedFor(urlPathMatching(".*:streamGenerateContent")))).hasSize(1);
		assertThat(userParts(streamed)).anySatisfy((part) -> {
			assertThat(part.at("/inlineData/mimeType").asText()).isEqualTo("image/png");
			assertThat(part.at("/inlineData/data").asText()).isEqualTo(Base64.getEncoder().encodeToString(png));
		});
	}

	@Test
	void extractsPassportFieldsWithTheSchemaAndTheImageAndStoresThem() throws Exception {
		byte[] png = TestMedia.pngWithText("PASSPORT", "UTOPIA", "X1234567");
		stubAnswer("{\"country\":\"Utopia\",\"residence_type\":\"citizen\",\"passport_number\":\"X1234567\","
				+ "\"name\":\"Ada Lovelace\",\"issue_date\":\"2020-01-31\",\"expiry_date\":\"2030-01-30\"}");
		JsonNode created = json.readTree(extract("passport.png", png).andExpect(status().isCreated())
			.andExpect(jsonPath("$.fields.passport_number").value("X1234567"))
			.andExpect(jsonPath("$.fields.issue_date").value("2020-01-31"))
			.andExpect(jsonPath("$.model").value("gemini-2.5-flash"))
			.andExpect(jsonPath("$.mediaId").value(org.hamcrest.Matchers.startsWith("med_")))
			.andReturn()
			.getResponse()
			.getContentAsString());
		JsonNode sent = lastRequest();
		assertThat(sent.at("/generationConfig/responseMimeType").asText()).isEqualTo("application/json");
		JsonNode schema = sent.at("/generationConfig/responseJsonSchema");
		assertThat(schema).isEqualTo(json.readTree(PASSPORT_SCHEMA));
		assertThat(schema.at("/properties/residence_type/enum").toString()).contains("permanent");
		assertThat(schema.at("/required").toString()).contains("passport_number");
		assertThat(userParts(sent)).anySatisfy((part) -> {
			assertThat(part.at("/inlineData/mimeType").asText()).isEqualTo("image/png");
			assertThat(part.at("/inlineData/data").asText()).isEqualTo(Base64.getEncoder().encodeToString(png));
		});
		String id = created.get("id").asText();
		this.mvc.perform(get("/api/v1/extractions/" + id).secure(true).header("X-API-Key", this.key))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.fields.name").value("Ada Lovelace"));
		this.mvc.perform(get("/api/v1/extractions").secure(true).header("X-API-Key", this.key))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.extractions[0].id").value(id));
		String other = Calls.issueKey(this.mvc, this.masterKey, "{}").get("key").asText();
		this.mvc.perform(get("/api/v1/extractions/" + id).secure(true).header("X-API-Key", other))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/extractions").secure(true).header("X-API-Key", other))
			.andExpect(jsonPath("$.total").value(0));
		this.mvc.perform(delete("/api/v1/extractions/" + id).secure(true).header("X-API-Key", this.key))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/extractions/" + id).secure(true).header("X-API-Key", this.key))
			.andExpect(status().isNotFound());
	}

	@Test
	void storesNothingWhenTheModelsAnswerBreaksTheSchema() throws Exception {
		// a date that is no date, a residence type outside the enum, the name missing
		stubAnswer("{\"country\":\"Utopia\",\"residence_type\":\"tourist\",\"passport_number\":\"X1234567\","
				+ "\"issue_date\":\"31/01/2020\",\"expiry_date\":\"2030-01-30\"}");
		extract("passport.png", TestMedia.pngWithText("PASSPORT")).andExpect(status().isBadGateway())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("breaks the schema")))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("name")))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("nothing was stored")));
		this.mvc.perform(get("/api/v1/extractions").secure(true).header("X-API-Key", this.key))
			.andExpect(jsonPath("$.total").value(0));
		stubAnswer("not JSON at all");
		extract("passport.png", TestMedia.pngWithText("PASSPORT")).andExpect(status().isBadGateway());
		this.mvc.perform(get("/api/v1/extractions").secure(true).header("X-API-Key", this.key))
			.andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void refusesSchemasOutsideTheSubset() throws Exception {
		this.mvc
			.perform(multipart("/api/v1/extractions")
				.file(new MockMultipartFile("file", "passport.png", "image/png", TestMedia.pngWithText("P")))
				.file(new MockMultipartFile("schema", "", "application/json",
						"{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"https://example.org/s.json\"}}}"
							.getBytes(StandardCharsets.UTF_8)))
				.secure(true)
				.header("X-API-Key", this.key))
			.andExpect(status().isBadRequest());
		assertThat(gemini.findAll(postRequestedFor(urlPathMatching("/v1beta/models/.*")))).isEmpty();
	}

	@Test
	void refusesASchemaOverTheSizeLimitBeforeCallingTheModelAndKeepsNothing() throws Exception {
		stubAnswer("{\"name\":\"Ada Lovelace\"}");
		String longDescription = "{\"type\":\"object\",\"description\":\"" + "d".repeat(100_000)
				+ "\",\"properties\":{\"name\":{\"type\":\"string\"}}}";
		StringBuilder manyValues = new StringBuilder(
				"{\"type\":\"object\",\"properties\":{\"name\":{\"type\":" + "\"string\",\"enum\":[");
		for (int i = 0; i < 50_000; i++) {
			manyValues.append((i > 0) ? "," : "").append("\"v").append(i).append('"');
		}
		manyValues.append("]}}}");
		Path media = this.dataDir.toAbsolutePath().normalize().resolve("blobs").resolve("_media");
		long mediaBefore = count(media);
		for (String schema : List.of(longDescription, manyValues.toString())) {
			this.mvc
				.perform(multipart("/api/v1/extractions")
					.file(new MockMultipartFile("file", "passport.png", "image/png", TestMedia.pngWithText("P")))
					.file(new MockMultipartFile("schema", "", "application/json",
							schema.getBytes(StandardCharsets.UTF_8)))
					.secure(true)
					.header("X-API-Key", this.key))
				.andExpect(status().isPayloadTooLarge())
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("schema")))
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("20000 characters")));
		}
		assertThat(gemini.findAll(postRequestedFor(urlPathMatching("/v1beta/models/.*")))).isEmpty();
		this.mvc.perform(get("/api/v1/extractions").secure(true).header("X-API-Key", this.key))
			.andExpect(jsonPath("$.total").value(0));
		assertThat(count(media)).isEqualTo(mediaBefore);
	}

	@Test
	void storesNothingWhenTheModelsFieldsAreOverTheStoredSize() throws Exception {
		stubAnswer("{\"name\":\"" + "A".repeat(600_000) + "\"}");
		this.mvc
			.perform(multipart("/api/v1/extractions")
				.file(new MockMultipartFile("file", "passport.png", "image/png", TestMedia.pngWithText("P")))
				.file(new MockMultipartFile("schema", "", "application/json",
						"{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}"
							.getBytes(StandardCharsets.UTF_8)))
				.secure(true)
				.header("X-API-Key", this.key))
			.andExpect(status().isBadGateway())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("nothing was stored")));
		this.mvc.perform(get("/api/v1/extractions").secure(true).header("X-API-Key", this.key))
			.andExpect(jsonPath("$.total").value(0));
	}

	private static long count(Path dir) throws Exception {
		if (!Files.isDirectory(dir)) {
			return 0;
		}
		try (var files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).count();
		}
	}

	void stubAnswer(String text) {
		String chunk = "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":" + quote(text)
				+ "}]},\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":10,"
				+ "\"candidatesTokenCount\":10,\"totalTokenCount\":20},\"modelVersion\":\"gemini-2.5-flash\"}";
		gemini.stubFor(post(urlPathMatching("/v1beta/models/gemini-2.5-flash:generateContent"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(chunk)));
		gemini.stubFor(post(urlPathMatching("/v1beta/models/gemini-2.5-flash:streamGenerateContent")).willReturn(
				aResponse().withHeader("Content-Type", "text/event-stream").withBody("data: " + chunk + "\n\n")));
	}

	static String quote(String text) {
		try {
			return json.writeValueAsString(text);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	JsonNode lastRequest() throws Exception {
		var requests = gemini.findAll(postRequestedFor(urlPathMatching("/v1beta/models/.*")));
		assertThat(requests).isNotEmpty();
		return json.readTree(requests.get(requests.size() - 1).getBodyAsString());
	}

	static List<JsonNode> userParts(JsonNode request) {
		JsonNode contents = request.get("contents");
		JsonNode last = contents.get(contents.size() - 1);
		return StreamSupport.stream(last.get("parts").spliterator(), false).toList();
	}

	String mediaId(String filename, byte[] bytes) throws Exception {
		return json.readTree(this.mvc
			.perform(multipart("/api/v1/media")
				.file(new MockMultipartFile("file", filename, "application/octet-stream", bytes))
				.secure(true)
				.header("X-API-Key", this.key))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()).get("mediaId").asText();
	}

	ResultActions extract(String filename, byte[] bytes) throws Exception {
		return this.mvc
			.perform(multipart("/api/v1/extractions").file(new MockMultipartFile("file", filename, "image/png", bytes))
				.file(new MockMultipartFile("schema", "", "application/json",
						PASSPORT_SCHEMA.getBytes(StandardCharsets.UTF_8)))
				.secure(true)
				.header("X-API-Key", this.key));
	}

}
