package dev.ragchat.api.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.RagChatApplication;
import dev.ragchat.api.Calls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A backup taken while the service ingests and answers, restored into an empty data
 * directory, and a service started on it: the same search results, the same master key
 * and API keys. A tampered backup, or a non-empty directory, is refused. The services run
 * with the data directory's own layout and generated secrets, as in production.
 */
class BackupRestoreTests {

	private static final ObjectMapper json = new ObjectMapper();

	private static final String QUERY = "When was the lighthouse on Kestrel Point automated?";

	@TempDir
	Path dir;

	private final List<ConfigurableApplicationContext> services = new ArrayList<>();

	@AfterEach
	void stopServices() {
		this.services.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void restoresABackupTakenWhileIngestingAndAnsweringWithTheSameSearchResultsAndKeys() throws Exception {
		Path data = this.dir.resolve("data");
		Path backups = this.dir.resolve("backups");
		Seeded seeded = seed(data, backups);
		Service original = seeded.service();
		String masterKey = seeded.masterKey();
		String apiKey = seeded.apiKey();
		String kb = seeded.knowledgeBase();

		// ingest a larger document and answer questions while the backup is taken
		ExecutorService load = Executors.newFixedThreadPool(2);
		AtomicBoolean asking = new AtomicBoolean(true);
		AtomicInteger answered = new AtomicInteger();
		String statusUrl = original.upload(apiKey, kb, "log.md", harbour(400));
		JsonNode session = original.post("/api/v1/sessions", "X-API-Key", apiKey, "{\"knowledgeBase\":\"" + kb + "\"}",
				201);
		Future<?> questions = load.submit(() -> {
			while (asking.get()) {
				original.post("/api/v1/sessions/" + session.get("sessionId").asText() + "/messages", "Authorization",
						"Bearer " + session.get("token").asText(), "{\"message\":\"" + QUERY + "\"}", 200);
				answered.incrementAndGet();
			}
			return null;
		});
		await().atMost(Duration.ofSeconds(60)).until(() -> answered.get() > 0);
		JsonNode backup = original.post("/api/v1/admin/backups", "X-Master-Key", masterKey, "", 201);
		asking.set(false);
		questions.get();
		load.shutdown();
		assertThat(backup.get("counts").get("knowledgeBases").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(backup.get("counts").get("documents").asLong()).isEqualTo(2);
		assertThat(backup.get("counts").get("apiKeys").asLong()).isEqualTo(1);
		assertThat(backup.get("embeddingModel").asText()).isNotBlank();
		String name = backup.get("name").asText();
		assertThat(original.get("/api/v1/admin/backups", "X-Master-Key", masterKey, 200).get("backups"))
			.anySatisfy((listed) -> assertThat(listed.get("name").asText()).isEqualTo(name));
		original.awaitReady(apiKey, statusUrl);
		JsonNode expected = original.search(apiKey, kb);
		assertThat(expected.get("results")).isNotEmpty();
		original.context.close();

		Path restored = this.dir.resolve("restored");
		assertThat(restore(name, backups, restored)).isZero();
		Service service = start(restored, backups);
		assertThat(Files.readString(restored.resolve("master.key")).strip()).isEqualTo(masterKey);
		// the key that seals the model API keys in the catalog comes back with it
		assertThat(restored.resolve("model-secrets.key")).hasSameBinaryContentAs(data.resolve("model-secrets.key"));
		service.awaitReady(apiKey, statusUrl);
		JsonNode actual = service.search(apiKey, kb);
		assertThat(withoutScores(actual)).isEqualTo(withoutScores(expected));
		assertThat(service.get("/api/v1/keys", "X-Master-Key", masterKey, 200).toString()).contains("chat");
	}

	@Test
	void refusesATamperedBackupAndLeavesTheDirectoryEmpty() throws Exception {
		Path data = this.dir.resolve("data");
		Path backups = this.dir.resolve("backups");
		Seeded seeded = seed(data, backups);
		Service original = seeded.service();
		String masterKey = seeded.masterKey();
		String apiKey = seeded.apiKey();
		String kb = seeded.knowledgeBase();
		String name = original.post("/api/v1/admin/backups", "X-Master-Key", masterKey, "", 201).get("name").asText();
		original.context.close();

		Path tampered = this.dir.resolve("tampered").resolve(name);
		Files.createDirectories(tampered.getParent());
		rewrite(backups.resolve(name), tampered, "blobs/");
		Path target = this.dir.resolve("restored");
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = Restore.run(new String[] { "--restore=" + tampered, "--ragchat.data-dir=" + target },
				new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(status).isOne();
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("fails its checksum");
		assertThat(!Files.exists(target) || isEmpty(target)).isTrue();

		// the untouched backup restores; restoring it again over what it wrote is refused
		assertThat(restore(name, backups, target)).isZero();
		ByteArrayOutputStream again = new ByteArrayOutputStream();
		assertThat(Restore.run(
				new String[] { "--restore=" + name, "--ragchat.backup.target=" + backups,
						"--ragchat.data-dir=" + target },
				new PrintStream(new ByteArrayOutputStream()), new PrintStream(again, true, StandardCharsets.UTF_8)))
			.isOne();
		assertThat(again.toString(StandardCharsets.UTF_8)).contains("is not empty");
	}

	private static int restore(String name, Path backups, Path target) {
		return Restore.run(new String[] { "--restore=" + name, "--ragchat.backup.target=" + backups,
				"--ragchat.data-dir=" + target }, new PrintStream(new ByteArrayOutputStream()), System.err);
	}

	/** Copies an archive, changing one byte of the first file under a prefix. */
	private static void rewrite(Path archive, Path copy, String prefix) throws IOException {
		boolean changed = false;
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(archive));
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] bytes = in.readAllBytes();
				if (!changed && entry.getName().startsWith(prefix) && bytes.length > 0) {
					bytes[bytes.length / 2] ^= 1;
					changed = true;
				}
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(bytes);
				out.closeEntry();
			}
		}
		assertThat(changed).isTrue();
	}

	private static boolean isEmpty(Path dir) throws IOException {
		try (Stream<Path> entries = Files.list(dir)) {
			return entries.findAny().isEmpty();
		}
	}

	private static String withoutScores(JsonNode results) {
		List<String> hits = new ArrayList<>();
		results.get("results")
			.forEach((r) -> hits
				.add(r.get("chunkId").asText() + " " + r.get("documentId").asText() + " " + r.get("text").asText()));
		return String.join("\n", hits);
	}

	private static byte[] harbour(int paragraphs) {
		StringBuilder text = new StringBuilder(
				"# Kestrel Point\n\nThe lighthouse on Kestrel Point was automated in 1987.\n");
		for (int i = 1; i < paragraphs; i++) {
			text.append("\n## Entry ")
				.append(i)
				.append("\n\nOn day ")
				.append(i)
				.append(" the harbour master logged ")
				.append(i * 7 % 13)
				.append(" vessels and a tide of ")
				.append(i % 5)
				.append(" metres at the Kestrel Point quay.\n");
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Starts a service on an empty data dir with an API key and a knowledge base holding
	 * one READY document.
	 */
	private Seeded seed(Path data, Path backups) throws Exception {
		Service service = start(data, backups);
		String masterKey = Files.readString(data.resolve("master.key")).strip();
		String apiKey = service
			.post("/api/v1/keys", "X-Master-Key", masterKey, "{\"scopes\":[\"chat\",\"upload\"]}", 201)
			.get("key")
			.asText();
		String kb = service.post("/api/v1/knowledge-bases", "X-Master-Key", masterKey, "{\"name\":\"harbour\"}", 201)
			.get("id")
			.asText();
		service.awaitReady(apiKey, service.upload(apiKey, kb, "harbour.md", harbour(1)));
		return new Seeded(service, masterKey, apiKey, kb);
	}

	private Service start(Path data, Path backups) throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(RagChatApplication.class).run(
				"--ragchat.data-dir=" + data,
				"--spring.datasource.url=jdbc:h2:file:" + data.resolve("catalog").resolve("ragchat")
						+ ";DB_CLOSE_ON_EXIT=FALSE",
				"--ragchat.retrieval.index-dir=" + data.resolve("index"),
				"--ragchat.ingestion.blob-dir=" + data.resolve("blobs"), "--ragchat.master-key=",
				"--ragchat.jwt.secret=", "--ragchat.backup.target=" + backups, "--server.port=0");
		this.services.add(context);
		Path certificate = Path.of(context.getEnvironment().getProperty("ragchat.tls.cert"));
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.sslContext(Calls.trusting(certificate))
			.build();
		return new Service(context, client, ((WebServerApplicationContext) context).getWebServer().getPort());
	}

	private record Service(ConfigurableApplicationContext context, HttpClient client, int port) {

		JsonNode get(String path, String header, String credential, int status) throws Exception {
			return send(HttpRequest.newBuilder(uri(path)).header(header, credential).GET(), status);
		}

		JsonNode post(String path, String header, String credential, String body, int status) throws Exception {
			return send(HttpRequest.newBuilder(uri(path))
				.header(header, credential)
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body)), status);
		}

		String upload(String apiKey, String kb, String filename, byte[] bytes) throws Exception {
			String boundary = UUID.randomUUID().toString();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
					+ "\"\r\nContent-Type: text/markdown\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.write(bytes);
			body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			JsonNode submitted = send(HttpRequest.newBuilder(uri("/api/v1/knowledge-bases/" + kb + "/documents"))
				.header("X-API-Key", apiKey)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), 202);
			return submitted.at("/documents/0/statusUrl").asText();
		}

		void awaitReady(String apiKey, String statusUrl) {
			await().atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(200))
				.untilAsserted(() -> assertThat(get(statusUrl, "X-API-Key", apiKey, 200).get("status").asText())
					.isEqualTo("READY"));
		}

		JsonNode search(String apiKey, String kb) throws Exception {
			return post("/api/v1/knowledge-bases/" + kb + "/search", "X-API-Key", apiKey,
					"{\"query\":\"" + QUERY + "\",\"topK\":10}", 200);
		}

		private URI uri(String path) {
			return URI.create("https://localhost:" + this.port + path);
		}

		private JsonNode send(HttpRequest.Builder request, int status) throws Exception {
			HttpResponse<InputStream> response = this.client.send(request.build(),
					HttpResponse.BodyHandlers.ofInputStream());
			byte[] body = response.body().readAllBytes();
			assertThat(response.statusCode()).as(new String(body, StandardCharsets.UTF_8)).isEqualTo(status);
			return (body.length == 0) ? json.nullNode() : json.readTree(body);
		}

	}

	private record Seeded(Service service, String masterKey, String apiKey, String knowledgeBase) {

	}

}
