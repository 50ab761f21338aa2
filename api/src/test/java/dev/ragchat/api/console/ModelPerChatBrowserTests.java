package dev.ragchat.api.console;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ragchat.api.models.ModelStubs;
import dev.ragchat.api.models.Models;
import dev.ragchat.api.models.OfferedModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
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
 * A model picked for one conversation, in a real browser: the master key's first sign-in
 * hears of the Ollama found on this machine (a stub) and offers one of its models to
 * people on the model screen; a chat key picks it in the chat, the line saying who
 * answers follows the pick, and the question reaches the stub with that model's name;
 * back to the default in the same conversation, the extract answers again.
 */
class ModelPerChatBrowserTests extends ConsoleBrowserTestSupport {

	static final String QUESTION = "When was the lighthouse on Kestrel Point automated?";

	static final String MODEL_ANSWER = "Kestrel Point's lighthouse has run without keepers since 1987 [1].";

	@RegisterExtension
	static WireMockExtension ollama = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void probedAddresses(DynamicPropertyRegistry registry) {
		registry.add("ragchat.models.ollama", ollama::baseUrl);
		registry.add("ragchat.models.openai-compatible", () -> "http://127.0.0.1:9/v1");
	}

	@AfterEach
	void nothingOffered() {
		OfferedModels offered = this.context.getBean(OfferedModels.class);
		offered.offered().forEach((model) -> offered.withdraw(model.name()));
		this.context.getBean(Models.class).useConfigured();
	}

	@Test
	void aModelOfferedByTheMasterKeyAndPickedForOneConversationAnswersIt() throws Exception {
		ModelStubs.ollamaModels(ollama, "llama3.2:3b", "qwen2.5:0.5b");
		ModelStubs.ollamaAnswers(ollama, MODEL_ANSWER);
		String key = signInWithTheHarbourPdf();
		signOut();

		// the master key's first sign-in: the Ollama found here, with one button
		signInAsMaster();
		WebElement found = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("found-model")));
		assertThat(found.getText()).contains("Ollama with 2 models found at " + ollama.baseUrl() + ": use it?");
		found.findElement(By.xpath(".//button[text()='Not now']")).click();
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("found-model")));

		// the model screen: one of its models offered to people, after its test call
		this.browser.findElement(By.id("tab-models")).click();
		this.wait
			.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector("#models-servers li[data-kind=ollama]")))
			.findElement(By.cssSelector("button.use-server"))
			.click();
		new Select(this.browser.findElement(By.id("models-model"))).selectByVisibleText("llama3.2:3b");
		this.browser.findElement(By.id("models-offer")).click();
		this.wait.until(ExpectedConditions.attributeToBe(By.id("models-result"), "data-outcome", "offered"));
		this.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#models-offered li[data-name='llama3.2:3b']")));
		assertThat(this.context.getBean(Models.class).current().kind()).isEqualTo("extractive");
		assertThat(ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat")))).hasSize(1);
		signOut();

		// a chat key picks it for a conversation: the line says so, the model answers
		signIn(key);
		this.browser.findElement(By.id("tab-chat")).click();
		this.wait.until(ExpectedConditions.attributeToBe(By.id("generator-info"), "data-kind", "extractive"));
		new Select(this.browser.findElement(By.id("chat-kb"))).selectByVisibleText("Harbour");
		WebElement picker = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-model")));
		new Select(picker).selectByValue("llama3.2:3b");
		this.wait.until(ExpectedConditions.attributeToBe(By.id("generator-info"), "data-kind", "ollama"));
		assertThat(this.browser.findElement(By.id("generator-info")).getText())
			.contains("Answers are written by llama3.2:3b (Ollama). Picked for this conversation.");
		WebElement written = ask(QUESTION);
		assertThat(written.getText()).contains("has run without keepers since 1987")
			.doesNotContain("Extract from the documents");
		assertThat(written.findElements(By.cssSelector(".extract-notice"))).isEmpty();
		assertThat(ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat")))).hasSize(2)
			.last()
			.satisfies((asked) -> assertThat(json.readTree(asked.getBodyAsString()).get("model").asText())
				.isEqualTo("llama3.2:3b"));
		screenshot("model-picked-per-chat");

		// back to the default in the open conversation: the line follows at once, the
		// extract answers the next question
		new Select(this.browser.findElement(By.id("chat-model"))).selectByValue("");
		this.wait.until(ExpectedConditions.attributeToBe(By.id("generator-info"), "data-kind", "extractive"));
		WebElement quoted = ask(QUESTION);
		assertThat(quoted.getText()).contains("Extract from the documents");
		assertThat(ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat")))).hasSize(2);
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
