package dev.ragchat.api.chat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractHttpsIntegrationTests;
import dev.ragchat.api.Calls;
import dev.ragchat.api.HeldModelServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A streamed answer's response, its status and the security headers, reaches the client
 * before the model has said a word: it is committed on the request's thread as the stream
 * opens, not by the first token the answering thread sends (which raced the request's
 * thread writing the security headers on its way out of the filter chain: two threads
 * writing one response's headers at once, which once broke Tomcat's HTTP/2 header
 * encoder). The model is an OpenAI-compatible server over real HTTP that holds its answer
 * back until the test has the response's headers; the answer is asked over HTTP/2 through
 * the API's two streams, {@code /messages} and {@code /v1}, and then goes on to its end
 * as before. {@code /v1} sends a first chunk naming the role before it asks the model, so
 * its headers came early before too, but committed on whichever thread came first: what
 * commits them on the request's thread is the comment each stream opens with, checked as
 * the stream's first line.
 */
class StreamedAnswerHeadersBeforeTheFirstTokenTests extends AbstractHttpsIntegrationTests {

	private static final String QUESTION = "When was the lighthouse on Kestrel Point automated?";

	/**
	 * How long the client waits for the response's headers: far more than they take, so
	 * that only headers held back until the model speaks (which it never does while the
	 * test waits) run it out.
	 */
	private static final Duration HEADERS = Duration.ofSeconds(20);

	/** What the model says once released, as the answer carries it. */
	private static final String SPOKEN = "automated in 1987";

	/**
	 * Why a stream opens with a comment: sent before the stream's emitter is returned, it
	 * is written and flushed, committing the response, on the request's thread.
	 */
	private static final String OPENED = "the comment that commits the response on the request's thread";

	@TempDir
	Path dir;

	private final HeldModelServer model = new HeldModelServer();

	private String key;

	private String persona;

	private HttpClient client;

	@BeforeEach
	void aPersonaAnsweredByTheHeldModel() throws Exception {
		String kb = createKnowledgeBase("headers-first");
		this.key = chatAndUploadKey(kb);
		uploadFactsPdf(this.key, kb, this.dir);
		this.persona = postJson("/api/v1/chat-configs", "X-API-Key", this.key,
				"{\"title\":\"Held\",\"knowledgeBase\":\"" + kb + "\"}")
			.json()
			.get("id")
			.asText();
		Answer chosen = call(this.rest.put()
			.uri(URI.create(url("/api/v1/admin/models/personas/" + this.persona)))
			.header("X-Master-Key", this.masterKey)
			.header("Content-Type", "application/json")
			.body("{\"kind\":\"openai-compatible\",\"baseUrl\":\"" + this.model.openAiBaseUrl()
					+ "\",\"model\":\"held-model\"}"));
		assertThat(chosen.status()).as(chosen.text()).isEqualTo(200);
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_2)
			.sslContext(Calls.trusting(this.certificate))
			.build();
	}

	@AfterEach
	void releaseAndStopTheModel() {
		this.model.close();
		if (this.persona != null) {
			call("DELETE", "/api/v1/admin/models/personas/" + this.persona, "X-Master-Key", this.masterKey);
		}
		if (this.client != null) {
			this.client.close();
		}
	}

	@Test
	void aStreamedAnswerSendsItsStatusAndSecurityHeadersBeforeTheModelSaysAnything() throws Exception {
		JsonNode session = postJson("/api/v1/sessions", "X-API-Key", this.key,
				"{\"configId\":\"" + this.persona + "\"}")
			.json();
		CompletableFuture<HttpResponse<InputStream>> asked = ask(
				"/api/v1/sessions/" + session.get("sessionId").asText() + "/messages",
				"Bearer " + session.get("token").asText(), "{\"message\":\"" + QUESTION + "\"}");

		HttpResponse<InputStream> response = headersBeforeTheModelSpeaks(asked);

		// then the answer streams to its end as it did
		this.model.release();
		List<String> lines = linesOf(response, "event:done");
		assertThat(lines.get(0)).as(OPENED).isEqualTo(":answer");
		List<String> events = eventsOf(lines);
		assertThat(events.get(0)).startsWith("event:token");
		String done = events.get(events.size() - 1);
		assertThat(done).startsWith("event:donedata:");
		assertThat(json.readTree(done.substring("event:donedata:".length())).get("answer").asText()).contains(SPOKEN);
	}

	@Test
	void aStreamedCompletionSendsItsStatusAndSecurityHeadersBeforeTheModelSaysAnything() throws Exception {
		CompletableFuture<HttpResponse<InputStream>> asked = ask("/v1/chat/completions", "Bearer " + this.key,
				"{\"model\":\"config:" + this.persona + "\",\"stream\":true,\"messages\":[{\"role\":\"user\","
						+ "\"content\":\"" + QUESTION + "\"}]}");

		HttpResponse<InputStream> response = headersBeforeTheModelSpeaks(asked);

		this.model.release();
		List<String> lines = linesOf(response, "data:[DONE]");
		assertThat(lines.get(0)).as(OPENED).isEqualTo(":answer");
		List<String> events = eventsOf(lines);
		assertThat(events.get(events.size() - 1)).isEqualTo("data:[DONE]");
		StringBuilder said = new StringBuilder();
		for (String event : events.subList(0, events.size() - 1)) {
			JsonNode chunk = json.readTree(event.substring("data:".length()));
			assertThat(chunk.get("object").asText()).isEqualTo("chat.completion.chunk");
			said.append(chunk.at("/choices/0/delta/content").asText(""));
		}
		assertThat(said.toString()).contains(SPOKEN);
	}

	/**
	 * Waits for the response's headers while the model holds its answer back, and checks
	 * them.
	 * @return the response, its body still to read
	 */
	private HttpResponse<InputStream> headersBeforeTheModelSpeaks(CompletableFuture<HttpResponse<InputStream>> asked) {
		assertThat(asked).as("the response's headers, while the model has said nothing").succeedsWithin(HEADERS);
		HttpResponse<InputStream> response = asked.join();
		assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
		assertThat(response.statusCode()).isEqualTo(200);
		HttpHeaders headers = response.headers();
		assertThat(headers.firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(headers.firstValue("Strict-Transport-Security"))
			.hasValueSatisfying((hsts) -> assertThat(hsts).contains("max-age=").contains("includeSubDomains"));
		assertThat(headers.firstValue("Content-Security-Policy")).isPresent();
		return response;
	}

	private CompletableFuture<HttpResponse<InputStream>> ask(String path, String authorization, String body) {
		return this.client.sendAsync(HttpRequest.newBuilder(URI.create(url(path)))
			.header("Authorization", authorization)
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofInputStream());
	}

	/**
	 * Reads the stream's lines until the end of an event that starts with {@code last},
	 * or the stream's end.
	 */
	private static List<String> linesOf(HttpResponse<InputStream> response, String last) throws Exception {
		List<String> read = new ArrayList<>();
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			boolean ending = false;
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				read.add(line);
				ending |= line.startsWith(last);
				if (ending && line.isEmpty()) {
					break;
				}
			}
		}
		return read;
	}

	/**
	 * @return the events of these lines, each its lines joined, without the comments an
	 * SSE client skips
	 */
	private static List<String> eventsOf(List<String> lines) {
		List<String> events = new ArrayList<>();
		StringBuilder event = new StringBuilder();
		for (String line : lines) {
			if (!line.isEmpty() && !line.startsWith(":")) {
				event.append(line);
			}
			else if (line.isEmpty() && !event.isEmpty()) {
				events.add(event.toString());
				event.setLength(0);
			}
		}
		return events;
	}

}
