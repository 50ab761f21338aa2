package dev.ragchat.api.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractWebIntegrationTests;
import dev.ragchat.ingestion.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Uploads through HTTP to a searchable, page-cited index: the real readers, chunker,
 * embedding model and Lucene index.
 */
class DocumentIngestionTests extends AbstractWebIntegrationTests {

	@TempDir
	Path dir;

	String kb;

	String key;

	@BeforeEach
	void knowledgeBaseAndKey() throws Exception {
		this.kb = createKnowledgeBase("tests");
		this.key = chatAndUploadKey(this.kb);
	}

	@Test
	void findsAFactOnPageThreeOfAPdf() throws Exception {
		String doc = uploadAndAwait(TestFiles.factsPdf(this.dir.resolve("harbour.pdf")), "READY");
		this.mvc
			.perform(get("/api/v1/knowledge-bases/" + this.kb + "/documents/" + doc).secure(true)
				.header("X-API-Key", this.key))
			.andExpect(jsonPath("$.mediaType").value("application/pdf"))
			.andExpect(jsonPath("$.pages").value(4))
			.andExpect(jsonPath("$.progress.pagesDone").value(4))
			.andExpect(jsonPath("$.sha256").isNotEmpty());
		for (String mode : new String[] { "vector", "keyword", "hybrid" }) {
			search("When was the lighthouse on Kestrel Point automated?", mode)
				.andExpect(jsonPath("$.results[0].documentId").value(doc))
				.andExpect(jsonPath("$.results[0].page").value(3))
				.andExpect(jsonPath("$.results[0].text").value(containsString("automated in 1987")))
				.andExpect(jsonPath("$.results[0].filename").value("harbour.pdf"));
		}
	}

	@Test
	void keepsTheHeadingPathOfADocx() throws Exception {
		uploadAndAwait(TestFiles.handbookDocx(this.dir.resolve("handbook.docx")), "READY");
		search("Where does the agent keep its cache on Linux?", "hybrid")
			.andExpect(jsonPath("$.results[0].headingPath").value("Setup > Linux"))
			.andExpect(jsonPath("$.results[0].text").value(TestFiles.DOCX_FACT));
	}

	@Test
	void findsAMarkdownFileOfHeadingsOnlyByKeyword() throws Exception {
		String doc = uploadAndAwait(Files.writeString(this.dir.resolve("commands.md"), "## Commands\n\n### Options\n"),
				"READY");
		search("options", "keyword").andExpect(jsonPath("$.results[0].documentId").value(doc))
			.andExpect(jsonPath("$.results[0].text").value("Commands\n\nOptions"));
	}

	@Test
	void filtersSearchOnDocumentMetadata() throws Exception {
		JsonNode submitted = json.readTree(this.mvc
			.perform(multipart("/api/v1/knowledge-bases/" + this.kb + "/documents")
				.file(new MockMultipartFile("file", "ops.txt", "text/plain",
						"The ferry timetable changes in October.".getBytes()))
				.file(new MockMultipartFile("metadata", "", "application/json",
						"{\"team\":\"ops\",\"year\":2024}".getBytes()))
				.secure(true)
				.header("X-API-Key", this.key))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString());
		String url = submitted.at("/documents/0/statusUrl").asText();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> this.mvc.perform(get(url).secure(true).header("X-API-Key", this.key))
				.andExpect(jsonPath("$.status").value("READY"))
				.andExpect(jsonPath("$.metadata.team").value("ops")));
		for (String team : new String[] { "ops", "dev" }) {
			this.mvc
				.perform(post("/api/v1/knowledge-bases/" + this.kb + "/search").secure(true)
					.header("X-API-Key", this.key)
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"query\":\"ferry timetable\",\"filter\":{\"metadata\":{\"team\":\"" + team
							+ "\",\"year\":\"2024\"}}}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.results.length()").value(team.equals("ops") ? 1 : 0));
		}
	}

	@Test
	void filtersSearchWithOperatorsOverMetadataAndDocumentFields() throws Exception {
		for (int year : new int[] { 2019, 2023 }) {
			String url = json
				.readTree(
						this.mvc
							.perform(
									multipart("/api/v1/knowledge-bases/" + this.kb + "/documents")
										.file(new MockMultipartFile("file", "report-" + year + ".txt", "text/plain",
												("The lighthouse report for " + year + " counts the ships.")
													.getBytes()))
										.file(new MockMultipartFile("metadata", "", "application/json",
												("{\"year\":" + year + ",\"form\":\"10-K\"}").getBytes()))
										.secure(true)
										.header("X-API-Key", this.key))
							.andExpect(status().isAccepted())
							.andReturn()
							.getResponse()
							.getContentAsString())
				.at("/documents/0/statusUrl")
				.asText();
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> this.mvc.perform(get(url).secure(true).header("X-API-Key", this.key))
					.andExpect(jsonPath("$.status").value("READY")));
		}
		String[][] cases = {
				{ "{\"and\":[{\"key\":\"year\",\"op\":\"gte\",\"value\":2021},"
						+ "{\"key\":\"form\",\"op\":\"in\",\"value\":[\"10-K\",\"10-Q\"]}]}", "report-2023.txt" },
				{ "{\"key\":\"filename\",\"op\":\"eq\",\"value\":\"report-2019.txt\"}", "report-2019.txt" },
				{ "{\"key\":\"mediaType\",\"op\":\"ne\",\"value\":\"text/plain\"}", null },
				{ "{\"key\":\"colour\",\"op\":\"ne\",\"value\":\"red\"}", null } };
		for (String[] filterCase : cases) {
			var result = this.mvc
				.perform(post("/api/v1/knowledge-bases/" + this.kb + "/search").secure(true)
					.header("X-API-Key", this.key)
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"query\":\"lighthouse report ships\",\"mode\":\"keyword\",\"filter\":" + filterCase[0]
							+ "}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.results.length()").value((filterCase[1] != null) ? 1 : 0));
			if (filterCase[1] != null) {
				result.andExpect(jsonPath("$.results[0].filename").value(filterCase[1]));
			}
		}
		this.mvc
			.perform(post("/api/v1/knowledge-bases/" + this.kb + "/search").secure(true)
				.header("X-API-Key", this.key)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"query\":\"lighthouse\",\"filter\":{\"and\":[{\"key\":\"year\",\"op\":\"after\","
						+ "\"value\":2021}]}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("filter.and[0].op: 'after'")));
	}

	@Test
	void replacesADocumentInPlaceKeepingItsIdAndListsItsVersions() throws Exception {
		String url = json
			.readTree(this.mvc
				.perform(multipart("/api/v1/knowledge-bases/" + this.kb + "/documents")
					.file(new MockMultipartFile("file", "notice.txt", "text/plain",
							"The quay closes at noon for repairs.".getBytes()))
					.secure(true)
					.header("X-API-Key", this.key))
				.andExpect(status().isAccepted())
				.andReturn()
				.getResponse()
				.getContentAsString())
			.at("/documents/0/statusUrl")
			.asText();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> this.mvc.perform(get(url).secure(true).header("X-API-Key", this.key))
				.andExpect(jsonPath("$.status").value("READY")));
		this.mvc
			.perform(multipart(org.springframework.http.HttpMethod.PUT, url)
				.file(new MockMultipartFile("file", "notice.txt", "text/plain",
						"The quay reopens at dusk after repairs.".getBytes()))
				.file(new MockMultipartFile("metadata", "", "application/json", "{\"issue\":2}".getBytes()))
				.secure(true)
				.header("X-API-Key", this.key))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.replaced").value(true))
			.andExpect(jsonPath("$.statusUrl").value(url));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> this.mvc.perform(get(url).secure(true).header("X-API-Key", this.key))
				.andExpect(jsonPath("$.status").value("READY"))
				.andExpect(jsonPath("$.version").value(2)));
		this.mvc.perform(get(url + "/versions").secure(true).header("X-API-Key", this.key))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.current").value(2))
			.andExpect(jsonPath("$.versions.length()").value(2))
			.andExpect(jsonPath("$.versions[0].version").value(1))
			.andExpect(jsonPath("$.versions[0].supersededAt").isNotEmpty())
			.andExpect(jsonPath("$.versions[1].current").value(true))
			.andExpect(jsonPath("$.versions[1].metadata.issue").value(2));
		this.mvc.perform(post("/api/v1/knowledge-bases/" + this.kb + "/search").secure(true)
			.header("X-API-Key", this.key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"query\":\"quay\",\"mode\":\"keyword\",\"filter\":{\"key\":\"version\",\"op\":\"eq\",\"value\":2}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.results.length()").value(1))
			.andExpect(jsonPath("$.results[0].text").value(org.hamcrest.Matchers.containsString("reopens")));
	}

	@Test
	void servesTheOriginalBack() throws Exception {
		Path pdf = TestFiles.factsPdf(this.dir.resolve("original.pdf"));
		String doc = uploadAndAwait(pdf, "READY");
		byte[] served = this.mvc
			.perform(get("/api/v1/knowledge-bases/" + this.kb + "/documents/" + doc + "/content").secure(true)
				.header("X-API-Key", this.key))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(served).isEqualTo(Files.readAllBytes(pdf));
	}

	@Test
	void returnsTheExistingDocumentForTheSameBytes() throws Exception {
		Path pdf = TestFiles.factsPdf(this.dir.resolve("same.pdf"));
		String first = uploadAndAwait(pdf, "READY");
		upload(pdf).andExpect(status().isAccepted())
			.andExpect(jsonPath("$.documents[0].id").value(first))
			.andExpect(jsonPath("$.documents[0].duplicateOf").value(first));
	}

	@Test
	void givesOneDocumentForConcurrentUploadsOfTheSameBytes() throws Exception {
		java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			for (int round = 0; round < 4; round++) {
				Path file = Files.writeString(this.dir.resolve("same-" + round + ".txt"), "Round " + round
						+ ": the same bytes, uploaded eight times at once. " + java.util.UUID.randomUUID());
				String idempotencyKey = (round % 2 == 0) ? null : "key-" + java.util.UUID.randomUUID();
				java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(8);
				List<java.util.concurrent.Future<String>> uploads = new java.util.ArrayList<>();
				for (int i = 0; i < 8; i++) {
					uploads.add(threads.submit(() -> {
						start.await();
						return json
							.readTree(upload(file, idempotencyKey).andExpect(status().isAccepted())
								.andReturn()
								.getResponse()
								.getContentAsString())
							.at("/documents/0/id")
							.asText();
					}));
				}
				java.util.Set<String> ids = new java.util.HashSet<>();
				for (java.util.concurrent.Future<String> upload : uploads) {
					ids.add(upload.get(60, java.util.concurrent.TimeUnit.SECONDS));
				}
				assertThat(ids).as("round %d", round).hasSize(1);
				String sha = java.util.HexFormat.of()
					.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
				JsonNode listed = json.readTree(
						this.mvc
							.perform(get("/api/v1/knowledge-bases/" + this.kb + "/documents").secure(true)
								.header("X-API-Key", this.key))
							.andReturn()
							.getResponse()
							.getContentAsString());
				List<String> withSha = new java.util.ArrayList<>();
				listed.at("/documents").forEach((d) -> {
					if (d.get("sha256").asText().equals(sha)) {
						withSha.add(d.get("id").asText());
					}
				});
				assertThat(withSha).as("round %d", round).containsExactlyElementsOf(ids);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void refusesAReusedIdempotencyKeyWithAnotherBody() throws Exception {
		Path one = TestFiles.factsPdf(this.dir.resolve("one.pdf"));
		Path two = TestFiles.handbookDocx(this.dir.resolve("two.docx"));
		String id = json.readTree(
				upload(one, "key-1").andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString())
			.at("/documents/0/id")
			.asText();
		upload(one, "key-1").andExpect(status().isAccepted()).andExpect(jsonPath("$.documents[0].id").value(id));
		upload(two, "key-1").andExpect(status().isUnprocessableEntity())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void hidesOtherKnowledgeBasesFromAKey() throws Exception {
		String other = createKnowledgeBase("other");
		this.mvc
			.perform(multipart("/api/v1/knowledge-bases/" + other + "/documents")
				.file(new MockMultipartFile("file", "a.txt", "text/plain", "hello".getBytes()))
				.secure(true)
				.header("X-API-Key", this.key))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/knowledge-bases/" + other).secure(true).header("X-API-Key", this.key))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/knowledge-bases").secure(true).header("X-API-Key", this.key))
			.andExpect(jsonPath("$.knowledgeBases[*].id").value(org.hamcrest.Matchers.contains(this.kb)));
	}

	String uploadAndAwait(Path file, String status) throws Exception {
		JsonNode submitted = json
			.readTree(upload(file).andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString());
		String id = submitted.at("/documents/0/id").asText();
		String url = submitted.at("/documents/0/statusUrl").asText();
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> this.mvc.perform(get(url).secure(true).header("X-API-Key", this.key))
				.andExpect(jsonPath("$.status").value(status)));
		return id;
	}

	ResultActions upload(Path file) throws Exception {
		return upload(file, null);
	}

	ResultActions upload(Path file, String idempotencyKey) throws Exception {
		var request = multipart("/api/v1/knowledge-bases/" + this.kb + "/documents")
			.file(new MockMultipartFile("file", file.getFileName().toString(), "application/octet-stream",
					Files.readAllBytes(file)))
			.secure(true)
			.header("X-API-Key", this.key);
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return this.mvc.perform(request);
	}

	ResultActions search(String query, String mode) throws Exception {
		return this.mvc
			.perform(post("/api/v1/knowledge-bases/" + this.kb + "/search").secure(true)
				.header("X-API-Key", this.key)
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(java.util.Map.of("query", query, "mode", mode, "topK", 3))))
			.andExpect(status().isOk());
	}

}
