package dev.ragchat.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.ingestion.TestFiles;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The set-up of tests that go through the real HTTPS listener (Tomcat, the security
 * filter chain, the error valve): the whole service on a random port with its default
 * backends (one cached context for every subclass), a client that trusts exactly the
 * service's development certificate, the master key, and the first calls a caller makes.
 * Every call answers its status, headers and body, whatever the status. MockMvc is
 * configured as for {@link AbstractWebIntegrationTests}, whose subclasses share this
 * context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class AbstractHttpsIntegrationTests {

	protected static final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	protected int port;

	@Value("${ragchat.master-key}")
	protected String masterKey;

	@Value("${ragchat.tls.cert}")
	protected Path certificate;

	@Value("${ragchat.data-dir}")
	protected Path dataDir;

	protected HttpClient httpClient;

	protected RestClient rest;

	@BeforeEach
	void httpsClient() throws Exception {
		this.httpClient = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.sslContext(Calls.trusting(this.certificate))
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		this.rest = RestClient.builder()
			.requestFactory(new JdkClientHttpRequestFactory(this.httpClient))
			.baseUrl(url(""))
			.build();
	}

	/**
	 * @param path a path with its query, sent as it is (no encoding)
	 * @return its https URL on the test server
	 */
	protected String url(String path) {
		return "https://localhost:" + this.port + path;
	}

	/**
	 * @param request a request
	 * @return its answer, whatever the status
	 */
	protected Answer call(RestClient.RequestHeadersSpec<?> request) {
		return request.exchange((sent, response) -> new Answer(response.getStatusCode().value(), response.getHeaders(),
				response.getBody().readAllBytes()));
	}

	/**
	 * @param method the method
	 * @param path a path sent as it is (no encoding)
	 * @param credentialHeader e.g. {@code X-API-Key}, or {@code null} for none
	 * @param credential its value
	 * @return the answer
	 */
	protected Answer call(String method, String path, String credentialHeader, String credential) {
		return call(this.rest.method(org.springframework.http.HttpMethod.valueOf(method))
			.uri(URI.create(url(path)))
			.headers((headers) -> {
				if (credentialHeader != null) {
					headers.set(credentialHeader, credential);
				}
			}));
	}

	/**
	 * @param path a path
	 * @param credentialHeader the credential's header
	 * @param credential its value
	 * @param body a JSON body
	 * @return the answer
	 */
	protected Answer postJson(String path, String credentialHeader, String credential, String body) {
		return call(this.rest.post()
			.uri(URI.create(url(path)))
			.header(credentialHeader, credential)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body));
	}

	/**
	 * @param path a path
	 * @param credentialHeader the credential's header
	 * @param credential its value
	 * @param parts the multipart form's parts (byte[] parts with {@link #file})
	 * @return the answer
	 */
	protected Answer postMultipart(String path, String credentialHeader, String credential,
			MultiValueMap<String, Object> parts) {
		return call(this.rest.post()
			.uri(URI.create(url(path)))
			.header(credentialHeader, credential)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts));
	}

	/**
	 * @param filename the name the file part carries
	 * @param bytes its content
	 * @return a file part
	 */
	protected static ByteArrayResource file(String filename, byte[] bytes) {
		return new ByteArrayResource(bytes) {

			@Override
			public String getFilename() {
				return filename;
			}

		};
	}

	/**
	 * @param body the key request, e.g. {@code {"scopes":["chat"]}}
	 * @return a new API key
	 */
	protected String issueKey(String body) {
		Answer issued = postJson("/api/v1/keys", "X-Master-Key", this.masterKey, body);
		assertThat(issued.status()).as(issued.text()).isEqualTo(201);
		return issued.json().get("key").asText();
	}

	/**
	 * @param knowledgeBase the one knowledge base the key may use
	 * @return a new key that may chat in and upload to it
	 */
	protected String chatAndUploadKey(String knowledgeBase) {
		return issueKey(Calls.chatAndUploadKeyRequest(knowledgeBase));
	}

	/**
	 * @param name its name
	 * @return the id of a new knowledge base
	 */
	protected String createKnowledgeBase(String name) {
		Answer created = postJson("/api/v1/knowledge-bases", "X-Master-Key", this.masterKey,
				"{\"name\":\"" + name + "\"}");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.json().get("id").asText();
	}

	/**
	 * Uploads one file and waits until its ingestion ends.
	 * @param apiKey a key with the upload scope
	 * @param knowledgeBase where to
	 * @param filename the name it is sent with
	 * @param bytes its content
	 * @return the document as its status URL shows it at the end (READY or FAILED)
	 */
	protected JsonNode uploadAndAwait(String apiKey, String knowledgeBase, String filename, byte[] bytes) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", file(filename, bytes));
		Answer submitted = postMultipart("/api/v1/knowledge-bases/" + knowledgeBase + "/documents", "X-API-Key", apiKey,
				parts);
		assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
		String statusUrl = submitted.json().at("/documents/0/statusUrl").asText();
		JsonNode[] last = new JsonNode[1];
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
			last[0] = call("GET", statusUrl, "X-API-Key", apiKey).json();
			String status = last[0].get("status").asText();
			return status.equals("READY") || status.equals("FAILED");
		});
		return last[0];
	}

	/**
	 * Uploads a text file and waits until it is READY.
	 * @param apiKey a key with the upload scope
	 * @param knowledgeBase where to
	 * @param filename the name it is sent with
	 * @param text its content, sent as UTF-8
	 * @return the document's id
	 */
	protected String uploadReady(String apiKey, String knowledgeBase, String filename, String text) {
		JsonNode uploaded = uploadAndAwait(apiKey, knowledgeBase, filename, text.getBytes(StandardCharsets.UTF_8));
		assertThat(uploaded.get("status").asText()).as(uploaded.toString()).isEqualTo("READY");
		return uploaded.get("id").asText();
	}

	/**
	 * Starts a chat session on one knowledge base.
	 * @param apiKey a key with the chat scope
	 * @param knowledgeBase the knowledge base
	 * @return the session as {@code POST /api/v1/sessions} answers it ({@code sessionId},
	 * {@code token}, ...)
	 */
	protected JsonNode startSession(String apiKey, String knowledgeBase) {
		Answer started = postJson("/api/v1/sessions", "X-API-Key", apiKey,
				"{\"knowledgeBase\":\"" + knowledgeBase + "\"}");
		assertThat(started.status()).as(started.text()).isEqualTo(201);
		return started.json();
	}

	/**
	 * @param session a session as {@link #startSession} answers it
	 * @param body the message request, e.g. {@code {"message":"…"}}
	 * @return the answer to it, whatever the status, sent with the session's token
	 */
	protected Answer postMessage(JsonNode session, String body) {
		return postJson(sessionPath(session) + "/messages", "Authorization", bearerOf(session), body);
	}

	/**
	 * @param session a session as {@link #startSession} answers it
	 * @param question a question, written into JSON as it is (no quotes or backslashes)
	 * @return the answer, which must be a 200
	 */
	protected JsonNode askIn(JsonNode session, String question) {
		Answer answer = postMessage(session, "{\"message\":\"" + question + "\"}");
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		return answer.json();
	}

	/**
	 * @param session a session as {@link #startSession} answers it
	 * @return its history as {@code GET /api/v1/sessions/{id}/messages} answers it
	 */
	protected JsonNode historyOf(JsonNode session) {
		Answer history = call("GET", sessionPath(session) + "/messages", "Authorization", bearerOf(session));
		assertThat(history.status()).as(history.text()).isEqualTo(200);
		return history.json();
	}

	/**
	 * @param session a session as {@link #startSession} answers it
	 * @return its path, {@code /api/v1/sessions/{id}}
	 */
	protected static String sessionPath(JsonNode session) {
		return "/api/v1/sessions/" + session.get("sessionId").asText();
	}

	/**
	 * @param session a session as {@link #startSession} answers it
	 * @return the {@code Authorization} header of its token
	 */
	protected static String bearerOf(JsonNode session) {
		return "Bearer " + session.get("token").asText();
	}

	/**
	 * Uploads the harbour facts PDF ({@code TestFiles.factsPdf}, written into the
	 * directory) and waits until it is READY.
	 * @param apiKey a key with the upload scope
	 * @param knowledgeBase where to
	 * @param dir where the PDF is written first
	 * @return the document's id
	 */
	protected String uploadFactsPdf(String apiKey, String knowledgeBase, Path dir) throws IOException {
		JsonNode uploaded = uploadAndAwait(apiKey, knowledgeBase, "harbour.pdf",
				Files.readAllBytes(TestFiles.factsPdf(dir.resolve("harbour.pdf"))));
		assertThat(uploaded.get("status").asText()).isEqualTo("READY");
		return uploaded.get("id").asText();
	}

	/**
	 * An answer of the service.
	 *
	 * @param status the status code
	 * @param headers the headers
	 * @param body the body
	 */
	public record Answer(int status, HttpHeaders headers, byte[] body) {

		public String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		public JsonNode json() {
			try {
				return AbstractHttpsIntegrationTests.json.readTree(this.body);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Not JSON: " + text(), ex);
			}
		}

		/**
		 * Asserts an RFC 9457 problem of this status.
		 * @param expected the status
		 * @return its detail
		 */
		public String problem(int expected) {
			assertThat(this.status).as(text()).isEqualTo(expected);
			assertThat(this.headers.getContentType()).as(text())
				.isNotNull()
				.satisfies((type) -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
			assertThat(json().get("status").asInt()).isEqualTo(expected);
			return json().path("detail").asText();
		}

	}

}
