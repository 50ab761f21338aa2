package dev.ragchat.api.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.answer.AnswerGenerator;
import dev.ragchat.answer.AnswerGenerator.Question;
import dev.ragchat.answer.generate.ChosenModel;
import dev.ragchat.api.Calls;
import dev.ragchat.api.models.ModelRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The conversations in a real browser: Stop keeps the question and the answer as far as
 * it came (after a reload too, with Copy and Regenerate); the list searches, pins and
 * exports them.
 */
class ConversationsBrowserTests extends ConsoleBrowserTestSupport {

	private static final String FIRST_WORDS = "The lighthouse on Kestrel Point ";

	@Autowired
	ModelRegistry generators;

	private final CountDownLatch stopped = new CountDownLatch(1);

	@AfterEach
	void serviceGeneratorAgain() {
		this.stopped.countDown();
		this.generators.useConfigured();
	}

	@Test
	void keepsAStoppedAnswerWithCopyAndRegenerateAfterAReload() throws Exception {
		String key = signInWithTheHarbourPdf();
		this.browser.findElement(By.id("tab-chat")).click();
		this.generators.use(new ChosenModel(ChosenModel.EXTRACTIVE, null, this::slowly, null, null));
		WebElement box = this.wait.until(ExpectedConditions.elementToBeClickable(By.id("question")));
		box.sendKeys("When was the lighthouse on Kestrel Point automated?");
		box.sendKeys(Keys.ENTER);
		this.wait.until((driver) -> driver.findElement(By.cssSelector("#messages li.assistant"))
			.getText()
			.contains("Kestrel Point"));
		this.browser.findElement(By.id("stop")).click();
		this.stopped.countDown();
		WebElement answer = this.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#messages li.assistant[data-stopped=true]")));
		assertThat(answer.getText()).contains("The lighthouse on Kestrel Point").contains("(stopped)");
		assertThat(answer.findElements(By.cssSelector("button.copy"))).hasSize(1);
		assertThat(answer.findElements(By.cssSelector("button.regenerate"))).hasSize(1);

		// the service kept both turns; after a reload the stopped one is there, said so
		await().atMost(Duration.ofSeconds(30)).until(() -> "assistant".equals(lastRole(key)));
		this.generators.useConfigured();
		this.browser.navigate().refresh();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
		this.browser.findElement(By.id("tab-chat")).click();
		WebElement kept = this.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#messages li.assistant[data-stopped=true]")));
		assertThat(this.browser.findElement(By.cssSelector("#messages li.user")).getText())
			.contains("When was the lighthouse on Kestrel Point automated?");
		assertThat(kept.getText()).contains("The lighthouse on Kestrel Point").contains("(stopped)");
		assertThat(kept.findElements(By.cssSelector("button.copy"))).hasSize(1);
		screenshot("chat-stopped");

		// Regenerate asks again: a whole answer follows
		kept.findElement(By.cssSelector("button.regenerate")).click();
		WebElement whole = this.wait.until(
				ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages li.assistant[data-done=true]")));
		assertThat(whole.getText()).contains("automated in 1987");
	}

	@Test
	void searchesPinsAndExportsConversations() throws Exception {
		signInWithTheHarbourPdf();
		this.browser.findElement(By.id("tab-chat")).click();
		ask("When was the harbour dredged?");
		this.browser.findElement(By.id("new-chat")).click();
		ask("When was the lighthouse on Kestrel Point automated?");
		this.wait.until((driver) -> driver.findElements(By.cssSelector("#conversation-rows li")).size() == 2);

		// searched by what was said in them (the answers too), ignoring case
		WebElement search = this.browser.findElement(By.id("conversation-search"));
		search.sendKeys("DREDGED IN 1902");
		this.wait.until((driver) -> driver.findElements(By.cssSelector("#conversation-rows li")).size() == 1);
		assertThat(this.browser.findElement(By.cssSelector("#conversation-rows li .conversation-title")).getText())
			.isEqualTo("When was the harbour dredged?");
		search.sendKeys(" nowhere");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation-rows"),
				"No conversation holds"));
		script("const s = document.getElementById('conversation-search'); s.value = '';"
				+ " s.dispatchEvent(new Event('input', { bubbles: true }));");
		this.wait
			.until((driver) -> driver.findElements(By.cssSelector("#conversation-rows li.conversation")).size() == 2);

		// pinned: the older one comes first, and says so
		this.browser.findElement(By.cssSelector("#conversation-rows li:nth-child(2) button.pin-conversation")).click();
		this.wait
			.until(ExpectedConditions.textToBe(By.cssSelector("#conversation-rows li:first-child .conversation-title"),
					"When was the harbour dredged?"));
		assertThat(this.browser.findElement(By.cssSelector("#conversation-rows li:first-child button.pin-conversation"))
			.getAttribute("aria-pressed")).isEqualTo("true");
		screenshot("chat-conversations");

		// exported: the file the browser is given, Markdown with its footnotes, and JSON
		script("""
				window.__exported = [];
				const create = URL.createObjectURL;
				URL.createObjectURL = (blob) => { window.__exported.push(blob); return create(blob); };""");
		this.browser
			.findElement(By.cssSelector("#conversation-rows li:first-child details.export-conversation summary"))
			.click();
		this.browser.findElement(By.cssSelector("#conversation-rows li:first-child button.export-markdown")).click();
		this.wait.until((driver) -> Long.valueOf(1).equals(script("return window.__exported.length")));
		String markdown = exported(0);
		assertThat(markdown).startsWith("# When was the harbour dredged?")
			.contains("## ragchat")
			.contains("dredged in 1902")
			.contains("[^1]: harbour.pdf, page ");
		this.browser
			.findElement(By.cssSelector("#conversation-rows li:first-child details.export-conversation summary"))
			.click();
		this.browser.findElement(By.cssSelector("#conversation-rows li:first-child button.export-json")).click();
		this.wait.until((driver) -> Long.valueOf(2).equals(script("return window.__exported.length")));
		JsonNode json = ConsoleBrowserTestSupport.json.readTree(exported(1));
		assertThat(json.at("/messages/1/citations/0/filename").asText()).isEqualTo("harbour.pdf");
		assertThat(this.browser.findElement(By.id("error")).isDisplayed()).isFalse();
	}

	private String exported(int index) {
		return (String) ((org.openqa.selenium.JavascriptExecutor) this.browser).executeAsyncScript(
				"const done = arguments[arguments.length - 1]; window.__exported[" + index + "].text().then(done);");
	}

	private String lastRole(String key) throws Exception {
		HttpClient client = HttpClient.newBuilder().sslContext(Calls.trusting(this.certificate)).build();
		HttpResponse<String> listed = client
			.send(HttpRequest.newBuilder(URI.create("https://localhost:" + this.port + "/api/v1/sessions"))
				.header("X-API-Key", key)
				.build(), HttpResponse.BodyHandlers.ofString());
		return json.readTree(listed.body()).at("/sessions/0/lastMessage/role").asText();
	}

	/**
	 * Says its first words, waits until Stop was pressed, then goes on until the stream
	 * refuses more.
	 */
	private AnswerGenerator.Generated slowly(Question question, Consumer<String> tokens) {
		StringBuilder text = new StringBuilder(FIRST_WORDS);
		tokens.accept(FIRST_WORDS);
		try {
			this.stopped.await(60, TimeUnit.SECONDS);
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
