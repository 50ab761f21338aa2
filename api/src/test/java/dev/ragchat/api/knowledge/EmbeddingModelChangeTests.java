package dev.ragchat.api.knowledge;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractWebIntegrationTests;
import dev.ragchat.api.Calls;
import dev.ragchat.ingestion.migration.EmbeddingMigration;
import dev.ragchat.ingestion.migration.EmbeddingMigrationStore;
import dev.ragchat.ingestion.migration.EmbeddingMigrations;
import dev.ragchat.ingestion.migration.MigrationJobs;
import dev.ragchat.retrieval.ChunkIndexes;
import dev.ragchat.retrieval.onnx.InProcessModel;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.states.EnqueuedState;
import org.jobrunr.jobs.states.ProcessingState;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A knowledge base moves from the in-process bge-small to a second embedding model (an
 * OpenAI-compatible server, stubbed) through the API, while it is searched: searches
 * answer from the old index until the switch and from the new one after it, never a mix;
 * a cancelled or failed change leaves the old index as it was.
 */
class EmbeddingModelChangeTests extends AbstractWebIntegrationTests {

	static final String MODEL = "stub-embed";

	static final String QUERY = "When was the lighthouse on Kestrel Point automated?";

	static final String TAKEN_OVER_QUERY = "In which year did the last keeper of the Kestrel Point lighthouse leave?";

	static final OpenAiEmbeddingStub stub = new OpenAiEmbeddingStub();

	@DynamicPropertySource
	static void secondModel(DynamicPropertyRegistry registry) {
		registry.add("ragchat.retrieval.embedding-models.openai[0].base-url", stub::baseUrl);
		registry.add("ragchat.retrieval.embedding-models.openai[0].model", () -> MODEL);
		registry.add("ragchat.retrieval.embedding-models.openai[0].dimensions", () -> OpenAiEmbeddingStub.DIMENSIONS);
		registry.add("ragchat.retrieval.embedding-models.minilm", () -> "true");
	}

	@AfterAll
	static void stopStub() {
		stub.close();
	}

	@Autowired
	ChunkIndexes indexes;

	@Autowired
	EmbeddingMigrations migrations;

	@Autowired
	EmbeddingMigrationStore store;

	@Autowired
	StorageProvider jobs;

	String kb;

	String key;

	List<String> documents = new ArrayList<>();

	@BeforeEach
	void knowledgeBase() throws Exception {
		stub.reset();
		this.kb = createKnowledgeBase("moving");
		this.key = chatAndUploadKey(this.kb);
		upload("lighthouse.txt", "The lighthouse on Kestrel Point was automated in 1987, when the last keeper left.");
		upload("harbour.txt", "The harbour of Kestrel Point was dredged in 1974 to let larger ferries in.");
		upload("museum.txt", "The keeper's cottage became a museum of the coast in 2001.");
	}

	@Test
	void listsTheModelsAKnowledgeBaseMayMoveTo() throws Exception {
		this.mvc.perform(get("/api/v1/embedding-models").secure(true).header("X-API-Key", this.key))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.models[0].name").value(InProcessModel.BGE_SMALL.name()))
			.andExpect(jsonPath("$.models[0].default").value(true))
			.andExpect(jsonPath("$.models[1].name").value(InProcessModel.MINILM.name()))
			.andExpect(jsonPath("$.models[1].dimensions").value(384))
			.andExpect(jsonPath("$.models[1].default").value(false))
			.andExpect(jsonPath("$.models[2].name").value(MODEL))
			.andExpect(jsonPath("$.models[2].dimensions").value(OpenAiEmbeddingStub.DIMENSIONS));
		model().andExpect(status().isOk())
			.andExpect(jsonPath("$.embeddingModel").value(InProcessModel.BGE_SMALL.name()))
			.andExpect(jsonPath("$.migration").doesNotExist());
	}

	@Test
	void searchAnswersThroughoutTheChangeFromOneModelAndSwitchesAtOnce() throws Exception {
		String before = results("vector");
		String beforeHybrid = results("hybrid");
		stub.hold();
		change(MODEL).andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("RUNNING"))
			.andExpect(jsonPath("$.from.model").value(InProcessModel.BGE_SMALL.name()))
			.andExpect(jsonPath("$.to.model").value(MODEL))
			.andExpect(jsonPath("$.to.dimensions").value(OpenAiEmbeddingStub.DIMENSIONS));
		assertThat(stub.awaitHeld()).isTrue();
		// under way: the knowledge base is still on its model, and every search answers
		// from its old index, the query embedded by the old model
		model().andExpect(jsonPath("$.embeddingModel").value(InProcessModel.BGE_SMALL.name()))
			.andExpect(jsonPath("$.migration.status").value("RUNNING"))
			.andExpect(jsonPath("$.migration.progress.documentsTotal").value(3))
			.andExpect(jsonPath("$.migration.progress.chunksTotal").value(3))
			.andExpect(jsonPath("$.migration.progress.documentsDone").value(0));
		for (int i = 0; i < 3; i++) {
			assertThat(results("vector")).isEqualTo(before);
			assertThat(results("hybrid")).isEqualTo(beforeHybrid);
		}
		assertThat(stub.requests()).noneMatch((inputs) -> inputs.contains(QUERY));
		// a document uploaded meanwhile ends in both indexes
		String ferry = submit("ferry.txt", "The ferry timetable changed in 2010 when the new quay opened.");
		List<String> seen = new ArrayList<>();
		stub.release();
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).until(() -> {
			seen.add(results("vector"));
			return migrationStatus().equals("SUCCEEDED");
		});
		String after = results("vector");
		assertThat(after).isNotEqualTo(before);
		// every search answered, from the old index until the switch and from the new
		// one after it, never going back
		int switched = seen.indexOf(after);
		for (int i = 0; i < seen.size(); i++) {
			assertThat(seen.get(i)).isEqualTo((switched >= 0 && i >= switched) ? after : before);
		}
		assertThat(stub.requests()).anyMatch((inputs) -> inputs.equals(List.of(QUERY)));
		model().andExpect(jsonPath("$.embeddingModel").value(MODEL))
			.andExpect(jsonPath("$.dimensions").value(OpenAiEmbeddingStub.DIMENSIONS))
			.andExpect(jsonPath("$.migration.status").value("SUCCEEDED"))
			.andExpect(jsonPath("$.migration.finishedAt").exists());
		this.mvc.perform(get("/api/v1/knowledge-bases/" + this.kb).secure(true).header("X-API-Key", this.key))
			.andExpect(jsonPath("$.embeddingModel").value(MODEL))
			.andExpect(jsonPath("$.dimensions").value(OpenAiEmbeddingStub.DIMENSIONS));
		awaitReady(ferry);
		assertThat(search("When did the ferry timetable change?", "vector", 1)).contains("ferry.txt");
		// the new index holds every document, the old one none
		for (String document : this.documents) {
			assertThat(this.indexes.index(MODEL).count(document)).as(document).isPositive();
			assertThat(this.indexes.index(InProcessModel.BGE_SMALL.name()).count(document)).as(document).isZero();
		}
	}

	/**
	 * The in-process all-MiniLM-L6-v2: the knowledge base's chunks and its queries are
	 * embedded by MiniLM after the switch, so its vector search ranks by MiniLM's
	 * vectors.
	 */
	@Test
	void movesToTheInProcessMiniLmAndSearchesWithItsVectors() throws Exception {
		String before = results("vector");
		change(InProcessModel.MINILM.name()).andExpect(status().isAccepted());
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> migrationStatus().equals("SUCCEEDED"));
		model().andExpect(jsonPath("$.embeddingModel").value(InProcessModel.MINILM.name()))
			.andExpect(jsonPath("$.dimensions").value(384));
		String after = results("vector");
		assertThat(after).isNotEqualTo(before);
		assertThat(search(QUERY, "vector", 1)).contains("lighthouse.txt");
		for (String document : this.documents) {
			assertThat(this.indexes.index(InProcessModel.MINILM.name()).count(document)).as(document).isPositive();
			assertThat(this.indexes.index(InProcessModel.BGE_SMALL.name()).count(document)).as(document).isZero();
		}
		assertThat(stub.requests()).isEmpty();
	}

	@Test
	void aCancelledChangeLeavesTheOldIndex() throws Exception {
		String before = results("vector");
		stub.hold();
		String id = json
			.readTree(change(MODEL).andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString())
			.get("id")
			.asText();
		assertThat(stub.awaitHeld()).isTrue();
		this.mvc
			.perform(delete("/api/v1/knowledge-bases/" + this.kb + "/embedding-model").secure(true)
				.header("X-Master-Key", this.masterKey))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CANCELLED"));
		stub.release();
		await().atMost(Duration.ofSeconds(90)).until(() -> !this.migrations.runsHere(id));
		model().andExpect(jsonPath("$.embeddingModel").value(InProcessModel.BGE_SMALL.name()))
			.andExpect(jsonPath("$.migration.status").value("CANCELLED"));
		assertThat(results("vector")).isEqualTo(before);
		for (String document : this.documents) {
			assertThat(this.indexes.index(MODEL).count(document)).isZero();
			assertThat(this.indexes.index(InProcessModel.BGE_SMALL.name()).count(document)).isPositive();
		}
		// nothing runs now
		this.mvc
			.perform(delete("/api/v1/knowledge-bases/" + this.kb + "/embedding-model").secure(true)
				.header("X-Master-Key", this.masterKey))
			.andExpect(status().isConflict());
	}

	@Test
	void aFailedChangeLeavesTheOldIndexAndSaysWhy() throws Exception {
		String before = results("vector");
		stub.failWith(500);
		change(MODEL).andExpect(status().isAccepted());
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
			assertThat(results("vector")).isEqualTo(before);
			return migrationStatus().equals("FAILED");
		});
		model().andExpect(jsonPath("$.embeddingModel").value(InProcessModel.BGE_SMALL.name()))
			.andExpect(jsonPath("$.migration.error").value(org.hamcrest.Matchers.containsString(MODEL)))
			.andExpect(jsonPath("$.migration.error").value(org.hamcrest.Matchers.containsString("500")));
		assertThat(results("vector")).isEqualTo(before);
		for (String document : this.documents) {
			assertThat(this.indexes.index(MODEL).count(document)).isZero();
		}
	}

	/**
	 * A node that ran a change died (kill -9, or a service stopped mid-way, whose job is
	 * retried the same way) with a document in the new index: JobRunr finds its job
	 * orphaned and runs it again here, searches reading the old index all the while, and
	 * the knowledge base switches once every chunk is in again.
	 */
	@Test
	void aChangeCutOffByADeadNodeIsRunAgainAndSwitchesWithTheOldIndexAnsweringMeanwhile() throws Exception {
		// a query of its own: the query vectors of each model are cached
		String before = search(TAKEN_OVER_QUERY, "vector", 3);
		String id = leftByADeadNode();
		stub.hold();
		dieWhileRunning(id, MigrationJobs.RETRIES);
		// taken over here: still RUNNING, the old index answering
		assertThat(stub.awaitHeld()).isTrue();
		model().andExpect(jsonPath("$.embeddingModel").value(InProcessModel.BGE_SMALL.name()))
			.andExpect(jsonPath("$.migration.id").value(id))
			.andExpect(jsonPath("$.migration.status").value("RUNNING"));
		assertThat(search(TAKEN_OVER_QUERY, "vector", 3)).isEqualTo(before);
		stub.release();
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> migrationStatus().equals("SUCCEEDED"));
		model().andExpect(jsonPath("$.embeddingModel").value(MODEL))
			.andExpect(jsonPath("$.migration.id").value(id))
			.andExpect(jsonPath("$.migration.progress.documentsDone").value(3))
			.andExpect(jsonPath("$.migration.progress.chunksDone").value(3));
		assertThat(search(TAKEN_OVER_QUERY, "vector", 3)).isNotEqualTo(before);
		// the old index's chunks go once the switch is written
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
			for (String document : this.documents) {
				assertThat(this.indexes.index(MODEL).count(document)).as(document).isEqualTo(1);
				assertThat(this.indexes.index(InProcessModel.BGE_SMALL.name()).count(document)).as(document).isZero();
			}
		});
	}

	/**
	 * A change cut off on every try (JobRunr gives up on its job) ends FAILED, saying
	 * why: the new index's chunks are dropped and the old index answers as before.
	 */
	@Test
	void aChangeCutOffOnEveryTryEndsFailedSayingWhyAndLeavesTheOldIndex() throws Exception {
		String before = results("vector");
		String id = leftByADeadNode();
		int requests = stub.requests().size();
		dieWhileRunning(id, 0);
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> migrationStatus().equals("FAILED"));
		model().andExpect(jsonPath("$.embeddingModel").value(InProcessModel.BGE_SMALL.name()))
			.andExpect(jsonPath("$.migration.error").value(org.hamcrest.Matchers.startsWith("Interrupted: ")))
			.andExpect(jsonPath("$.migration.error")
				.value(org.hamcrest.Matchers.containsString("stays on " + InProcessModel.BGE_SMALL.name())));
		// the new index's chunks are dropped once the migration is FAILED (the status
		// is written first, so that a migration another node ended is never dropped)
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(this.indexes.index(MODEL).count(this.documents.get(0))).isZero());
		assertThat(results("vector")).isEqualTo(before);
		// not run again
		assertThat(stub.requests()).hasSize(requests);
		// the knowledge base may change again
		stub.hold();
		change(MODEL).andExpect(status().isAccepted());
		this.mvc
			.perform(delete("/api/v1/knowledge-bases/" + this.kb + "/embedding-model").secure(true)
				.header("X-Master-Key", this.masterKey))
			.andExpect(status().isOk());
		stub.release();
	}

	/**
	 * What a node that died in the middle of a change leaves in the catalog: the change
	 * RUNNING with its first document in the new index.
	 * @return the change's id
	 */
	private String leftByADeadNode() {
		String id = "emb_dead" + this.kb;
		Instant started = Instant.now().minusSeconds(120);
		assertThat(this.store.start(new EmbeddingMigration(id, this.kb, InProcessModel.BGE_SMALL.name(), 384, MODEL,
				OpenAiEmbeddingStub.DIMENSIONS, EmbeddingMigration.Status.RUNNING, 1, 3, 1, 3, null, started, null)))
			.isTrue();
		String document = this.documents.get(0);
		this.indexes.index(MODEL)
			.replace(document, this.indexes.index(InProcessModel.BGE_SMALL.name()).chunks(document), (count) -> {
			});
		assertThat(this.indexes.index(MODEL).count(document)).isPositive();
		return id;
	}

	/**
	 * What it leaves in JobRunr's store: the change's job PROCESSING on a job server that
	 * stopped updating it a minute ago.
	 * @param id the change
	 * @param retries how often JobRunr may run the job again
	 */
	private void dieWhileRunning(String id, int retries) {
		Instant died = Instant.now().minusSeconds(60);
		Job job = new Job(MigrationJobs.jobId(id), 0, new JobDetails(new MigrationJobs.Move(id)),
				List.of(new EnqueuedState(died.minusSeconds(30)),
						new ProcessingState(UUID.randomUUID(), "died", died.minusSeconds(30), died)),
				new ConcurrentHashMap<>());
		job.setAmountOfRetries(retries);
		this.jobs.save(job);
	}

	@Test
	void refusesAnUnknownModelTheSameModelASecondChangeAndOtherKeys() throws Exception {
		change("no-such-model").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(MODEL)));
		change(InProcessModel.BGE_SMALL.name()).andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/api/v1/knowledge-bases/" + this.kb + "/embedding-model").secure(true)
				.header("X-API-Key", this.key)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"model\":\"" + MODEL + "\"}"))
			.andExpect(status().isForbidden());
		stub.hold();
		change(MODEL).andExpect(status().isAccepted());
		change(MODEL).andExpect(status().isConflict());
		this.mvc
			.perform(delete("/api/v1/knowledge-bases/" + this.kb + "/embedding-model").secure(true)
				.header("X-Master-Key", this.masterKey))
			.andExpect(status().isOk());
		stub.release();
	}

	private ResultActions change(String model) throws Exception {
		return this.mvc.perform(post("/api/v1/knowledge-bases/" + this.kb + "/embedding-model").secure(true)
			.header("X-Master-Key", this.masterKey)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("model", model))));
	}

	private ResultActions model() throws Exception {
		return this.mvc.perform(get("/api/v1/knowledge-bases/" + this.kb + "/embedding-model").secure(true)
			.header("X-API-Key", this.key));
	}

	private String migrationStatus() throws Exception {
		JsonNode body = json.readTree(model().andReturn().getResponse().getContentAsString());
		return body.at("/migration/status").asText();
	}

	/** The results of a search, every chunk and score, as the response holds them. */
	private String results(String mode) throws Exception {
		return search(QUERY, mode, 3);
	}

	private String search(String query, String mode, int topK) throws Exception {
		String body = this.mvc
			.perform(post("/api/v1/knowledge-bases/" + this.kb + "/search").secure(true)
				.header("X-API-Key", this.key)
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(Map.of("query", query, "topK", topK, "mode", mode))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode results = json.readTree(body).get("results");
		assertThat(results).isNotEmpty();
		return results.toString();
	}

	private void upload(String filename, String text) throws Exception {
		JsonNode document = Calls.uploadAndAwait(this.mvc, this.key, this.kb, filename,
				text.getBytes(StandardCharsets.UTF_8));
		assertThat(document.get("status").asText()).isEqualTo("READY");
		this.documents.add(document.get("id").asText());
	}

	private String submit(String filename, String text) throws Exception {
		String id = json
			.readTree(
					this.mvc
						.perform(
								multipart("/api/v1/knowledge-bases/" + this.kb + "/documents")
									.file(new MockMultipartFile("file", filename, "text/plain",
											text.getBytes(StandardCharsets.UTF_8)))
									.secure(true)
									.header("X-API-Key", this.key))
						.andExpect(status().isAccepted())
						.andReturn()
						.getResponse()
						.getContentAsString())
			.at("/documents/0/id")
			.asText();
		this.documents.add(id);
		return id;
	}

	private void awaitReady(String document) {
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
			JsonNode body = json.readTree(
					this.mvc
						.perform(get("/api/v1/knowledge-bases/" + this.kb + "/documents/" + document).secure(true)
							.header("X-API-Key", this.key))
						.andReturn()
						.getResponse()
						.getContentAsString());
			return body.get("status").asText().equals("READY");
		});
	}

}
