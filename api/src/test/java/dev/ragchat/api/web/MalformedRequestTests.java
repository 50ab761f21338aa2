package dev.ragchat.api.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.api.Calls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed requests over the real HTTPS listener (Tomcat parses multipart bodies itself,
 * so MockMvc could not show these): each is a 4xx problem without internals, never a 500.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MalformedRequestTests {

	private static final ObjectMapper json = new ObjectMapper();

	private static final String BOUNDARY = "ragchat-boundary";

	@LocalServerPort
	int port;

	@Value("${ragchat.master-key}")
	String masterKey;

	@Value("${ragchat.tls.cert}")
	Path certificate;

	HttpClient client;

	String uploadKey;

	@BeforeEach
	void client() throws Exception {
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.sslContext(Calls.trusting(this.certificate))
			.build();
		HttpResponse<String> issued = this.client.send(request("/api/v1/keys").header("X-Master-Key", this.masterKey)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"scopes\":[\"upload\"]}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		this.uploadKey = json.readTree(issued.body()).get("key").asText();
	}

	@Test
	void refusesAFilenameWithANulCharacter() throws Exception {
		byte[] body = ("--" + BOUNDARY
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"evil\0.txt\"\r\n"
				+ "Content-Type: text/plain\r\n\r\nThe harbour has three piers and one lighthouse.\r\n--" + BOUNDARY
				+ "--\r\n")
			.getBytes(StandardCharsets.UTF_8);
		assertProblem(upload("multipart/form-data; boundary=" + BOUNDARY, body), 400);
	}

	@Test
	void refusesAMultipartBodyCutBeforeItsClosingBoundary() throws Exception {
		byte[] body = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cut.txt\"\r\n"
				+ "Content-Type: text/plain\r\n\r\nThe harbour has three piers and one")
			.getBytes(StandardCharsets.UTF_8);
		assertProblem(upload("multipart/form-data; boundary=" + BOUNDARY, body), 400);
	}

	@Test
	void refusesAMultipartContentTypeWithoutBoundary() throws Exception {
		byte[] body = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
				+ "Content-Type: text/plain\r\n\r\nThe harbour has three piers.\r\n--" + BOUNDARY + "--\r\n")
			.getBytes(StandardCharsets.UTF_8);
		assertProblem(upload("multipart/form-data", body), 400);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/error", "/error?trace=true" })
	void answersADirectRequestForTheErrorPathWith404(String path) throws Exception {
		assertProblem(this.client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()), 404);
	}

	private HttpResponse<String> upload(String contentType, byte[] body) throws Exception {
		return this.client.send(request("/api/v1/knowledge-bases/default/documents").header("X-API-Key", this.uploadKey)
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("https://localhost:" + this.port + path));
	}

	private static void assertProblem(HttpResponse<String> response, int status) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("content-type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		// no internals: no exception names, stack frames or trace
		assertThat(response.body()).doesNotContain("Exception")
			.doesNotContain("at org.")
			.doesNotContain("\"trace\"")
			.doesNotContain("tomcat");
	}

}
