package dev.ragchat.api.console;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An answer being written goes on through whatever the console does meanwhile on its own
 * or at a click that leaves the person where they are: the chat shown again (its pickers
 * and conversations loaded again), the knowledge-base list refreshed, the open
 * conversation picked again in the list. Only the person's own leaving stops it (Stop,
 * another conversation, New chat, signing out). The model is an OpenAI-compatible server
 * over real HTTP that holds each answer back until the test releases it.
 */
@TestPropertySource(properties = { "ragchat.chat.generator=openai-compatible", "ragchat.chat.openai.model=held-model",
		"ragchat.chat.openai.api-key=test-api-key", "ragchat.chat.openai.timeout=90s" })
class AnswerInFlightBrowserTests extends ConsoleBrowserTestSupport {

	static final String FIRST = "The lighthouse on Kestrel Point was automated in 1987 [1].";

	static final String SECOND = "Three keepers lived there in rotation before it was automated [1].";

	static final HeldModel model = new HeldModel();

	@DynamicPropertySource
	static void endpoint(DynamicPropertyRegistry registry) {
		registry.add("ragchat.chat.openai.base-url", model::baseUrl);
	}

	@AfterAll
	static void stopModel() {
		model.close();
	}

	@Test
	void anAnswerGoesOnWhileTheChatIsShownAgainAndItsConversationPickedAgain() throws Exception {
		signInWithTheHarbourPdf();
		this.browser.findElement(By.id("tab-chat")).click();
		model.release(FIRST);
		ask("When was the lighthouse on Kestrel Point automated?");

		// a second question, whose answer the model holds back
		this.browser.findElement(By.id("question")).sendKeys("Who lived in the lighthouse on Kestrel Point before?");
		this.browser.findElement(By.id("send")).click();
		this.wait.until((driver) -> model.held() == 1);
		assertThat(this.browser.findElements(By.cssSelector("#messages li.assistant[aria-busy=true]"))).hasSize(1);

		// meanwhile: the knowledge bases listed again, the chat shown again (its loads
		// done when it puts the focus in the composer), its conversation picked again
		this.browser.findElement(By.id("tab-knowledge")).click();
		createKnowledgeBase("Ferries");
		this.browser.findElement(By.id("tab-chat")).click();
		this.wait.until((driver) -> "question".equals(script("return document.activeElement.id")));
		this.wait
			.until(ExpectedConditions
				.elementToBeClickable(By.cssSelector("#conversation-rows li.current button.open-conversation")))
			.click();

		// the answer, released, is written to its end where it was asked
		model.release(SECOND);
		this.wait
			.until((driver) -> !driver.findElements(By.cssSelector("#messages li.assistant[data-stopped]")).isEmpty()
					|| driver.findElements(By.cssSelector("#messages li.assistant[data-done=true]")).size() == 2);
		assertThat(this.browser.findElements(By.cssSelector("#messages li.assistant[data-stopped]")))
			.as("an answer stopped")
			.isEmpty();
		List<WebElement> answers = this.browser.findElements(By.cssSelector("#messages li.assistant"));
		assertThat(answers).hasSize(2);
		assertThat(answers.get(1).getText()).contains("Three keepers lived there");
		assertThat(this.browser.findElements(By.cssSelector("#messages li.user"))).hasSize(2);
	}

	/**
	 * An OpenAI-compatible model server ({@code POST /v1/chat/completions}) that holds
	 * each streamed answer back, saying nothing, until the test releases it with its
	 * words; a call that does not stream is answered at once. The JDK's own HTTP server.
	 */
	static final class HeldModel implements AutoCloseable {

		private final HttpServer server;

		private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

		private final Semaphore released = new Semaphore(0);

		private final AtomicInteger held = new AtomicInteger();

		private volatile String words = FIRST;

		HeldModel() {
			try {
				this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			this.server.setExecutor(this.executor);
			this.server.createContext("/v1/chat/completions", this::complete);
			this.server.start();
		}

		String baseUrl() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1";
		}

		/**
		 * @return how many streamed answers it holds back now
		 */
		int held() {
			return this.held.get();
		}

		/** Lets one streamed answer (held now or asked next) say these words. */
		void release(String answer) {
			this.words = answer;
			this.released.release();
		}

		private void complete(HttpExchange exchange) throws IOException {
			String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			try (exchange) {
				if (!request.contains("\"stream\":true")) {
					respond(exchange, "application/json", "{\"id\":\"c1\",\"object\":\"chat.completion\","
							+ "\"created\":1735689600,\"model\":\"held-model\",\"choices\":[{\"index\":0,\"message\":"
							+ "{\"role\":\"assistant\",\"content\":\"" + this.words
							+ "\"},\"finish_reason\":\"stop\"}]}");
					return;
				}
				this.held.incrementAndGet();
				boolean go = this.released.tryAcquire(2, TimeUnit.MINUTES);
				this.held.decrementAndGet();
				if (go) {
					respond(exchange, "text/event-stream", chunk("{\"content\":\"" + this.words + "\"}", "null")
							+ chunk("{}", "\"stop\"") + "data: [DONE]\n\n");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		private static void respond(HttpExchange exchange, String type, String body) throws IOException {
			exchange.getResponseHeaders().set("Content-Type", type);
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body.getBytes(StandardCharsets.UTF_8));
			}
		}

		/** An OpenAI {@code chat.completion.chunk} event. */
		private static String chunk(String delta, String finishReason) {
			return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1735689601,"
					+ "\"model\":\"held-model\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
					+ finishReason + "}]}\n\n";
		}

		@Override
		public void close() {
			this.released.release(Integer.MAX_VALUE / 2);
			this.server.stop(0);
			this.executor.shutdownNow();
		}

	}

}
