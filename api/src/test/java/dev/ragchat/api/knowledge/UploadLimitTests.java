package dev.ragchat.api.knowledge;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upload limits need the real server: the servlet container's multipart parsing refuses
 * an oversized request from its Content-Length, before reading the body. Set up as
 * {@code BadInputTests} is (with MockMvc), so the two share one context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.servlet.multipart.max-file-size=1MB", "spring.servlet.multipart.max-request-size=1MB",
				"server.tomcat.max-part-count=5" })
@AutoConfigureMockMvc
class UploadLimitTests {

	@LocalServerPort
	int port;

	@Value("${ragchat.master-key}")
	String masterKey;

	@Value("${ragchat.tls.cert}")
	Path certificate;

	@Test
	void refusesAnOversizedUploadWith413() throws Exception {
		HttpResponse<String> response = upload(Map.of("big.txt", "a".repeat(2 * 1024 * 1024)));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("content-type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("max-file-size");
	}

	@Test
	void refusesMoreFilesThanTheServerTakesInOneUploadSayingWhichLimit() throws Exception {
		Map<String, String> files = new LinkedHashMap<>();
		for (int i = 0; i < 6; i++) {
			files.put("note-" + i + ".txt", "Note " + i + " of a folder uploaded at once.");
		}
		HttpResponse<String> response = upload(files);
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("number of files").contains("server.tomcat.max-part-count");
	}

	private HttpResponse<String> upload(Map<String, String> files) throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.sslContext(dev.ragchat.api.Calls.trusting(this.certificate))
			.build();
		String issued = client
			.send(HttpRequest.newBuilder(URI.create("https://localhost:" + this.port + "/api/v1/keys"))
				.header("X-Master-Key", this.masterKey)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"scopes\":[\"upload\"]}"))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		String key = issued.replaceAll(".*\"key\":\"(rck_[A-Za-z0-9]+)\".*", "$1");
		String boundary = "ragchat-boundary";
		StringBuilder body = new StringBuilder();
		files.forEach((name, text) -> body.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
			.append(name)
			.append("\"\r\nContent-Type: text/plain\r\n\r\n")
			.append(text)
			.append("\r\n"));
		body.append("--").append(boundary).append("--\r\n");
		return client.send(HttpRequest
			.newBuilder(URI.create("https://localhost:" + this.port + "/api/v1/knowledge-bases/default/documents"))
			.header("X-API-Key", key)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toString().getBytes(StandardCharsets.US_ASCII)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
