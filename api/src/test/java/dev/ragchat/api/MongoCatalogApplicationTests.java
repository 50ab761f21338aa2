package dev.ragchat.api;

import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import dev.ragchat.api.evaluation.DeadProcess;
import dev.ragchat.api.evaluation.Evaluation;
import dev.ragchat.api.evaluation.EvaluationStore;
import dev.ragchat.ingestion.TestFiles;
import dev.ragchat.ingestion.jobs.JobRunrMemoryBackend;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole service with its catalog on MongoDB ({@code ragchat.catalog.store=mongodb},
 * here an in-process wire-protocol server): keys, knowledge bases, documents and their
 * jobs, sessions and history all live in MongoDB, and no SQL catalog is opened.
 */
@SpringBootTest(properties = "ragchat.catalog.store=mongodb")
@AutoConfigureMockMvc
class MongoCatalogApplicationTests {

	// the in-memory backend with JobRunr's migrations working (mongo-java-server 1.47.0's
	// dropIndexes("*"), see JobRunrMemoryBackend)
	static final MongoServer server = new MongoServer(new JobRunrMemoryBackend());

	static final String uri = server.bindAndGetConnectionString();

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		registry.add("spring.data.mongodb.uri", () -> uri);
		registry.add("spring.data.mongodb.database", () -> "ragchat");
	}

	@AfterAll
	static void stop() {
		server.shutdownNow();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	EvaluationStore evaluations;

	@Autowired
	StorageProvider jobs;

	@Value("${ragchat.master-key}")
	String masterKey;

	@TempDir
	Path dir;

	@Test
	void answersFromADocumentWithEverythingCatalogedInMongoDb() throws Exception {
		String kb = Calls.createKnowledgeBase(this.mvc, this.masterKey, "harbour");
		String key = Calls.chatAndUploadKey(this.mvc, this.masterKey, kb);
		JsonNode document = Calls.uploadAndAwait(this.mvc, key, kb, "harbour.pdf",
				java.nio.file.Files.readAllBytes(TestFiles.factsPdf(this.dir.resolve("harbour.pdf"))));
		assertThat(document.get("status").asText()).isEqualTo("READY");
		JsonNode session = Calls.startSession(this.mvc, key, kb);
		String sessionId = session.get("sessionId").asText();
		String token = session.get("token").asText();
		this.mvc
			.perform(post("/api/v1/sessions/" + sessionId + "/messages").secure(true)
				.header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"message\":\"When was the lighthouse on Kestrel Point automated?\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.answer").value(containsString("1987")))
			.andExpect(jsonPath("$.citations[0].page").value(3));
		this.mvc
			.perform(get("/api/v1/sessions/" + sessionId + "/messages").secure(true)
				.header("Authorization", "Bearer " + token))
			.andExpect(jsonPath("$.total").value(2));

		try (MongoClient client = MongoClients.create(uri)) {
			var db = client.getDatabase("ragchat");
			assertThat(db.getCollection("knowledge_bases").countDocuments()).isEqualTo(2); // default
																							// +
																							// harbour
			assertThat(db.getCollection("documents").countDocuments()).isEqualTo(1);
			assertThat(db.getCollection("api_keys").countDocuments()).isEqualTo(1);
			assertThat(db.getCollection("chat_sessions").countDocuments()).isEqualTo(1);
			assertThat(db.getCollection("chat_messages").countDocuments()).isEqualTo(2);
		}
		assertThat(this.context.getBeanNamesForType(javax.sql.DataSource.class)).isEmpty();
	}

	@Test
	void anEvaluationWhoseServiceDiedIsResumedWithItsJobInMongoDb() throws Exception {
		// on the default knowledge base (the other test counts the knowledge bases)
		String id = DeadProcess.leave(this.evaluations, this.jobs, "default", """
				{"id": "dredged", "question": "When was the harbour dredged?", "documents": ["harbour"]}
				{"id": "nitrogen", "question": "What is the boiling point of liquid nitrogen?", "refuse": true}
				""", 3);
		// JobRunr's jobs live in the catalog's database, where the live service found the
		// orphan and ran it again
		await().atMost(Duration.ofSeconds(120))
			.until(() -> this.evaluations.find(id).orElseThrow().status() == Evaluation.Status.DONE);
		assertThat(this.evaluations.find(id).orElseThrow().done()).isEqualTo(2);
		assertThat(this.evaluations.questions(id, 0, 10).get(0).answer()).isEqualTo(DeadProcess.KEPT_ANSWER);
		try (MongoClient client = MongoClients.create(uri)) {
			assertThat(client.getDatabase("ragchat").listCollectionNames()).contains("jobrunr_jobs",
					"jobrunr_background_job_servers");
		}
	}

	@Test
	void refusesBackupsOutsideTheEmbeddedModeWithAConflictThatSaysWhatToUse() throws Exception {
		this.mvc.perform(post("/api/v1/admin/backups").secure(true).header("X-Master-Key", this.masterKey))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("their own tools")));
	}

}
