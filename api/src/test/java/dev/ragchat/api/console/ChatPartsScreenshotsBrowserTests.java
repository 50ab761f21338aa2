package dev.ragchat.api.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ragchat.api.models.ChoiceRequest;
import dev.ragchat.api.models.ModelStubs;
import dev.ragchat.api.models.Models;
import dev.ragchat.api.models.OfferedModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screenshots in {@code docs/console.md} of the chat's newer parts, light and dark at
 * 1280 and 390 px, each checked not to scroll sideways: a question asked back with its
 * readings as buttons, the scope's chip row with "#" suggesting documents, a model picked
 * for the conversation (an Ollama stub offered to people), and the Keys view offering
 * Renew for a key near its end.
 */
class ChatPartsScreenshotsBrowserTests extends ConsoleBrowserTestSupport {

	static final String MODEL = "llama3.2:3b";

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
	void takesTheScreenshotsOfReadingsScopeModelPickerAndRenew() throws Exception {
		ModelStubs.ollamaModels(ollama, MODEL);
		ModelStubs.ollamaAnswers(ollama,
				"Flights shorter than six hours are booked in economy class [1], through the company portal"
						+ " at least two weeks ahead [1].");
		this.context.getBean(OfferedModels.class)
			.offer(new ChoiceRequest("ollama", ollama.baseUrl(), MODEL, null, null));
		issueKey("{\"name\":\"evening\",\"ttlSeconds\":3600,\"scopes\":[\"chat\"]}");
		// a week-long key: its Renew is a quiet button beside the hour-long key's
		signIn(issueKey("{\"name\":\"handbook\",\"ttlSeconds\":604800,\"scopes\":[\"chat\",\"upload\",\"admin\"]}"));
		createKnowledgeBase("Handbook");
		upload("travel-policy.md", ConversationOutcomesBrowserTests.TRAVEL, 1);
		upload("remote-work-policy.md", ConversationOutcomesBrowserTests.REMOTE, 2);
		this.browser.findElement(By.id("tab-chat")).click();

		// a question asked back, its readings as buttons
		WebElement asked = ask("Who does the policy cover?");
		assertThat(asked.findElements(By.cssSelector(".readings button.reading"))).hasSize(2);
		shoot("chat-readings", () -> narrowScrollTo(asked));

		// the chip row, and "#" suggesting the documents in scope
		WebElement box = this.browser.findElement(By.id("question"));
		box.sendKeys("#pol");
		this.wait
			.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#doc-suggestions li.doc-suggestion"), 2));
		assertThat(this.browser.findElement(By.id("scope-chips")).getText()).contains("Handbook");
		shoot("chat-scope",
				() -> assertThat(this.browser.findElement(By.id("doc-suggestions")).isDisplayed())
					.as("the suggestions stay open")
					.isTrue());
		box.sendKeys(Keys.ESCAPE);
		box.clear();

		// a model picked for a new conversation, the line saying who answers
		this.browser.findElement(By.id("new-chat")).click();
		new Select(this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-model"))))
			.selectByValue(MODEL);
		this.wait.until(ExpectedConditions.attributeToBe(By.id("generator-info"), "data-kind", "ollama"));
		WebElement written = ask("Which class is the rule for flights shorter than six hours?");
		assertThat(written.getText()).contains("booked in economy class");
		shoot("chat-model", () -> narrowScrollTo(this.browser.findElement(By.id("chat-model"))));

		// the master key's Keys view: Renew offered first for the key near its end
		this.browser.findElement(By.id("sign-out")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
		open();
		this.browser.findElement(By.id("credential")).sendKeys(this.masterKey);
		this.browser.findElement(By.cssSelector("#sign-in-form input[name=kind][value=master]")).click();
		this.browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tab-admin")));
		// the Ollama stub is found on this machine and offered at this first sign-in: not
		// now
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("found-model")))
			.findElement(By.xpath(".//button[text()='Not now']"))
			.click();
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("found-model")));
		this.browser.findElement(By.id("tab-admin")).click();
		WebElement renew = this.wait.until(ExpectedConditions
			.elementToBeClickable(By.cssSelector("#key-rows button[aria-label='Renew evening']")));
		assertThat(renew.getAttribute("class")).isEqualTo("renew");
		assertThat(this.browser.findElement(By.cssSelector("#key-rows button[aria-label='Renew handbook']"))
			.getAttribute("class")).isEqualTo("renew quiet");
		// the lifetime the form picks first, and the list under it down to the key near
		// its end (the page's end, reached at once, not smoothly)
		shoot("keys-renew",
				() -> script("window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' })"));
	}

	/**
	 * Takes {@code screen-<name>-<width>-<theme>} at 1280 and 390 px, light and dark,
	 * checking before each that the page does not scroll sideways and that the part shown
	 * is still there.
	 */
	private void shoot(String name, Runnable show) throws Exception {
		for (String theme : List.of("light", "dark")) {
			// the theme as the toggle sets it, without moving the focus away from the
			// composer (its suggestions close when it loses the focus)
			script("document.documentElement.dataset.theme = '" + theme + "'");
			for (int width : List.of(1280, 390)) {
				this.browser.manage().window().setSize(new Dimension(width, (width == 390) ? 844 : 900));
				assertNoHorizontalScroll();
				show.run();
				screenshot("screen-" + name + "-" + width + "-" + theme);
			}
		}
		script("document.documentElement.dataset.theme = 'light'");
		this.browser.manage().window().setSize(new Dimension(1280, 900));
	}

	/** At 390 px, scrolls the page so that the element is at its top. */
	private void narrowScrollTo(WebElement element) {
		this.browser.executeScript(
				"if (innerWidth < 600) arguments[0].scrollIntoView({ block: 'start', behavior: 'instant' })", element);
	}

	private void upload(String filename, String text, int ready) throws Exception {
		Path file = Files.writeString(this.dir.resolve(filename), text);
		this.browser.findElement(By.id("files")).sendKeys(file.toAbsolutePath().toString());
		this.wait
			.until((driver) -> driver.findElements(By.cssSelector("#doc-rows li[data-status=READY]")).size() == ready);
	}

}
