package dev.ragchat.api.console;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in and out in a real browser, and what a key is offered and asks for: the
 * console's own requests are counted with the browser's resource timings (every
 * {@code fetch} the page makes, with its status).
 */
class SignInBrowserTests extends ConsoleBrowserTestSupport {

	/**
	 * How long the page is watched for requests after signing out or a failed sign-in.
	 */
	private static final Duration QUIET = Duration.ofSeconds(5);

	@Test
	void signingOutSendsNoRequestAfterwards() throws Exception {
		signIn(issueKey());
		createKnowledgeBase("Quiet");
		// the chat view: its generator line asks the server whenever the view is set up
		this.browser.findElement(By.id("tab-chat")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("generator-info")));
		// counted from the click on: a request the chat view had under way before is not
		script("performance.setResourceTimingBufferSize(100000); window.__countFrom = performance.now();"
				+ " document.getElementById('sign-out').click();");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
		Thread.sleep(QUIET.toMillis());
		assertThat(requestsSinceCounting()).isEmpty();
		assertThat(this.browser.findElement(By.id("error")).isDisplayed()).isFalse();
		assertThat(this.browser.findElement(By.id("console")).isDisplayed()).isFalse();
	}

	@Test
	void aFailedKeySignInSaysTheKeyIsNotValidOnceAndStaysOnTheSignInForm() throws Exception {
		open();
		startCounting();
		// well-formed, but no key ragchat issued
		typeAndSignIn("rck_" + "A".repeat(38), "api");
		WebElement error = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
		this.wait.until((driver) -> !error.getText().isBlank());
		Thread.sleep(QUIET.toMillis());
		assertThat(error.getText()).startsWith("The API key is not valid").doesNotContain("Authentication required");
		assertThat(requestsSinceCounting()).extracting((r) -> r.get("path") + " " + r.get("status"))
			.containsExactly("/api/v1/knowledge-bases 401");
		assertThat(this.browser.findElement(By.id("sign-in")).isDisplayed()).isTrue();
		assertThat(this.browser.findElement(By.id("console")).isDisplayed()).isFalse();
	}

	@Test
	void theMasterKeyTypedAsAnApiKeyIsToldToUseTheMasterKeyChoiceWithoutBeingSent() throws Exception {
		open();
		startCounting();
		typeAndSignIn(this.masterKey, "api");
		WebElement error = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
		assertThat(error.getText()).contains("not an API key").contains("the master key");
		assertThat(requestsSinceCounting()).isEmpty();

		// chosen as the master key, it signs in
		this.browser.findElement(By.cssSelector("input[name=kind][value=master]")).click();
		this.browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("who"), "Signed in with the master key"));
		assertThat(this.browser.findElement(By.id("error")).isDisplayed()).isFalse();
	}

	@Test
	void aChatOnlyKeySeesNoSourcesNorActivityAndGetsNoRefusal() throws Exception {
		signIn(issueKey());
		createKnowledgeBase("Reading room");
		this.browser.findElement(By.id("sign-out")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));

		// counted from the page's load on: every request the console makes for this key
		signIn(issueKey("{\"name\":\"reader\",\"scopes\":[\"chat\"]}"));
		this.wait
			.until(ExpectedConditions
				.elementToBeClickable(By.cssSelector("#kb-rows tr button[aria-label='Open Reading room']")))
			.click();
		this.wait.until(ExpectedConditions.textToBe(By.id("documents-title"), "Documents of Reading room"));
		this.wait.until((driver) -> driver.findElement(By.id("doc-rows")).getText().contains("No documents yet"));
		assertThat(this.browser.findElement(By.id("sources")).isDisplayed()).isFalse();
		assertThat(this.browser.findElement(By.id("tab-activity")).isDisplayed()).isFalse();
		for (String view : List.of("search", "chat", "evaluations", "knowledge")) {
			this.browser.findElement(By.id("tab-" + view)).click();
		}
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("generator-info")));
		assertThat(this.browser.findElement(By.id("sources")).isDisplayed()).isFalse();
		assertThat(requestsSinceCounting()).isNotEmpty()
			.allSatisfy((r) -> assertThat(((Number) r.get("status")).intValue()).as(r.get("path").toString())
				.isLessThan(400));
	}

	private void typeAndSignIn(String value, String kind) {
		this.browser.findElement(By.id("credential")).sendKeys(value);
		this.browser.findElement(By.cssSelector("input[name=kind][value=" + kind + "]")).click();
		this.browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
	}

}
