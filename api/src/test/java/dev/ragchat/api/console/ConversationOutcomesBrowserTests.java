package dev.ragchat.api.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.ragchat.api.chat.ClarifyReadingsTests;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a conversation answers besides a plain fact, in a real browser: a question that
 * could mean either of two documents is asked back, with the documents' readings as
 * buttons (kept with the conversation: a reload shows them again), and one click asks
 * again of that document and gets its answer; a summary of a document named in the
 * question quotes its sentences, each cited.
 */
class ConversationOutcomesBrowserTests extends ConsoleBrowserTestSupport {

	static final String TRAVEL = ClarifyReadingsTests.TRAVEL;

	static final String REMOTE = ClarifyReadingsTests.REMOTE;

	@Test
	void aQuestionOfTwoDocumentsIsAskedBackAndAReadingsButtonAsksAgain() throws Exception {
		signInWithThePolicies();
		WebElement asked = ask("Who does the policy cover?");
		assertThat(asked.getAttribute("class")).contains("clarify").doesNotContain("not-found");
		assertThat(asked.findElement(By.cssSelector(".text")).getText()).startsWith("Which policy do you mean?")
			.contains("Travel policy")
			.contains("Remote work policy")
			.doesNotContain("Not in the documents");
		List<WebElement> readings = asked.findElements(By.cssSelector(".readings button.reading"));
		assertThat(readings).extracting(WebElement::getText)
			.containsExactlyInAnyOrder("Travel policy", "Remote work policy");
		assertThat(asked.findElement(By.cssSelector("button.why")).getText()).isEqualTo("Why this question?");

		int answers = this.browser.findElements(By.cssSelector("#messages li.assistant[data-done=true]")).size();
		readings.stream().filter((b) -> b.getText().equals("Travel policy")).findFirst().orElseThrow().click();
		this.wait.until((driver) -> driver.findElements(By.cssSelector("#messages li.assistant[data-done=true]"))
			.size() > answers);
		List<WebElement> questions = this.browser.findElements(By.cssSelector("#messages li.user"));
		assertThat(questions.get(questions.size() - 1).getText()).contains("Who does the Travel policy cover?");
		List<WebElement> all = this.browser.findElements(By.cssSelector("#messages li.assistant[data-done=true]"));
		WebElement answered = all.get(all.size() - 1);
		assertThat(answered.getAttribute("class")).doesNotContain("clarify").doesNotContain("not-found");
		assertThat(answered.findElements(By.cssSelector(".readings"))).isEmpty();
		assertThat(answered.findElement(By.cssSelector(".text")).getText())
			.contains("covers every employee who travels for work");
		assertThat(answered.findElements(By.cssSelector("button.chip"))).isNotEmpty()
			.allSatisfy((chip) -> assertThat(chip.getAttribute("aria-label")).contains("travel-policy.md"));
	}

	@Test
	void theReadingsComeBackWithTheConversationAfterAReloadAndOneIsAnsweredFromItsDocument() throws Exception {
		signInWithThePolicies();
		WebElement asked = ask("Who does the policy cover?");
		assertThat(asked.findElements(By.cssSelector(".readings button.reading"))).hasSize(2);

		// the page reloaded: the conversation comes back from its history, buttons and
		// all
		this.browser.navigate().refresh();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
		this.browser.findElement(By.id("tab-chat")).click();
		this.wait.until((driver) -> driver.findElements(By.cssSelector("#messages li")).size() == 2);
		WebElement reloaded = this.browser.findElement(By.cssSelector("#messages li.assistant"));
		assertThat(reloaded.getAttribute("class")).contains("clarify").doesNotContain("not-found");
		assertThat(reloaded.findElement(By.cssSelector(".text")).getText()).startsWith("Which policy do you mean?");
		List<WebElement> readings = reloaded.findElements(By.cssSelector(".readings button.reading"));
		assertThat(readings).extracting(WebElement::getText)
			.containsExactlyInAnyOrder("Travel policy", "Remote work policy");

		readings.stream().filter((b) -> b.getText().equals("Travel policy")).findFirst().orElseThrow().click();
		this.wait.until(
				(driver) -> driver.findElements(By.cssSelector("#messages li.assistant[data-done=true]")).size() == 2);
		List<WebElement> questions = this.browser.findElements(By.cssSelector("#messages li.user"));
		assertThat(questions.get(questions.size() - 1).getText()).contains("Who does the Travel policy cover?");
		List<WebElement> all = this.browser.findElements(By.cssSelector("#messages li.assistant[data-done=true]"));
		WebElement answered = all.get(all.size() - 1);
		assertThat(answered.getAttribute("class")).doesNotContain("clarify").doesNotContain("not-found");
		assertThat(answered.findElement(By.cssSelector(".text")).getText())
			.contains("covers every employee who travels for work");
		assertThat(answered.findElements(By.cssSelector("button.chip"))).isNotEmpty()
			.allSatisfy((chip) -> assertThat(chip.getAttribute("aria-label")).contains("travel-policy.md"));
	}

	@Test
	void aSummaryOfANamedDocumentQuotesItsSentencesEachCited() throws Exception {
		signInWithThePolicies();
		WebElement summary = ask("Summarize the travel policy");
		assertThat(summary.getAttribute("class")).doesNotContain("clarify").doesNotContain("not-found");
		List<WebElement> chips = summary.findElements(By.cssSelector("button.chip"));
		assertThat(chips).hasSizeGreaterThanOrEqualTo(3)
			.allSatisfy((chip) -> assertThat(chip.getAttribute("aria-label")).contains("travel-policy.md"));
		// the travel policy's own sentences, none of the other policy's
		assertThat(summary.findElement(By.cssSelector(".text")).getText())
			.contains("Employees book travel through the company portal at least two weeks ahead.")
			.contains("Receipts for every travel expense are submitted within thirty days of return.")
			.doesNotContain("from home")
			.doesNotContain("office");
	}

	/** A key, a knowledge base "Handbook" with the two policies READY, the chat open. */
	private void signInWithThePolicies() throws Exception {
		signIn(issueKey());
		createKnowledgeBase("Handbook");
		upload("travel-policy.md", TRAVEL, 1);
		upload("remote-work-policy.md", REMOTE, 2);
		this.browser.findElement(By.id("tab-chat")).click();
	}

	private void upload(String filename, String text, int ready) throws Exception {
		Path file = Files.writeString(this.dir.resolve(filename), text);
		this.browser.findElement(By.id("files")).sendKeys(file.toAbsolutePath().toString());
		this.wait
			.until((driver) -> driver.findElements(By.cssSelector("#doc-rows li[data-status=READY]")).size() == ready);
	}

}
