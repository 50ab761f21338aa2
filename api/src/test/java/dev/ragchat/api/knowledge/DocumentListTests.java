package dev.ragchat.api.knowledge;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractWebIntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The document list paged, sorted and searched by name; metadata changed after upload and
 * seen by search filters; the upload limit told to clients.
 */
class DocumentListTests extends AbstractWebIntegrationTests {

	String kb;

	String key;

	@BeforeEach
	void knowledgeBaseAndKey() throws Exception {
		this.kb = createKnowledgeBase("list");
		this.key = chatAndUploadKey(this.kb);
	}

	@Test
	void pagesSortsAndSearchesTheDocumentsByName() throws Exception {
		upload("beta-report.txt", "The beta report about ferries and their long timetables.");
		upload("alpha.txt", "Alpha.");
		upload("gamma-report.txt", "The gamma report, of middling length.");
		JsonNode all = list("");
		// without paging parameters: every document, oldest first, as before
		assertThat(names(all)).containsExactly("beta-report.txt", "alpha.txt", "gamma-report.txt");
		assertThat(all.get("total").asInt()).isEqualTo(3);
		assertThat(all.has("limit")).isFalse();
		assertThat(names(list("?sort=name"))).containsExactly("alpha.txt", "beta-report.txt", "gamma-report.txt");
		assertThat(names(list("?sort=-size"))).containsExactly("beta-report.txt", "gamma-report.txt", "alpha.txt");
		JsonNode page = list("?sort=name&offset=1&limit=1");
		assertThat(names(page)).containsExactly("beta-report.txt");
		assertThat(page.get("total").asInt()).isEqualTo(3);
		assertThat(page.get("offset").asInt()).isEqualTo(1);
		assertThat(page.get("limit").asInt()).isEqualTo(1);
		JsonNode found = list("?q=REPORT&sort=-name");
		assertThat(names(found)).containsExactly("gamma-report.txt", "beta-report.txt");
		assertThat(found.get("total").asInt()).isEqualTo(2);
	}

	@Test
	void refusesBadPagingValuesWithAProblem() throws Exception {
		for (String bad : List.of("?limit=0", "?limit=501", "?offset=-1", "?sort=colour", "?sort=--name",
				"?q=" + "x".repeat(201), "?limit=many")) {
			this.mvc
				.perform(get("/api/v1/knowledge-bases/" + this.kb + "/documents" + bad).secure(true)
					.header("X-API-Key", this.key))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").isNotEmpty())
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(containsString("Exception"))));
		}
	}

	@Test
	void tellsTheUploadLimitWithTheList() throws Exception {
		JsonNode limits = list("").get("limits");
		// spring.servlet.multipart.max-file-size (100MB) and max-request-size (200MB)
		assertThat(limits.get("maxFileBytes").asLong()).isEqualTo(100L * 1024 * 1024);
		assertThat(limits.get("maxRequestBytes").asLong()).isEqualTo(200L * 1024 * 1024);
	}

	@Test
	void changedMetadataReachesTheSearchFiltersAsANewVersion() throws Exception {
		String doc = upload("budget.txt", "The ferry budget grows by four percent next year.");
		awaitVersion(doc, 1);
		this.mvc
			.perform(patch("/api/v1/knowledge-bases/" + this.kb + "/documents/" + doc).secure(true)
				.header("X-API-Key", this.key)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"metadata\":{\"department\":\"finance\",\"year\":2025}}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.replaced").value(true));
		awaitVersion(doc, 2);
		assertThat(filtered("{\"key\":\"department\",\"op\":\"eq\",\"value\":\"finance\"}")).containsExactly(doc);
		assertThat(filtered("{\"key\":\"year\",\"op\":\"gte\",\"value\":2025}")).containsExactly(doc);
		assertThat(filtered("{\"key\":\"department\",\"op\":\"eq\",\"value\":\"sales\"}")).isEmpty();
		// the same metadata again changes nothing
		this.mvc
			.perform(patch("/api/v1/knowledge-bases/" + this.kb + "/documents/" + doc).secure(true)
				.header("X-API-Key", this.key)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"metadata\":{\"year\":2025,\"department\":\"finance\"}}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.replaced").value(false));
	}

	@Test
	void refusesMetadataThatIsNotAnObjectAndAChatOnlyKey() throws Exception {
		String doc = upload("notes.txt", "Short notes.");
		for (String body : List.of("{\"metadata\":[1]}", "{}", "{\"metadata\":\"x\"}")) {
			this.mvc
				.perform(patch("/api/v1/knowledge-bases/" + this.kb + "/documents/" + doc).secure(true)
					.header("X-API-Key", this.key)
					.contentType(MediaType.APPLICATION_JSON)
					.content(body))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(containsString("metadata")));
		}
		String chat = issueKey("{\"scopes\":[\"chat\"]}");
		this.mvc
			.perform(patch("/api/v1/knowledge-bases/" + this.kb + "/documents/" + doc).secure(true)
				.header("X-API-Key", chat)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"metadata\":{\"a\":\"b\"}}"))
			.andExpect(status().isForbidden());
	}

	private List<String> filtered(String filter) throws Exception {
		JsonNode results = json.readTree(this.mvc
			.perform(post("/api/v1/knowledge-bases/" + this.kb + "/search").secure(true)
				.header("X-API-Key", this.key)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"query\":\"ferry budget\",\"filter\":" + filter + "}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).get("results");
		return results.findValuesAsText("documentId").stream().distinct().toList();
	}

	private void awaitVersion(String doc, int version) {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> this.mvc
				.perform(get("/api/v1/knowledge-bases/" + this.kb + "/documents/" + doc).secure(true)
					.header("X-API-Key", this.key))
				.andExpect(jsonPath("$.status").value("READY"))
				.andExpect(jsonPath("$.version").value(version)));
	}

	private String upload(String name, String text) throws Exception {
		JsonNode submitted = json.readTree(this.mvc
			.perform(multipart("/api/v1/knowledge-bases/" + this.kb + "/documents")
				.file(new MockMultipartFile("file", name, "text/plain", text.getBytes()))
				.secure(true)
				.header("X-API-Key", this.key))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString());
		return submitted.at("/documents/0/id").asText();
	}

	private JsonNode list(String query) throws Exception {
		return json.readTree(this.mvc
			.perform(get("/api/v1/knowledge-bases/" + this.kb + "/documents" + query).secure(true)
				.header("X-API-Key", this.key))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static List<String> names(JsonNode list) {
		return list.get("documents").findValuesAsText("filename");
	}

}
