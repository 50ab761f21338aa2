package dev.ragchat.api.console;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ragchat.api.models.ChatConfigModels;
import dev.ragchat.api.models.ModelStubs;
import dev.ragchat.api.models.Models;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language model in a real browser: the chat says which generator answers and that an
 * extract cannot summarise; the persona dialog says when its model settings have no
 * effect; the master key's model screen finds a local Ollama (a stub), lists its models,
 * and a model chosen there, after its test call, answers the next question.
 */
class ModelsBrowserTests extends ConsoleBrowserTestSupport {

	static final String QUESTION = "When was the lighthouse on Kestrel Point automated?";

	static final String MODEL_ANSWER = "Kestrel Point's lighthouse has run without keepers since 1987 [1].";

	@RegisterExtension
	static WireMockExtension ollama = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	/**
	 * The stub is the one Ollama found; nothing runs at the OpenAI-compatible address.
	 */
	@DynamicPropertySource
	static void probedAddresses(DynamicPropertyRegistry registry) {
		registry.add("ragchat.models.ollama", ollama::baseUrl);
		registry.add("ragchat.models.openai-compatible", () -> "http://127.0.0.1:9/v1");
	}

	@AfterEach
	void backToTheConfiguredGenerator() {
		ChatConfigModels chatConfigs = this.context.getBean(ChatConfigModels.class);
		chatConfigs.choices().forEach((choice) -> chatConfigs.useService(choice.configId()));
		this.context.getBean(Models.class).useConfigured();
	}

	@Test
	void aPersonaGivenItsOwnModelOnTheModelScreenAnswersItsConversationsTheRestKeepTheExtract() throws Exception {
		ModelStubs.ollamaModels(ollama, "llama3.2:3b", "qwen2.5:0.5b");
		ModelStubs.ollamaAnswers(ollama, MODEL_ANSWER);
		String key = signInWithTheHarbourPdf();

		// a chat key makes a persona; it cannot give it a server
		this.browser.findElement(By.id("tab-chat")).click();
		this.browser.findElement(By.id("persona-new")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("persona-title")))
			.sendKeys("Harbour guide");
		this.browser.findElement(By.id("persona-save")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("persona-info"), "Harbour guide"));

		// the master key gives it the local Ollama on the model screen
		signOut();
		signInAsMaster();
		this.browser.findElement(By.id("tab-models")).click();
		this.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.xpath("//select[@id='models-for']/option[text()='Persona: Harbour guide']")));
		new Select(this.browser.findElement(By.id("models-for"))).selectByVisibleText("Persona: Harbour guide");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("models-current"),
				"Harbour guide: Answers are extracts"));
		WebElement found = this.wait.until(
				ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#models-servers li[data-kind=ollama]")));
		found.findElement(By.cssSelector("button.use-server")).click();
		new Select(this.browser.findElement(By.id("models-model"))).selectByVisibleText("llama3.2:3b");
		this.browser.findElement(By.id("models-save")).click();
		this.wait.until(ExpectedConditions.attributeToBe(By.id("models-result"), "data-outcome", "kept"));
		assertThat(this.browser.findElement(By.id("models-result")).getText())
			.contains("Answers are written by llama3.2:3b (Ollama)");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("models-personas"),
				"Harbour guide: Answers are written by llama3.2:3b"));
		assertThat(this.context.getBean(Models.class).current().kind()).isEqualTo("extractive");
		screenshot("models-persona-chosen");
		this.browser.manage().window().setSize(new Dimension(390, 844));
		assertNoHorizontalScroll();
		this.browser.manage().window().setSize(new Dimension(1280, 900));

		// the persona's conversation is written by its model, the line says so
		signOut();
		signIn(key);
		this.browser.findElement(By.id("tab-chat")).click();
		this.browser.findElement(By.id("new-chat")).click();
		new Select(this.browser.findElement(By.id("chat-persona"))).selectByVisibleText("Harbour guide");
		this.wait.until(ExpectedConditions.attributeToBe(By.id("generator-info"), "data-kind", "ollama"));
		assertThat(this.browser.findElement(By.id("generator-info")).getText())
			.contains("Answers are written by llama3.2:3b (Ollama)")
			.contains("This persona has a generator of its own");
		WebElement written = ask(QUESTION);
		assertThat(written.getText()).contains("has run without keepers since 1987")
			.doesNotContain("Extract from the documents");
		assertThat(written.findElements(By.cssSelector(".extract-notice"))).isEmpty();
		assertThat(ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat")))).hasSize(2);

		// without the persona: the service's extract, with its notice
		this.browser.findElement(By.id("new-chat")).click();
		new Select(this.browser.findElement(By.id("chat-persona"))).selectByValue("");
		this.wait.until(ExpectedConditions.attributeToBe(By.id("generator-info"), "data-kind", "extractive"));
		new Select(this.browser.findElement(By.id("chat-kb"))).selectByVisibleText("Harbour");
		WebElement quoted = ask(QUESTION);
		assertThat(quoted.getText()).contains("Extract from the documents");
		assertThat(quoted.findElement(By.cssSelector(".extract-notice")).getText()).contains("cannot summarise");
		assertThat(ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat")))).hasSize(2);

		// the master key takes it back: the service's generator answers for it again
		signOut();
		signInAsMaster();
		this.browser.findElement(By.id("tab-models")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("models-personas"), "Harbour guide"));
		this.browser.findElement(By.cssSelector("#models-personas li[data-config] button")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("models-current"),
				"Its own generator, chosen here."));
		this.browser.findElement(By.id("models-reset")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("models-result"),
				"Back to the service's generator."));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("models-personas"), "None"));
		assertThat(this.context.getBean(ChatConfigModels.class).choices()).isEmpty();
	}

	@Test
	void aModelChosenOnTheModelScreenAnswersTheChatInsteadOfTheExtract() throws Exception {
		ModelStubs.ollamaModels(ollama, "llama3.2:3b", "qwen2.5:0.5b");
		ModelStubs.ollamaAnswers(ollama, MODEL_ANSWER);
		String key = signInWithTheHarbourPdf();

		// without a model: the chat says so, and the extract answer says what it cannot
		// do
		this.browser.findElement(By.id("tab-chat")).click();
		this.wait.until(ExpectedConditions.attributeToBe(By.id("generator-info"), "data-kind", "extractive"));
		assertThat(this.browser.findElement(By.id("generator-info")).getText()).contains("Answers are extracts");
		WebElement extract = ask(QUESTION);
		assertThat(extract.getText()).contains("Extract from the documents");
		WebElement notice = extract.findElement(By.cssSelector(".extract-notice"));
		assertThat(notice.getText()).contains("cannot summarise, compare or make tables");
		assertThat(notice.findElement(By.tagName("a")).getAttribute("href")).contains("/swagger-ui.html#/models");
		screenshot("models-extract-notice");

		// the persona dialog says its model settings have no effect without a model
		this.browser.findElement(By.id("new-chat")).click();
		this.browser.findElement(By.id("persona-new")).click();
		this.wait
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("persona-model-note"), "No effect now"));
		assertThat(this.browser.findElement(By.id("persona-model-settings")).getAttribute("class"))
			.contains("no-effect");
		this.browser.findElement(By.id("persona-cancel")).click();

		// the master key opens the model screen: the stub Ollama is found, its models
		// listed
		signOut();
		signInAsMaster();
		this.browser.findElement(By.id("tab-models")).click();
		WebElement found = this.wait.until(
				ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#models-servers li[data-kind=ollama]")));
		assertThat(found.getText()).contains(ollama.baseUrl()).contains("llama3.2:3b").contains("qwen2.5:0.5b");
		assertThat(this.browser.findElement(By.id("models-current")).getText()).contains("Answers are extracts");
		screenshot("models-found");
		found.findElement(By.cssSelector("button.use-server")).click();
		Select model = new Select(this.browser.findElement(By.id("models-model")));
		assertThat(model.getOptions()).extracting(WebElement::getText).containsExactly("llama3.2:3b", "qwen2.5:0.5b");
		model.selectByVisibleText("llama3.2:3b");

		// chosen: the test call passes, and the choice is kept
		this.browser.findElement(By.id("models-save")).click();
		this.wait.until(ExpectedConditions.attributeToBe(By.id("models-result"), "data-outcome", "kept"));
		assertThat(this.browser.findElement(By.id("models-result")).getText())
			.contains("Answers are written by llama3.2:3b (Ollama)")
			.contains("The test call answered");
		assertThat(ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat")))).hasSize(1);
		screenshot("models-chosen");
		shootTheModelScreen();

		// the next question in the chat: the stub model answers, no extract notice
		signOut();
		signIn(key);
		this.browser.findElement(By.id("tab-chat")).click();
		this.wait.until(ExpectedConditions.attributeToBe(By.id("generator-info"), "data-kind", "ollama"));
		assertThat(this.browser.findElement(By.id("generator-info")).getText())
			.contains("Answers are written by llama3.2:3b (Ollama)");
		this.browser.findElement(By.id("new-chat")).click();
		new Select(this.browser.findElement(By.id("chat-kb"))).selectByVisibleText("Harbour");
		WebElement written = ask(QUESTION);
		assertThat(written.getText()).contains("has run without keepers since 1987")
			.doesNotContain("Extract from the documents");
		assertThat(written.findElements(By.cssSelector("button.chip"))).isNotEmpty();
		assertThat(written.findElements(By.cssSelector(".extract-notice"))).isEmpty();
		assertThat(ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat")))).hasSize(2);

		// now the persona's model settings take effect, the server's models suggested
		this.browser.findElement(By.id("new-chat")).click();
		this.browser.findElement(By.id("persona-new")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("persona-model-note"), "take effect"));
		assertThat(this.browser.findElement(By.id("persona-model-settings")).getAttribute("class"))
			.doesNotContain("no-effect");
		this.browser.findElement(By.id("persona-cancel")).click();

		// back to the extract on the model screen: the notice is back
		signOut();
		signInAsMaster();
		this.browser.findElement(By.id("tab-models")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("models-current"), "llama3.2:3b"));
		new Select(this.browser.findElement(By.id("models-kind"))).selectByValue("extractive");
		this.browser.findElement(By.id("models-save")).click();
		this.wait
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("models-result"), "Answers are extracts"));
		signOut();
		signIn(key);
		this.browser.findElement(By.id("tab-chat")).click();
		this.wait.until(ExpectedConditions.attributeToBe(By.id("generator-info"), "data-kind", "extractive"));
		this.browser.findElement(By.id("new-chat")).click();
		new Select(this.browser.findElement(By.id("chat-kb"))).selectByVisibleText("Harbour");
		WebElement again = ask(QUESTION);
		assertThat(again.getText()).contains("Extract from the documents");
		assertThat(again.findElement(By.cssSelector(".extract-notice")).getText()).contains("cannot summarise");
	}

	@Test
	void aFailingTestCallIsShownAndNothingIsKept() throws Exception {
		ModelStubs.ollamaModels(ollama, "llama3.2:3b");
		ollama.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/api/chat"))
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
				.withStatus(500)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":\"llama runner process has terminated: signal: killed\"}")));
		signInAsMaster();
		this.browser.findElement(By.id("tab-models")).click();
		WebElement found = this.wait.until(
				ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#models-servers li[data-kind=ollama]")));
		found.findElement(By.cssSelector("button.use-server")).click();
		this.browser.findElement(By.id("models-save")).click();
		this.wait.until(ExpectedConditions.attributeToBe(By.id("models-result"), "data-outcome", "failed"));
		assertThat(this.browser.findElement(By.id("models-result")).getText()).contains("Not kept")
			.contains("was answered 500")
			.contains("llama runner process has terminated");
		assertThat(this.context.getBean(Models.class).current().kind()).isEqualTo("extractive");
		// a typed server: a typed address with credentials is refused, clearly
		new Select(this.browser.findElement(By.id("models-kind"))).selectByValue("openai-compatible");
		WebElement url = this.browser.findElement(By.id("models-url"));
		url.clear();
		url.sendKeys("http://user:pw@localhost:8080/v1");
		this.browser.findElement(By.id("models-model-name")).sendKeys("local-model");
		this.browser.findElement(By.id("models-save")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("models-result"),
				"no credentials in the address"));
	}

	/** The model screen at 1280 and 390 px, light and dark, for docs/console.md. */
	private void shootTheModelScreen() throws Exception {
		for (String theme : new String[] { "light", "dark" }) {
			script("document.documentElement.dataset.theme = '" + theme + "'");
			this.browser.manage().window().setSize(new Dimension(1280, 900));
			script("window.scrollTo(0, 0)");
			screenshot("screen-models-1280-" + theme);
			this.browser.manage().window().setSize(new Dimension(390, 844));
			assertNoHorizontalScroll();
			script("window.scrollTo(0, 0)");
			screenshot("screen-models-390-" + theme);
		}
		script("document.documentElement.dataset.theme = 'light'");
		this.browser.manage().window().setSize(new Dimension(1280, 900));
	}

	private void signInAsMaster() {
		open();
		this.browser.findElement(By.id("credential")).sendKeys(this.masterKey);
		this.browser.findElement(By.cssSelector("#sign-in-form input[name=kind][value=master]")).click();
		this.browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tab-models")));
	}

	private void signOut() {
		this.browser.findElement(By.id("sign-out")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
	}

}
