package dev.ragchat.api.console;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evaluations in a real browser: a golden set uploaded and run, its progress followed to
 * the end, its totals and a question's result read, two runs compared side by side; the
 * tab fits a phone's width, light and dark.
 */
class EvaluationsBrowserTests extends ConsoleBrowserTestSupport {

	static final String GOLDEN_SET = """
			{"id": "lighthouse", "question": "When was the lighthouse on Kestrel Point automated?", "pages": [{"document": "harbour", "page": 3}]}
			{"id": "dredged", "question": "When was the harbour dredged?", "documents": ["harbour.pdf"]}
			{"id": "nitrogen", "question": "What is the boiling point of liquid nitrogen?", "refuse": true}
			""";

	@Test
	void aGoldenSetUploadedAndRunShowsItsTotalsAndEachQuestionsResult() throws Exception {
		signInWithTheHarbourPdf();
		Path golden = Files.writeString(this.dir.resolve("golden.jsonl"), GOLDEN_SET);
		this.browser.findElement(By.id("tab-evaluations")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("eval-form")));

		run(golden, "baseline", "hybrid");
		// "Rerank" is ticked, but no reranker is configured: the run says it was not
		assertThat(this.browser.findElement(By.id("eval-rerank")).isSelected()).isTrue();
		assertThat(this.browser.findElement(By.id("eval-detail-settings")).getText())
			.startsWith("hybrid, top 5, not reranked");
		WebElement totals = this.browser.findElement(By.id("eval-totals"));
		assertThat(totals.getText()).contains("Expected page in the top 5 found (recall@5)")
			.contains("1.000")
			.contains("1 of 1")
			.contains("Questions to refuse that were refused");
		// a question's result: the answer, its citation on the expected page, what was
		// found
		WebElement first = this.browser.findElement(By.cssSelector("#eval-questions li:first-child details"));
		first.findElement(By.tagName("summary")).click();
		assertThat(first.getText()).contains("lighthouse: When was the lighthouse on Kestrel Point automated?")
			.contains("Expected: harbour, page 3")
			.contains("automated in 1987")
			.contains("harbour.pdf, page 3 (expected)")
			.contains("Found by the search, best first");
		assertThat(first.getAttribute("class")).contains("eval-ok");
		// and opens its trace, as an answer in the chat does
		first.findElement(By.cssSelector("button.why")).click();
		WebElement trace = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("trace-dialog")));
		assertThat(trace.findElements(By.cssSelector(".trace-stages li")))
			.extracting((stage) -> stage.getAttribute("data-stage"))
			.contains("judge", "cite");
		trace.findElement(By.id("trace-close")).click();
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("trace-dialog")));

		// a second run, keyword search, then both side by side
		run(golden, "keyword", "keyword");
		this.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#eval-rows tr"), 2));
		new Select(this.browser.findElement(By.id("eval-a"))).selectByVisibleText("baseline (DONE)");
		new Select(this.browser.findElement(By.id("eval-b"))).selectByVisibleText("keyword (DONE)");
		this.browser.findElement(By.cssSelector("#eval-compare-form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("eval-comparison")));
		assertThat(this.browser.findElement(By.id("eval-comparison-title")).getText())
			.isEqualTo("baseline and keyword");
		assertThat(this.browser.findElement(By.id("eval-compare-rows")).getText())
			.contains("Answerable questions answered (grounded)")
			.contains("within noise");

		// a phone's width, light and dark
		this.browser.manage().window().setSize(new Dimension(390, 844));
		assertNoHorizontalScroll();
		this.browser.findElement(By.id("theme")).click();
		assertNoHorizontalScroll();
		screenshot("evaluations-390-dark");
		this.browser.findElement(By.id("theme")).click();
		this.browser.manage().window().setSize(new Dimension(1280, 900));
	}

	private void run(Path golden, String name, String mode) {
		this.browser.findElement(By.id("eval-file")).sendKeys(golden.toAbsolutePath().toString());
		WebElement field = this.browser.findElement(By.id("eval-name"));
		field.clear();
		field.sendKeys(name);
		new Select(this.browser.findElement(By.id("eval-mode"))).selectByValue(mode);
		this.browser.findElement(By.id("eval-run")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("eval-detail-title"), name + ": DONE"));
		this.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#eval-questions > li"), 3));
	}

}
