package dev.ragchat.api.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.api.Calls;
import dev.ragchat.ingestion.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each bad upload gets a clear 4xx or ends FAILED with a reason, nothing of it is
 * indexed, and the service keeps serving. Set up as {@code UploadLimitTests} is (the real
 * server, 1 MB uploads), so the two share one context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.servlet.multipart.max-file-size=1MB", "spring.servlet.multipart.max-request-size=1MB",
				"server.tomcat.max-part-count=5" })
@AutoConfigureMockMvc
class BadInputTests {

	private static final ObjectMapper json = new ObjectMapper();

	@Autowired
	MockMvc mvc;

	@Value("${ragchat.master-key}")
	String masterKey;

	@TempDir
	Path dir;

	String key;

	@BeforeEach
	void key() throws Exception {
		this.key = Calls.issueKey(this.mvc, this.masterKey, "{\"scopes\":[\"chat\",\"upload\"]}").get("key").asText();
	}

	@Test
	void refusesAnEmptyFile() throws Exception {
		upload("empty.txt", new byte[0]).andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("empty")));
	}

	@Test
	void refusesANonPdfNamedPdf() throws Exception {
		byte[] noise = new byte[4096];
		new Random(7).nextBytes(noise);
		upload("report.pdf", noise).andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("application/octet-stream")));
	}

	@Test
	void failsATruncatedPdfWithAReason() throws Exception {
		JsonNode doc = uploadAndAwaitEnd(TestFiles.truncatedPdf(this.dir.resolve("truncated.pdf")));
		assertThat(doc.get("status").asText()).isEqualTo("FAILED");
		assertThat(doc.get("error").asText()).isNotBlank();
	}

	@Test
	void failsAnEncryptedPdfWithAReason() throws Exception {
		JsonNode doc = uploadAndAwaitEnd(TestFiles.encryptedPdf(this.dir.resolve("locked.pdf")));
		assertThat(doc.get("status").asText()).isEqualTo("FAILED");
		assertThat(doc.get("error").asText()).contains("encrypted");
	}

	@Test
	void replacesAFailedDocumentWhenTheSameBytesAreSentAgain() throws Exception {
		Path locked = TestFiles.encryptedPdf(this.dir.resolve("again.pdf"));
		JsonNode first = uploadAndAwaitEnd(locked);
		JsonNode second = uploadAndAwaitEnd(locked);
		assertThat(second.get("status").asText()).isEqualTo("FAILED");
		assertThat(second.get("id").asText()).isNotEqualTo(first.get("id").asText());
		this.mvc
			.perform(get("/api/v1/knowledge-bases/default/documents/" + first.get("id").asText()).secure(true)
				.header("X-API-Key", this.key))
			.andExpect(status().isNotFound());
	}

	@Test
	void failsAZipBomb() throws Exception {
		JsonNode doc = uploadAndAwaitEnd(TestFiles.zipBombDocx(this.dir.resolve("bomb.docx")));
		assertThat(doc.get("status").asText()).isEqualTo("FAILED");
		assertThat(doc.get("error").asText()).containsAnyOf("zip bomb", "characters of text");
		this.mvc.perform(get("/actuator/health").secure(true)).andExpect(status().isOk());
	}

	@Test
	void failsAnXmlEntityBomb() throws Exception {
		JsonNode doc = uploadAndAwaitEnd(TestFiles.entityBombXhtml(this.dir.resolve("laughs.xhtml")));
		assertThat(doc.get("status").asText()).isEqualTo("FAILED");
		assertThat(doc.get("error").asText()).contains("entities");
	}

	@Test
	void neverReadsFilesNamedInAnXfaEntity() throws Exception {
		JsonNode doc = uploadAndAwaitEnd(TestFiles.xfaXxePdf(this.dir.resolve("xfa.pdf")));
		assertThat(doc.get("status").asText()).isEqualTo("READY");
		String results = this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/api/v1/knowledge-bases/default/search")
			.secure(true)
			.header("X-API-Key", this.key)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"query\":\"root daemon bin\",\"mode\":\"keyword\",\"topK\":50,\"filter\":{\"documentIds\":[\""
					+ doc.get("id").asText() + "\"]}}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(results).doesNotContain("root:").doesNotContain("/bin/bash");
	}

	@Test
	void storesFileNamesWithoutPathsOrControlCharacters() throws Exception {
		JsonNode submitted = json.readTree(
				upload("../../etc/pass\u0000wd\u202e.txt", "plain words".getBytes()).andExpect(status().isAccepted())
					.andReturn()
					.getResponse()
					.getContentAsString());
		assertThat(submitted.at("/documents/0/filename").asText()).isEqualTo("passwd.txt");
	}

	JsonNode uploadAndAwaitEnd(Path file) throws Exception {
		JsonNode document = Calls.uploadAndAwait(this.mvc, this.key, "default", file.getFileName().toString(),
				Files.readAllBytes(file));
		if (document.get("status").asText().equals("FAILED")) {
			assertThat(document.get("chunks")).isNull();
			assertThat(document.get("indexedChunks").asInt()).isZero();
		}
		return document;
	}

	ResultActions upload(String filename, byte[] bytes) throws Exception {
		return this.mvc.perform(multipart("/api/v1/knowledge-bases/default/documents")
			.file(new MockMultipartFile("file", filename, "application/octet-stream", bytes))
			.secure(true)
			.header("X-API-Key", this.key));
	}

}
