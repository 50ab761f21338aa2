package dev.ragchat.api.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractWebIntegrationTests;
import dev.ragchat.api.Calls;
import dev.ragchat.ingestion.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A document's passages as indexed, and reading a document again.
 */
class DocumentTextTests extends AbstractWebIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void listsADocumentsPassagesInOrderToAKeyThatMayUseIt() throws Exception {
		String kb = createKnowledgeBase("passages");
		String key = chatAndUploadKey(kb);
		String other = issueKey("{\"knowledgeBases\":[\"default\"]}");
		Path docx = TestFiles.handbookDocx(this.dir.resolve("handbook.docx"));
		String id = Calls.uploadAndAwait(this.mvc, key, kb, "handbook.docx", Files.readAllBytes(docx))
			.get("id")
			.asText();
		this.mvc
			.perform(get("/api/v1/knowledge-bases/" + kb + "/documents/" + id + "/chunks").secure(true)
				.header("X-API-Key", key))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.chunks[0].ordinal").value(0))
			.andExpect(jsonPath("$.chunks[*].text")
				.value(org.hamcrest.Matchers.hasItem(containsString(TestFiles.DOCX_FACT))));
		this.mvc
			.perform(get("/api/v1/knowledge-bases/" + kb + "/documents/" + id + "/chunks").secure(true)
				.header("X-API-Key", other))
			.andExpect(status().isNotFound());
	}

	@Test
	void ingestsAReadyDocumentAgainAndRefusesAFailedOne() throws Exception {
		String kb = createKnowledgeBase("again");
		String key = chatAndUploadKey(kb);
		String reader = issueKey("{\"scopes\":[\"chat\"],\"knowledgeBases\":[\"" + kb + "\"]}");
		Path pdf = TestFiles.factsPdf(this.dir.resolve("harbour.pdf"));
		JsonNode ready = Calls.uploadAndAwait(this.mvc, key, kb, "harbour.pdf", Files.readAllBytes(pdf));
		String id = ready.get("id").asText();
		String path = "/api/v1/knowledge-bases/" + kb + "/documents/" + id;
		this.mvc.perform(post(path + "/reingest").secure(true).header("X-API-Key", reader))
			.andExpect(status().isForbidden());
		this.mvc.perform(post(path + "/reingest").secure(true).header("X-API-Key", key))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.id").value(id));
		JsonNode again = json
			.readTree(this.mvc.perform(get(path + "?waitSeconds=60").secure(true).header("X-API-Key", key))
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(again.get("status").asText()).isEqualTo("READY");
		assertThat(again.get("readyAt").asText()).isNotEqualTo(ready.get("readyAt").asText());
		assertThat(again.get("indexedChunks").asInt()).isEqualTo(ready.get("chunks").asInt());

		Path locked = TestFiles.encryptedPdf(this.dir.resolve("locked.pdf"));
		String failed = Calls.uploadAndAwait(this.mvc, key, kb, "locked.pdf", Files.readAllBytes(locked))
			.get("id")
			.asText();
		this.mvc
			.perform(post("/api/v1/knowledge-bases/" + kb + "/documents/" + failed + "/reingest").secure(true)
				.header("X-API-Key", key))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("send its bytes again")));
	}

}
