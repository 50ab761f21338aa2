package dev.ragchat.api.console;

import java.util.List;

import dev.ragchat.api.HeldModelServer;
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

	static final HeldModelServer model = new HeldModelServer();

	@DynamicPropertySource
	static void endpoint(DynamicPropertyRegistry registry) {
		registry.add("ragchat.chat.openai.base-url", model::openAiBaseUrl);
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

}
