package dev.ragchat.api.knowledge;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.RagChatApplication;
import dev.ragchat.api.Calls;
import dev.ragchat.ingestion.migration.MigrationJobs;
import dev.ragchat.retrieval.onnx.InProcessModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A change of embedding model under way when the service stops: it stops at its next
 * document, still RUNNING, and the service started again on the same data directory runs
 * it again (its JobRunr job retried) to its switch, the old index answering every search
 * until then. Two services, one after the other, over HTTPS.
 */
class EmbeddingModelChangeRestartTests {

	static final String MODEL = "stub-embed";

	static final String QUERY = "When was the lighthouse on Kestrel Point automated?";

	static final String MASTER_KEY = "test-master-key-0123456789abcdef";

	static final OpenAiEmbeddingStub stub = new OpenAiEmbeddingStub();

	private static final ObjectMapper json = new ObjectMapper();

	@TempDir
	Path data;

	private final List<ConfigurableApplicationContext> services = new ArrayList<>();

	@AfterEach
	void stopServices() {
		stub.release();
		this.services.forEach(ConfigurableApplicationContext::close);
	}

	@AfterAll
	static void stopStub() {
		stub.close();
	}

	@Test
	void aChangeTheServiceStoppedInIsRunAgainWhenItIsBackWithTheOldIndexAnsweringMeanwhile() throws Exception {
		Service first = start();
		String kb = first.post("/api/v1/knowledge-bases", null, "{\"name\":\"moving\"}", 201).get("id").asText();
		String key = first
			.post("/api/v1/keys", null, "{\"scopes\":[\"chat\",\"upload\"],\"knowledgeBases\":[\"" + kb + "\"]}", 201)
			.get("key")
			.asText();
		for (String[] file : new String[][] {
				{ "lighthouse.txt",
						"The lighthouse on Kestrel Point was automated in 1987, when the last keeper left." },
				{ "harbour.txt", "The harbour of Kestrel Point was dredged in 1974 to let larger ferries in." },
				{ "museum.txt", "The keeper's cottage became a museum of the coast in 2001." } }) {
			first.awaitReady(key, first.upload(key, kb, file[0], file[1]));
		}
		String before = first.search(key, kb);
		stub.hold();
		String id = first
			.post("/api/v1/knowledge-bases/" + kb + "/embedding-model", null, "{\"model\":\"" + MODEL + "\"}", 202)
			.get("id")
			.asText();
		assertThat(stub.awaitHeld()).isTrue();
		// the service stops while the first document is embedded with the new model: the
		// request under way is answered once the service has said it stops
		first.context.addApplicationListener((ApplicationListener<ContextClosedEvent>) (event) -> {
			first.context.getBean(MigrationJobs.class).onApplicationEvent(event);
			stub.release();
		});
		first.context.close();

		stub.hold();
		Service second = start();
		// not ended by the stop: still RUNNING, on the old model, the old index answering
		JsonNode stopped = second.get("/api/v1/knowledge-bases/" + kb + "/embedding-model", null, 200);
		assertThat(stopped.get("embeddingModel").asText()).isEqualTo(InProcessModel.BGE_SMALL.name());
		assertThat(stopped.at("/migration/id").asText()).isEqualTo(id);
		assertThat(stopped.at("/migration/status").asText()).isEqualTo("RUNNING");
		assertThat(second.search(key, kb)).isEqualTo(before);
		// run again here
		assertThat(stub.awaitHeld()).isTrue();
		assertThat(second.search(key, kb)).isEqualTo(before);
		stub.release();
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> second.get("/api/v1/knowledge-bases/" + kb + "/embedding-model", null, 200)
				.at("/migration/status")
				.asText()
				.equals("SUCCEEDED"));
		JsonNode switched = second.get("/api/v1/knowledge-bases/" + kb + "/embedding-model", null, 200);
		assertThat(switched.get("embeddingModel").asText()).isEqualTo(MODEL);
		assertThat(switched.at("/migration/id").asText()).isEqualTo(id);
		assertThat(switched.at("/migration/progress/documentsDone").asInt()).isEqualTo(3);
		assertThat(second.search(key, kb)).isNotEqualTo(before);
	}

	private Service start() throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(RagChatApplication.class).run(
				"--ragchat.data-dir=" + this.data,
				"--spring.datasource.url=jdbc:h2:file:" + this.data.resolve("catalog").resolve("ragchat")
						+ ";DB_CLOSE_ON_EXIT=FALSE",
				"--ragchat.retrieval.index-dir=" + this.data.resolve("index"),
				"--ragchat.ingestion.blob-dir=" + this.data.resolve("blobs"), "--ragchat.master-key=" + MASTER_KEY,
				"--ragchat.retrieval.embedding-models.openai[0].base-url=" + stub.baseUrl(),
				"--ragchat.retrieval.embedding-models.openai[0].model=" + MODEL,
				"--ragchat.retrieval.embedding-models.openai[0].dimensions=" + OpenAiEmbeddingStub.DIMENSIONS,
				"--server.port=0");
		this.services.add(context);
		Path certificate = Path.of(context.getEnvironment().getProperty("ragchat.tls.cert"));
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.sslContext(Calls.trusting(certificate))
			.build();
		return new Service(context, client, ((WebServerApplicationContext) context).getWebServer().getPort());
	}

	/** A service started on the data directory. */
	private record Service(ConfigurableApplicationContext context, HttpClient client, int port) {

		JsonNode get(String path, String key, int status) throws Exception {
			return send(HttpRequest.newBuilder(uri(path)).GET(), key, status);
		}

		JsonNode post(String path, String key, String body, int status) throws Exception {
			return send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body)), key, status);
		}

		/** The results of a search, every chunk and score, as the response holds them. */
		String search(String key, String kb) throws Exception {
			JsonNode results = post("/api/v1/knowledge-bases/" + kb + "/search", key,
					json.writeValueAsString(java.util.Map.of("query", QUERY, "topK", 3, "mode", "vector")), 200)
				.get("results");
			assertThat(results).isNotEmpty();
			return results.toString();
		}

		String upload(String key, String kb, String filename, String text) throws Exception {
			String boundary = UUID.randomUUID().toString();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
					+ "\"\r\nContent-Type: text/plain\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n")
				.getBytes(StandardCharsets.UTF_8));
			return send(HttpRequest.newBuilder(uri("/api/v1/knowledge-bases/" + kb + "/documents"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), key, 202)
				.at("/documents/0/statusUrl")
				.asText();
		}

		void awaitReady(String key, String statusUrl) {
			await().atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(200))
				.untilAsserted(() -> assertThat(get(statusUrl, key, 200).get("status").asText()).isEqualTo("READY"));
		}

		private URI uri(String path) {
			return URI.create("https://localhost:" + this.port + path);
		}

		/**
		 * @param key an API key, or {@code null} for the master key
		 */
		private JsonNode send(HttpRequest.Builder request, String key, int status) throws Exception {
			if (key != null) {
				request.header("X-API-Key", key);
			}
			else {
				request.header("X-Master-Key", MASTER_KEY);
			}
			HttpResponse<InputStream> response = this.client.send(request.header("Accept", "application/json").build(),
					HttpResponse.BodyHandlers.ofInputStream());
			byte[] body = response.body().readAllBytes();
			assertThat(response.statusCode()).as(new String(body, StandardCharsets.UTF_8)).isEqualTo(status);
			return (body.length == 0) ? json.nullNode() : json.readTree(body);
		}

	}

}
