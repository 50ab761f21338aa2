package dev.ragchat.api.console;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file dropped into a conversation in a real browser: it shows as a chip of the chat's
 * scope while it is read, then the question typed before the drop is asked of it at once
 * and answered with a citation of the file, which opens in the viewer; a file picked with
 * the paperclip, with nothing typed, is asked to be summarized.
 */
class DroppedFileBrowserTests extends ConsoleBrowserTestSupport {

	private static final String TIDES = "# Wrenmoor jetty\\n\\nOn Sundays high tide at the Wrenmoor jetty is at a quarter"
			+ " past eleven in the morning.\\n";

	@Test
	void aFileDroppedIntoTheConversationIsAskedAtOnceAndAnsweredWithACitationOfIt() throws Exception {
		signInWithTheHarbourPdf();
		this.browser.findElement(By.id("tab-chat")).click();
		WebElement box = this.wait.until(ExpectedConditions.elementToBeClickable(By.id("question")));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("scope-chips"), "Harbour"));
		box.sendKeys("When is high tide at the Wrenmoor jetty on Sundays?");

		// a drop on the conversation, as a file dragged from the desktop makes it
		((JavascriptExecutor) this.browser).executeScript("const data = new DataTransfer();"
				+ "data.items.add(new File([\"" + TIDES + "\"], 'tides.md', { type: 'text/markdown' }));"
				+ "const messages = document.getElementById('messages');"
				+ "messages.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));"
				+ "messages.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));");
		WebElement file = this.wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#scope-chips .scope-file")));
		assertThat(file.getText()).contains("tides.md");
		// asked once it is read: the question typed before the drop, answered from the
		// file
		this.wait.until(
				(driver) -> !driver.findElements(By.cssSelector("#messages li.assistant[data-done=true]")).isEmpty());
		assertThat(this.browser.findElement(By.cssSelector("#messages li.user")).getText())
			.contains("When is high tide at the Wrenmoor jetty on Sundays?");
		WebElement answer = this.browser.findElement(By.cssSelector("#messages li.assistant[data-done=true]"));
		assertThat(answer.getAttribute("class")).doesNotContain("not-found");
		assertThat(answer.getText()).contains("quarter past eleven");
		List<WebElement> chips = answer.findElements(By.cssSelector("button.chip"));
		assertThat(chips).isNotEmpty().allSatisfy((c) -> assertThat(c.getAttribute("aria-label")).contains("tides.md"));
		assertThat(this.browser.findElement(By.cssSelector("#scope-chips .scope-file")).getText())
			.doesNotContain("reading");
		assertThat(box.getAttribute("value")).isEmpty();
		screenshot("chat-dropped-file");

		// its citation opens the file, which lives in the conversation only
		chips.get(0).click();
		WebElement text = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-text")));
		this.wait.until((driver) -> text.getText().contains("Wrenmoor jetty"));
	}

	@Test
	void aFilePickedWithThePaperclipIsAskedToBeSummarizedWhenNothingIsTyped() throws Exception {
		signInWithTheHarbourPdf();
		this.browser.findElement(By.id("tab-chat")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("scope-chips"), "Harbour"));
		// the paperclip is drawn, an inline SVG in the text's colour, not an emoji (an
		// empty box without an emoji font)
		WebElement paperclip = this.browser.findElement(By.id("attach"));
		assertThat(paperclip.getText()).isEmpty();
		assertThat(((JavascriptExecutor) this.browser).executeScript(
				"const r = document.querySelector('#attach svg').getBoundingClientRect(); return r.width >= 16 && r.height >= 16"))
			.isEqualTo(true);
		java.nio.file.Path tides = java.nio.file.Files.writeString(this.dir.resolve("tides.md"),
				TIDES.replace("\\n", "\n"));
		((JavascriptExecutor) this.browser).executeScript("document.getElementById('attach-file').hidden = false;");
		this.browser.findElement(By.id("attach-file")).sendKeys(tides.toAbsolutePath().toString());
		WebElement question = this.wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages li.user")));
		assertThat(question.getText()).contains("Summarize tides.md");
		this.wait.until(
				(driver) -> !driver.findElements(By.cssSelector("#messages li.assistant[data-done=true]")).isEmpty());
		assertThat(this.browser.findElement(By.cssSelector("#scope-chips .scope-file")).getText()).contains("tides.md")
			.doesNotContain("reading");
	}

}
