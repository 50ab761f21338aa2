package dev.ragchat.api.chat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractHttpsIntegrationTests;
import dev.ragchat.api.Calls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stop cancels the model: when the client of a streamed answer goes away (the console's
 * Stop, a closed tab, a program that drops its stream), the request to the model's server
 * is closed at once, not left to run until the model has written its whole answer (a
 * local model answering one request at a time would make the next question wait behind
 * the abandoned one). The model is an OpenAI-compatible server over real HTTP that writes
 * a chunk every 200 ms for a minute (and an Ollama server that does the same), chosen for
 * a persona through the API; the answer is asked through the API's two streams,
 * {@code /messages} and {@code /v1}. A {@code /v1} client that leaves is a normal event
 * there too: no error in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class StopClosesTheModelsRequestTests extends AbstractHttpsIntegrationTests {

	private static final String QUESTION = "When was the lighthouse on Kestrel Point automated?";

	/** How soon after the client went away the model's connection is closed, at most. */
	private static final Duration AT_ONCE = Duration.ofSeconds(2);

	@TempDir
	Path dir;

	private final SlowModelServer model = new SlowModelServer();

	private String key;

	private String persona;

	private HttpClient client;

	private BufferedReader events;

	@BeforeEach
	void aPersonaOfAKnowledgeBase() throws Exception {
		String kb = createKnowledgeBase("stop-cancels");
		this.key = chatAndUploadKey(kb);
		uploadFactsPdf(this.key, kb, this.dir);
		this.persona = postJson("/api/v1/chat-configs", "X-API-Key", this.key,
				"{\"title\":\"Slow\",\"knowledgeBase\":\"" + kb + "\"}")
			.json()
			.get("id")
			.asText();
	}

	/**
	 * Gives the persona the slow model, as the console's Models tab does (checked with
	 * one test call).
	 */
	private void answeredBy(String kind, String baseUrl) {
		Answer chosen = call(this.rest.put()
			.uri(URI.create(url("/api/v1/admin/models/personas/" + this.persona)))
			.header("X-Master-Key", this.masterKey)
			.header("Content-Type", "application/json")
			.body("{\"kind\":\"" + kind + "\",\"baseUrl\":\"" + baseUrl + "\",\"model\":\"slow-model\"}"));
		assertThat(chosen.status()).as(chosen.text()).isEqualTo(200);
	}

	@AfterEach
	void stopTheModel() {
		if (this.persona != null) {
			call("DELETE", "/api/v1/admin/models/personas/" + this.persona, "X-Master-Key", this.masterKey);
		}
		if (this.client != null) {
			this.client.close();
		}
		this.model.close();
	}

	@ParameterizedTest
	@EnumSource(HttpClient.Version.class)
	void aClientThatLeavesAStreamedAnswerClosesTheModelsRequestAtOnce(HttpClient.Version version) throws Exception {
		answeredBy("openai-compatible", this.model.openAiBaseUrl());
		leavesAStreamedAnswerAndTheModelsRequestIsClosed(version);
	}

	@Test
	void aClientThatLeavesAStreamedAnswerClosesOllamasRequestAtOnce() throws Exception {
		answeredBy("ollama", this.model.ollamaBaseUrl());
		leavesAStreamedAnswerAndTheModelsRequestIsClosed(HttpClient.Version.HTTP_2);
	}

	private void leavesAStreamedAnswerAndTheModelsRequestIsClosed(HttpClient.Version version) throws Exception {
		JsonNode session = postJson("/api/v1/sessions", "X-API-Key", this.key,
				"{\"configId\":\"" + this.persona + "\"}")
			.json();
		String id = session.get("sessionId").asText();
		String token = session.get("token").asText();
		HttpResponse<InputStream> stream = stream(version, "/api/v1/sessions/" + id + "/messages", "Bearer " + token,
				"{\"message\":\"" + QUESTION + "\"}");
		assertThat(nextData()).contains(SlowModelServer.FIRST_WORDS.strip());

		// Stop (HTTP/2: the stream reset, as a browser's fetch() resets it when aborted;
		// HTTP/1.1: the connection closed)
		long stopped = System.nanoTime();
		stream.body().close();

		assertTheModelsConnectionClosedSoonAfter(stopped);
		// the turn is kept as Stop keeps it
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode history = call("GET", "/api/v1/sessions/" + id + "/messages", "Authorization", "Bearer " + token)
				.json();
			assertThat(history.get("total").asInt()).isEqualTo(2);
			assertThat(history.at("/messages/1/stopped").asBoolean()).isTrue();
			assertThat(history.at("/messages/1/answer").asText()).startsWith(SlowModelServer.FIRST_WORDS.strip());
		});
	}

	@Test
	void aClientThatLeavesAStreamedCompletionClosesTheModelsRequestAtOnce() throws Exception {
		answeredBy("openai-compatible", this.model.openAiBaseUrl());
		long stopped = leaveAStreamedCompletion();

		assertTheModelsConnectionClosedSoonAfter(stopped);
	}

	@Test
	void aClientThatLeavesAStreamedCompletionIsANormalEventNotAnError(CapturedOutput output) throws Exception {
		Logger controller = (Logger) LoggerFactory.getLogger("dev.ragchat.api.openai.web.ChatCompletionController");
		ListAppender<ILoggingEvent> lines = new ListAppender<>();
		Level level = controller.getLevel();
		controller.setLevel(Level.DEBUG);
		lines.start();
		controller.addAppender(lines);
		try {
			answeredBy("openai-compatible", this.model.openAiBaseUrl());
			int logged = output.getAll().length();
			leaveAStreamedCompletion();

			// the container's word that the client went away reaches the controller (read
			// under the appender's lock, which its appends hold: they come from another
			// thread)
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				synchronized (lines) {
					return lines.list.stream()
						.anyMatch((event) -> event.getFormattedMessage()
							.startsWith("The client of a streamed completion went away"));
				}
			});
			assertThat(output.getAll().substring(logged)).doesNotContain("ERROR").doesNotContain("\tat ");
		}
		finally {
			controller.detachAppender(lines);
			controller.setLevel(level);
		}
	}

	/**
	 * Asks a streamed completion, reads until the model's first words, and closes the
	 * stream.
	 * @return when it closed it ({@link System#nanoTime})
	 */
	private long leaveAStreamedCompletion() throws Exception {
		HttpResponse<InputStream> stream = stream(HttpClient.Version.HTTP_1_1, "/v1/chat/completions",
				"Bearer " + this.key, "{\"model\":\"config:" + this.persona
						+ "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"" + QUESTION + "\"}]}");
		String data = nextData();
		// the first chunk names the role; then the model's words
		while (!data.contains(SlowModelServer.FIRST_WORDS.strip())) {
			data = nextData();
		}
		long stopped = System.nanoTime();
		stream.body().close();
		return stopped;
	}

	private void assertTheModelsConnectionClosedSoonAfter(long stopped) throws InterruptedException {
		assertThat(this.model.awaitAnswering()).isTrue();
		await().atMost(AT_ONCE).until(this.model::closedByTheClient);
		assertThat(this.model.closedAt() - stopped).isLessThan(AT_ONCE.toNanos());
		assertThat(this.model.finished()).isFalse();
	}

	private HttpResponse<InputStream> stream(HttpClient.Version version, String path, String authorization, String body)
			throws Exception {
		this.client = HttpClient.newBuilder().version(version).sslContext(Calls.trusting(this.certificate)).build();
		HttpResponse<InputStream> stream = this.client.send(HttpRequest.newBuilder(URI.create(url(path)))
			.header("Authorization", authorization)
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofInputStream());
		assertThat(stream.statusCode()).isEqualTo(200);
		assertThat(stream.version()).isEqualTo(version);
		this.events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
		return stream;
	}

	/**
	 * @return the data of the stream's next event
	 */
	private String nextData() throws Exception {
		String line = this.events.readLine();
		while (line != null && !line.startsWith("data:")) {
			line = this.events.readLine();
		}
		assertThat(line).as("an event before the stream ended").isNotNull();
		return line.substring("data:".length());
	}

}
