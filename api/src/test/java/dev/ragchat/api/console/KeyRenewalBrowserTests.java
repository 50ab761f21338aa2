package dev.ragchat.api.console;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key renewed in the console keeps its conversations: the master key renews a key from
 * the Keys view (its lifetime the operator's choice; each of the two rows says which key
 * renews which), and the new key lists the old key's conversation, opens the trace of its
 * answers and goes on with it.
 */
class KeyRenewalBrowserTests extends ConsoleBrowserTestSupport {

	@Test
	void aRenewedKeyContinuesItsConversationsInTheConsole() throws Exception {
		String evening = issueKey(
				"{\"name\":\"evening\",\"ttlSeconds\":3600,\"scopes\":[\"chat\",\"upload\",\"admin\"]}");
		signIn(evening);
		createKnowledgeBase("Harbour");
		uploadAndAwaitReady(dev.ragchat.ingestion.TestFiles.factsPdf(this.dir.resolve("harbour.pdf")), "harbour.pdf");
		this.browser.findElement(By.id("tab-chat")).click();
		assertThat(ask("When was the harbour dredged?").getText()).contains("dredged in 1902");
		this.browser.findElement(By.id("sign-out")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));

		// the master key renews it, for the lifetime the operator set first (a day)
		open();
		this.browser.findElement(By.id("credential")).sendKeys(this.masterKey);
		this.browser.findElement(By.cssSelector("input[name=kind][value=master]")).click();
		this.browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
		this.browser.findElement(By.id("tab-admin")).click();
		WebElement renew = this.wait.until(ExpectedConditions
			.elementToBeClickable(By.cssSelector("#key-rows button[aria-label='Renew evening']")));
		assertThat(new Select(this.browser.findElement(By.id("key-ttl"))).getFirstSelectedOption().getText())
			.isEqualTo("1 day");
		// an hour-long key with less than an hour left: Renew is offered first, not
		// quietly
		assertThat(renew.getAttribute("class")).isEqualTo("renew");
		renew.click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("issued")));
		String renewed = this.browser.findElement(By.id("issued-key")).getText();
		assertThat(renewed).startsWith("rck_").isNotEqualTo(evening);
		assertThat(this.browser.findElement(By.id("issued-what")).getText()).contains("“evening”")
			.contains("keeps its conversations");
		this.wait.until((driver) -> driver.findElements(By.xpath("//tbody[@id='key-rows']/tr[td[1][text()='evening']]"))
			.size() == 2);
		// the fresh renewal is far from its end: Renew is a quiet action there
		assertThat(
				this.browser.findElement(By.cssSelector("#key-rows tr:first-child button[aria-label='Renew evening']"))
					.getAttribute("class"))
			.isEqualTo("renew quiet");
		// the two rows of the same name say which renews which; the key renewed offers
		// Renew quietly too, though its end is near: a renewal took its place
		List<WebElement> rows = this.browser
			.findElements(By.xpath("//tbody[@id='key-rows']/tr[td[1][text()='evening']]"));
		WebElement renewal = rows.get(0);
		WebElement old = rows.get(1);
		assertThat(renewal.findElement(By.cssSelector(".key-lineage")).getText())
			.isEqualTo("renews " + old.getAttribute("data-key"));
		assertThat(old.findElement(By.cssSelector(".key-lineage")).getText())
			.startsWith("renewed by " + renewal.getAttribute("data-key") + " on ");
		assertThat(old.findElement(By.cssSelector("button[aria-label='Renew evening']")).getAttribute("class"))
			.isEqualTo("renew quiet");
		screenshot("keys-renewed");
		this.browser.findElement(By.id("sign-out")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));

		// the new key lists the conversation, opens it with its history, and goes on
		signIn(renewed);
		this.browser.findElement(By.id("tab-chat")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation-rows"),
				"When was the harbour dredged?"));
		this.browser.findElement(By.cssSelector("#conversation-rows li button.open-conversation")).click();
		this.wait.until((driver) -> driver.findElement(By.id("messages")).getText().contains("dredged in 1902"));
		// "Why this answer?" opens on the answer the old key was given, as it was kept
		this.browser.findElement(By.cssSelector("#messages li.assistant button.why")).click();
		WebElement trace = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("trace-dialog")));
		assertThat(trace.findElement(By.id("trace-title")).getText()).isEqualTo("Why this answer?");
		assertThat(trace.findElements(By.cssSelector(".trace-stages li")))
			.extracting((stage) -> stage.getAttribute("data-stage"))
			.containsSubsequence("rewrite", "judge", "cite");
		assertThat(trace.findElement(By.cssSelector(".trace-quotes")).getText()).contains("1902");
		trace.findElement(By.id("trace-close")).click();
		WebElement more = ask("How many boats did the fishing fleet count in 1950?");
		assertThat(more.getText()).contains("forty boats");
		assertThat(this.browser.findElements(By.cssSelector("#conversation-rows li.conversation"))).hasSize(1);
		assertThat(this.browser.findElement(By.id("error")).isDisplayed()).isFalse();
	}

}
