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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.answer.AnswerGenerator;
import dev.ragchat.answer.AnswerGenerator.Question;
import dev.ragchat.answer.generate.ChosenModel;
import dev.ragchat.api.AbstractHttpsIntegrationTests;
import dev.ragchat.api.Calls;
import dev.ragchat.api.models.ModelRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stop: a client that goes away while its answer streams (the console's Stop, over HTTP/2
 * as browsers speak it) leaves the question and the answer as far as it came in the
 * history, marked stopped, and one line in the log, no stack trace. The answer is written
 * by a generator that says its first words, then waits until the client has gone before
 * it says more.
 */
@ExtendWith(OutputCaptureExtension.class)
class StoppedAnswerTests extends AbstractHttpsIntegrationTests {

	private static final String FIRST_WORDS = "The lighthouse on Kestrel Point ";

	@TempDir
	Path dir;

	@Autowired
	ModelRegistry generators;

	private final CountDownLatch clientGone = new CountDownLatch(1);

	private String persona;

	private final Logger controller = (Logger) LoggerFactory.getLogger("dev.ragchat.api.chat.web.MessageController");

	private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

	private Level level;

	@BeforeEach
	void readTheControllersLog() {
		this.level = this.controller.getLevel();
		this.controller.setLevel(Level.INFO);
		this.lines.start();
		this.controller.addAppender(this.lines);
	}

	@AfterEach
	void serviceGeneratorAgain() {
		this.controller.detachAppender(this.lines);
		this.controller.setLevel(this.level);
		this.clientGone.countDown();
		if (this.persona != null) {
			this.generators.useService(this.persona);
		}
	}

	@Test
	void keepsTheQuestionAndThePartialAnswerMarkedStoppedAndLogsOneLine(CapturedOutput output) throws Exception {
		String kb = createKnowledgeBase("stop");
		String key = chatAndUploadKey(kb);
		uploadFactsPdf(key, kb, this.dir);
		this.persona = postJson("/api/v1/chat-configs", "X-API-Key", key,
				"{\"title\":\"Slow\",\"knowledgeBase\":\"" + kb + "\"}")
			.json()
			.get("id")
			.asText();
		this.generators.use(this.persona, new ChosenModel(ChosenModel.EXTRACTIVE, null, this::slowly, null, null));
		JsonNode session = postJson("/api/v1/sessions", "X-API-Key", key, "{\"configId\":\"" + this.persona + "\"}")
			.json();
		String id = session.get("sessionId").asText();
		String token = session.get("token").asText();

		HttpClient http2 = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_2)
			.sslContext(Calls.trusting(this.certificate))
			.build();
		HttpResponse<InputStream> stream = http2
			.send(HttpRequest.newBuilder(URI.create(url("/api/v1/sessions/" + id + "/messages")))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.header("Accept", "text/event-stream")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"message\":\"When was the lighthouse on Kestrel Point automated?\"}"))
				.build(), HttpResponse.BodyHandlers.ofInputStream());
		assertThat(stream.version()).isEqualTo(HttpClient.Version.HTTP_2);
		BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
		String line = events.readLine();
		while (line != null && !line.startsWith("data:")) {
			line = events.readLine();
		}
		String told = json.readTree(line.substring("data:".length())).get("text").asText();
		assertThat(told).startsWith("The lighthouse on Kestrel Point");
		int logged = output.getAll().length();
		// Stop: the stream is reset, as a browser's fetch() resets it when aborted
		stream.body().close();
		this.clientGone.countDown();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode history = call("GET", "/api/v1/sessions/" + id + "/messages", "Authorization", "Bearer " + token)
				.json();
			assertThat(history.get("total").asInt()).isEqualTo(2);
		});
		JsonNode history = call("GET", "/api/v1/sessions/" + id + "/messages", "Authorization", "Bearer " + token)
			.json();
		assertThat(history.at("/messages/0/role").asText()).isEqualTo("user");
		assertThat(history.at("/messages/0/answer").asText())
			.isEqualTo("When was the lighthouse on Kestrel Point automated?");
		assertThat(history.at("/messages/0/stopped").isMissingNode()).isTrue();
		JsonNode stopped = history.at("/messages/1");
		assertThat(stopped.get("role").asText()).isEqualTo("assistant");
		assertThat(stopped.get("stopped").asBoolean()).isTrue();
		assertThat(stopped.get("grounded").asBoolean()).isFalse();
		assertThat(stopped.get("answer").asText()).startsWith(told);
		assertThat(stopped.get("citations")).isEmpty();

		// one line, at INFO, with no stack trace (tests log at WARN: the line is read
		// from
		// the controller's logger itself)
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.lines.list.isEmpty());
		assertThat(this.lines.list).singleElement().satisfies((event) -> {
			assertThat(event.getLevel()).isEqualTo(Level.INFO);
			assertThat(event.getFormattedMessage())
				.isEqualTo("The client of session " + id + " went away while its answer streamed: the answer stopped");
			assertThat(event.getThrowableProxy()).isNull();
		});
		String log = output.getAll().substring(logged);
		assertThat(log).doesNotContain("ERROR")
			.doesNotContain("Client reset the stream")
			.doesNotContain("ResponseBodyEmitter has already completed")
			.doesNotContain("\tat ");
		http2.close();
	}

	/**
	 * Says its first words, waits until the client is gone, then goes on until the stream
	 * refuses more.
	 */
	private AnswerGenerator.Generated slowly(Question question, java.util.function.Consumer<String> tokens) {
		StringBuilder text = new StringBuilder(FIRST_WORDS);
		tokens.accept(FIRST_WORDS);
		try {
			this.clientGone.await(30, TimeUnit.SECONDS);
			for (int i = 0; i < 500; i++) {
				tokens.accept("and more ");
				text.append("and more ");
				Thread.sleep(20);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return new AnswerGenerator.Generated(text.append("[1]").toString(), true);
	}

}
