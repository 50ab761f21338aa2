package dev.ragchat.api.console;

import java.util.List;

import dev.ragchat.ingestion.TestFiles;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Why this answer?" and "Why not found?": an answer's trace in the console, its stages
 * in order, where each passage ranked, the judge's decision and reason, each passage a
 * link to its page in the viewer; at 390 px and in the dark theme; on a past answer, as
 * the history kept it.
 */
class TraceBrowserTests extends ConsoleBrowserTestSupport {

	@Test
	void whyThisAnswerShowsTheStagesAndAPassageOpensItsPage() throws Exception {
		signIn(issueKey());
		// a knowledge base with a long name: the scope picker above the composer offers
		// it
		createKnowledgeBase("Maintenance reports of the northern harbour district and all of its lighthouses");
		createKnowledgeBase("Harbour");
		uploadAndAwaitReady(TestFiles.factsPdf(this.dir.resolve("harbour.pdf")), "harbour.pdf");
		this.browser.findElement(By.id("tab-chat")).click();
		WebElement answer = ask("When was the lighthouse on Kestrel Point automated?");
		WebElement why = answer.findElement(By.cssSelector("button.why"));
		assertThat(why.getText()).isEqualTo("Why this answer?");
		why.click();
		WebElement dialog = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("trace-dialog")));
		assertThat(dialog.findElement(By.id("trace-title")).getText()).isEqualTo("Why this answer?");
		// keyboard: the dialog takes focus, Close first
		assertThat(script("return document.activeElement.id")).isEqualTo("trace-close");
		List<String> stages = dialog.findElements(By.cssSelector(".trace-stages li"))
			.stream()
			.map((stage) -> stage.getAttribute("data-stage"))
			.toList();
		assertThat(stages).containsSubsequence("rewrite", "shape", "vector", "keyword", "fuse", "rerank", "judge",
				"generate", "cite");
		assertThat(dialog.findElement(By.cssSelector(".trace-stages li")).getText()).contains(" ms");
		// the conversation's state, in words: what the message asks for
		assertThat(dialog.findElement(By.cssSelector(".trace-query [data-field=operator]")).getText())
			.isEqualTo("answer");
		assertThat(dialog.findElement(By.cssSelector(".trace-decisions")).getText())
			.contains("let the passages through");
		WebElement passage = dialog.findElement(By.cssSelector(".trace-passage"));
		assertThat(passage.findElements(By.cssSelector(".trace-place")))
			.extracting((place) -> place.getAttribute("data-ranking"))
			.containsExactly("vector", "keyword", "fuse", "rerank");
		assertThat(passage.getText()).contains("vector #").contains("reranked #");
		assertThat(dialog.findElement(By.cssSelector(".trace-quotes")).getText()).contains("1987");
		screenshot("trace");

		// narrow, as on a phone: neither the page nor the dialog scrolls sideways
		this.browser.manage().window().setSize(new Dimension(390, 844));
		assertNoHorizontalScroll();
		assertThat(script("const d = document.getElementById('trace-dialog'); return d.scrollWidth <= d.clientWidth"))
			.isEqualTo(true);
		screenshot("trace-390px");
		this.browser.manage().window().setSize(new Dimension(1280, 900));

		// a passage opens its page in the viewer, above the trace
		WebElement open = passage.findElement(By.cssSelector("button.trace-open"));
		assertThat(open.getText()).startsWith("harbour.pdf, page ");
		open.click();
		awaitPreviewImage();
		assertThat(this.browser.findElement(By.id("preview-title")).getText()).contains("harbour.pdf");
		this.browser.findElement(By.id("preview-close")).click();
		this.browser.findElement(By.id("trace-close")).click();
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("trace-dialog")));
	}

	@Test
	void whyThisAnswerOpensOnAPastAnswerAfterAReloadWithWhyTheQuestionWasSearchedSo() throws Exception {
		signInWithTheHarbourPdf();
		this.browser.findElement(By.id("tab-chat")).click();
		ask("When was the lighthouse on Kestrel Point automated?");

		// the page loaded again: the conversation comes back from its history
		this.browser.navigate().refresh();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
		this.browser.findElement(By.id("tab-chat")).click();
		WebElement answer = this.wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("#messages li.assistant[data-done=true]")));
		answer.findElement(By.cssSelector("button.why")).click();
		WebElement dialog = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("trace-dialog")));
		assertThat(dialog.findElements(By.cssSelector(".trace-missing"))).isEmpty();
		assertThat(dialog.findElements(By.cssSelector(".trace-stages li")))
			.extracting((stage) -> stage.getAttribute("data-stage"))
			.containsSubsequence("rewrite", "shape", "vector", "keyword", "fuse", "rerank", "judge", "generate",
					"cite");
		// the rewrite stage's note: why the question was searched as it was
		assertThat(dialog.findElement(By.cssSelector(".trace-question .trace-rewrite-note")).getText()).isNotBlank();
		assertThat(dialog.findElement(By.cssSelector(".trace-decisions")).getText())
			.contains("let the passages through");
		WebElement passage = dialog.findElement(By.cssSelector(".trace-passage"));
		assertThat(passage.getText()).contains("vector #").contains("reranked #");
		assertThat(passage.findElement(By.cssSelector(".trace-snippet")).getText()).isNotBlank();
		assertThat(dialog.findElement(By.cssSelector(".trace-quotes")).getText()).contains("1987");
		this.browser.findElement(By.id("trace-close")).click();
	}

	@Test
	void whyNotFoundShowsTheReasonInTheLightAndTheDarkTheme() throws Exception {
		signInWithTheHarbourPdf();
		this.browser.findElement(By.id("tab-chat")).click();
		WebElement answer = ask("What did the Zorblax board decide about the lighthouse?");
		WebElement why = answer.findElement(By.cssSelector("button.why"));
		assertThat(why.getText()).isEqualTo("Why not found?");
		why.click();
		WebElement dialog = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("trace-dialog")));
		assertThat(dialog.findElement(By.id("trace-title")).getText()).isEqualTo("Why not found?");
		assertThat(dialog.findElement(By.cssSelector(".trace-reason")).getText()).isEqualTo("names-not-in-sources");
		assertThat(dialog.findElement(By.cssSelector(".trace-outcome")).getText()).contains("Zorblax")
			.contains("What you can do");
		assertThat(dialog.findElement(By.cssSelector(".trace-decisions li.refused")).getText()).contains("refused")
			.contains("Zorblax");
		String light = (String) script(
				"return getComputedStyle(document.getElementById('trace-dialog')).backgroundColor");
		this.browser.findElement(By.id("trace-close")).click();

		// dark: the same dialog in the dark theme's colours
		this.browser.findElement(By.id("theme")).click();
		why.click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("trace-dialog")));
		assertThat(script("return getComputedStyle(document.getElementById('trace-dialog')).backgroundColor"))
			.isNotEqualTo(light);
		screenshot("trace-not-found-dark");
		this.browser.findElement(By.id("trace-close")).click();
		this.browser.findElement(By.id("theme")).click();
	}

}
