package dev.ragchat.api.console;

import java.nio.file.Path;
import java.util.List;

import dev.ragchat.ingestion.TestFiles;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.context.SmartLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents in a real browser: uploads and their progress, the viewer, search.
 */
class DocumentsBrowserTests extends ConsoleBrowserTestSupport {

	@Test
	void eachUseOfARepeatedChipHighlightsItsOwnSentence() throws Exception {
		signIn(issueKey());
		createKnowledgeBase("Sales");
		uploadAndAwaitReady(salesPdf(this.dir.resolve("sales.pdf")), "sales.pdf");
		this.browser.findElement(By.id("tab-chat")).click();
		WebElement answer = ask("What were the net sales in 2022?");
		// one source, several sentences: every sentence closes with [1]
		List<WebElement> ones = answer.findElements(By.cssSelector("button.chip[data-index='1']"));
		assertThat(ones).hasSizeGreaterThanOrEqualTo(2);
		String first = ones.get(0).getAttribute("data-quote");
		String second = ones.get(1).getAttribute("data-quote");
		assertThat(List.of(first, second)).allSatisfy((quote) -> assertThat(SALES).contains(quote));
		assertThat(second).isNotEqualTo(first);
		assertThat(answer.getText()).contains(second + " 1");
		ones.get(1).click();
		awaitPreviewImage();
		assertThat(this.browser.findElement(By.id("preview-quote")).getText()).isEqualTo(second);
		assertThat(highlightedPixels()).isGreaterThan(500);
		// the highlight is on the second sentence's row, not the first's
		assertThat(highlightedLine()).isEqualTo(SALES.indexOf(second));
		// near the foot of the page: the viewer scrolled it into view
		assertThat(highlightInView()).isTrue();
		assertThat(script("return document.getElementById('preview-page').scrollTop")).asString().isNotEqualTo("0");
	}

	@Test
	void showsAFailedDocumentOnceWithItsReasonAndRetriesItInPlace() throws Exception {
		signIn(issueKey());
		createKnowledgeBase("Locked");
		this.browser.findElement(By.id("files"))
			.sendKeys(TestFiles.encryptedPdf(this.dir.resolve("locked.pdf")).toAbsolutePath().toString());
		WebElement failed = this.wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#doc-rows li[data-status=FAILED]")));
		String first = failed.getAttribute("data-document");
		assertThat(failed.findElements(By.tagName("progress"))).isEmpty();
		assertThat(failed.getText().split("encrypted", -1)).hasSize(2);
		assertThat(this.browser.findElement(By.id("doc-rows")).getAttribute("data-polling")).isEqualTo("off");
		failed.findElement(By.cssSelector("button.retry")).click();
		// read in one script: the list is drawn anew while it is polled
		this.wait.until((driver) -> {
			Object ids = script("return [...document.querySelectorAll('#doc-rows li[data-status=FAILED]')]"
					+ ".map((li) => li.dataset.document)");
			return ids instanceof List<?> list && list.size() == 1 && !first.equals(list.get(0));
		});
		assertThat(this.browser.findElements(By.cssSelector("#doc-rows li"))).hasSize(1);
	}

	@Test
	void showsQueuedDocumentsWithTheirPlaceInLineAndNeverAStepBack() throws Exception {
		signIn(issueKey());
		createKnowledgeBase("Queue");
		// the real workers, stopped for a while: what is uploaded waits in line
		SmartLifecycle workers = this.context.getBean("ingestionWorkers", SmartLifecycle.class);
		workers.stop();
		try {
			this.browser.findElement(By.id("files"))
				.sendKeys(TestFiles.factsPdf(this.dir.resolve("first.pdf")).toAbsolutePath() + "\n"
						+ TestFiles.handbookDocx(this.dir.resolve("second.docx")).toAbsolutePath());
			this.wait
				.until((driver) -> driver.findElements(By.cssSelector("#doc-rows li[data-status=QUEUED]")).size() == 2);
			assertThat(this.browser.findElement(By.id("doc-rows")).getText()).contains("QUEUED, 1 of 2 in line here")
				.contains("QUEUED, 2 of 2 in line here");
			assertThat(this.browser.findElement(By.id("doc-rows")).getAttribute("data-polling")).isEqualTo("on");
			assertThat(this.browser.findElement(By.id("queue-text")).getText()).isEqualTo("0 of 2 done");
		}
		finally {
			workers.start();
		}
		// every status the list showed on the way, in order: none goes back to QUEUED
		script("""
				window.__seen = {};
				new MutationObserver(() => {
					for (const li of document.querySelectorAll('#doc-rows li[data-document]')) {
						const seen = (window.__seen[li.dataset.document] ||= []);
						if (seen[seen.length - 1] !== li.dataset.status) seen.push(li.dataset.status);
					}
				}).observe(document.getElementById('doc-rows'), { childList: true, subtree: true });""");
		this.wait.until((driver) -> driver.findElements(By.cssSelector("#doc-rows li[data-status=READY]")).size() == 2);
		this.wait.until(ExpectedConditions.attributeToBe(By.id("doc-rows"), "data-polling", "off"));
		assertThat(script("return Object.values(window.__seen).every((s) => s.indexOf('QUEUED') <= 0"
				+ " && s.lastIndexOf('QUEUED') === s.indexOf('QUEUED'))"))
			.isEqualTo(true);
	}

	@Test
	void showsEachFilesSizeDateColourAndEstimateAndTakesFilesDroppedAnywhere() throws Exception {
		signIn(issueKey());
		createKnowledgeBase("Queue colours");
		// a file dropped on the page's title bar, far from the file input
		script("""
				const dt = new DataTransfer();
				dt.items.add(new File(['# Notes\\n\\nThe ferry leaves at nine.'], 'notes.md', { type: 'text/markdown' }));
				const bar = document.querySelector('header.bar h1');
				bar.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
				window.__dragging = document.body.classList.contains('dragging');
				bar.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));""");
		assertThat(script("return window.__dragging")).isEqualTo(true);
		WebElement ready = this.wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#doc-rows li[data-status=READY]")));
		assertThat(ready.getText()).contains("notes.md");
		assertThat(ready.findElement(By.cssSelector(".size")).getText()).matches("\\d+ B");
		assertThat(ready.findElement(By.cssSelector("time.date")).getAttribute("datetime")).startsWith("20");
		assertThat(ready.findElement(By.cssSelector("time.date")).getText()).isNotBlank();
		assertThat(ready.getCssValue("border-left-color")).isEqualTo("rgba(30, 122, 60, 1)");
		assertThat(this.browser.findElement(By.tagName("body")).getAttribute("class")).doesNotContain("dragging");

		// in line behind a stopped worker: grey, its place and an estimate from the READY
		// one; the list is polled only while on screen
		SmartLifecycle workers = this.context.getBean("ingestionWorkers", SmartLifecycle.class);
		workers.stop();
		try {
			this.browser.findElement(By.id("files"))
				.sendKeys(TestFiles.factsPdf(this.dir.resolve("later.pdf")).toAbsolutePath().toString());
			WebElement queued = this.wait
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#doc-rows li[data-status=QUEUED]")));
			assertThat(queued.getText()).containsPattern("QUEUED, 1 of 1 in line here, starts in about \\d+ s");
			assertThat(queued.getCssValue("border-left-color")).isEqualTo("rgba(86, 96, 122, 1)");
			assertThat(this.browser.findElement(By.id("doc-rows")).getAttribute("data-polling")).isEqualTo("on");
			this.browser.findElement(By.id("tab-chat")).click();
			assertThat(this.browser.findElement(By.id("doc-rows")).getAttribute("data-polling")).isEqualTo("off");
			this.browser.findElement(By.id("tab-knowledge")).click();
			this.wait.until(ExpectedConditions.attributeToBe(By.id("doc-rows"), "data-polling", "on"));
		}
		finally {
			workers.start();
		}
		this.wait.until((driver) -> driver.findElements(By.cssSelector("#doc-rows li[data-status=READY]")).size() == 2);
		this.wait.until(ExpectedConditions.attributeToBe(By.id("doc-rows"), "data-polling", "off"));
		assertThat(this.browser.findElement(By.id("queue-text")).getText()).isEqualTo("2 of 2 done");
	}

	@Test
	void warnsBeforeASecondKnowledgeBaseTakesAnExistingName() throws Exception {
		signIn(issueKey());
		String unique = "Filings " + System.nanoTime();
		createKnowledgeBase(unique);
		WebElement name = this.browser.findElement(By.id("kb-name"));
		name.sendKeys(unique.toLowerCase(java.util.Locale.ROOT));
		WebElement warning = this.browser.findElement(By.id("kb-name-warning"));
		assertThat(warning.isDisplayed()).isTrue();
		assertThat(warning.getText()).contains("“" + unique + "” already exists");
		assertThat(this.browser.findElement(By.id("kb-create-button")).getText()).isEqualTo("Create anyway");
		name.clear();
		name.sendKeys("Policies " + System.nanoTime());
		assertThat(warning.isDisplayed()).isFalse();
		assertThat(this.browser.findElement(By.id("kb-create-button")).getText()).isEqualTo("Create");
	}

	@Test
	void searchesWithTheQueryWordsMarkedAndOpensAHitInTheViewer() throws Exception {
		signInWithTheHarbourPdf();

		// the documents list opens a PDF at page 1, to page through and zoom
		this.browser.findElement(By.cssSelector("#doc-rows li[data-status=READY] button[aria-label^='View']")).click();
		awaitPreviewImage();
		assertThat(this.browser.findElement(By.id("page-label")).getText()).isEqualTo("Page 1 of 4");
		this.browser.findElement(By.id("page-next")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("page-label"), "Page 2 of 4"));
		this.wait.until(ExpectedConditions.attributeToBe(By.id("preview-image"), "data-page", "2"));
		long width = (Long) script("return document.getElementById('preview-image').clientWidth");
		this.browser.findElement(By.id("zoom-in")).click();
		assertThat((Long) script("return document.getElementById('preview-image').clientWidth")).isGreaterThan(width);
		this.browser.findElement(By.id("preview-close")).click();

		this.browser.findElement(By.id("tab-search")).click();
		this.browser.findElement(By.id("search-query")).sendKeys("fishing fleet");
		this.browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
		WebElement hit = this.wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#search-results li.result")));
		assertThat(hit.findElements(By.tagName("mark"))).extracting(WebElement::getText).contains("Fishing", "fleet");
		screenshot("search");
		hit.findElement(By.cssSelector(".source button")).click();
		awaitPreviewImage();
		assertThat(this.browser.findElement(By.id("page-label")).getText()).isEqualTo("Page 2 of 4");
		assertThat(highlightedPixels()).isGreaterThan(500);
	}

	@Test
	void showsOtherTypesAsTheirTextWithTheQuoteMarked() throws Exception {
		signIn(issueKey());
		createKnowledgeBase("Handbook");
		this.browser.findElement(By.id("files"))
			.sendKeys(TestFiles.handbookDocx(this.dir.resolve("handbook.docx")).toAbsolutePath().toString());
		this.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#doc-rows li[data-status=READY] progress[value='100']")));
		// read again: back in line, then READY with a later time
		String readyAt = (String) script("return " + documentFetch());
		assertThat(readyAt).isNotNull();
		this.browser.findElement(By.cssSelector("#doc-rows li[data-status=READY] button.reingest")).click();
		this.wait.until((driver) -> {
			Object now = script("return " + documentFetch());
			return now != null && !now.equals(readyAt);
		});
		this.wait.until(ExpectedConditions.attributeToBe(By.id("doc-rows"), "data-polling", "off"));
		this.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#doc-rows li[data-status=READY] progress[value='100']")));

		this.browser.findElement(By.cssSelector("#doc-rows li[data-status=READY] button[aria-label^='View']")).click();
		WebElement text = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-text")));
		assertThat(text.getText()).contains(TestFiles.DOCX_FACT).contains("Setup");
		assertThat(this.browser.findElement(By.id("viewer-tools")).isDisplayed()).isFalse();
		this.browser.findElement(By.id("preview-close")).click();

		this.browser.findElement(By.id("tab-chat")).click();
		WebElement answer = ask("Where does the agent store its cache on Linux?");
		answer.findElement(By.cssSelector("button.chip")).click();
		WebElement mark = this.wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#preview-text mark")));
		assertThat(mark.getText()).isEqualTo(TestFiles.DOCX_FACT);
	}

	private static final List<String> SALES = List.of("Total net sales were 514 billion dollars in 2022.",
			"Net product sales were 242 billion dollars in 2022.",
			"Net service sales were 272 billion dollars in 2022.");

	/**
	 * One page, one sentence a line, 16 points apart from 160 up from the bottom down
	 * (near the foot of the page, so that the viewer must scroll to show them).
	 */
	private static Path salesPdf(Path file) throws Exception {
		try (org.apache.pdfbox.pdmodel.PDDocument pdf = new org.apache.pdfbox.pdmodel.PDDocument()) {
			org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
			pdf.addPage(page);
			try (org.apache.pdfbox.pdmodel.PDPageContentStream content = new org.apache.pdfbox.pdmodel.PDPageContentStream(
					pdf, page)) {
				content.beginText();
				content.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
						org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 11);
				content.newLineAtOffset(72, 160);
				for (String sentence : SALES) {
					content.showText(sentence);
					content.newLineAtOffset(0, -16);
				}
				content.endText();
			}
			pdf.save(file.toFile());
		}
		return file;
	}

	/**
	 * Which of the sales lines the page picture highlights: the middle of the highlighted
	 * rows of pixels, in points from the top of the 792-point page; line k sits around 88
	 * + 16 k (baselines from 92 down, 16 apart, 11-point text).
	 */
	private long highlightedLine() {
		return (Long) script("""
				const i = document.getElementById('preview-image');
				const c = document.createElement('canvas');
				c.width = i.naturalWidth; c.height = i.naturalHeight;
				const g = c.getContext('2d'); g.drawImage(i, 0, 0);
				const d = g.getImageData(0, 0, c.width, c.height).data;
				let sum = 0, count = 0;
				for (let y = 0; y < c.height; y++) {
					let n = 0;
					for (let x = 0; x < c.width; x++) {
						const p = (y * c.width + x) * 4;
						if (d[p] > 200 && d[p + 1] > 150 && d[p + 2] < 170) n++;
					}
					if (n > 20) { sum += y; count++; }
				}
				return count ? Math.round((sum / count / c.height * 792 - 628) / 16) : -1;""");
	}

	/**
	 * A script expression: the readyAt of the first document in the list, as the API has
	 * it (null while it is not READY).
	 */
	private static String documentFetch() {
		return """
				(async () => {
					const li = document.querySelector('#doc-rows li[data-document]');
					const c = JSON.parse(sessionStorage.getItem('ragchat.credential'));
					const kb = document.getElementById('documents').dataset.kb;
					const d = await (await fetch('/api/v1/knowledge-bases/' + kb + '/documents/' + li.dataset.document,
						{ headers: { 'X-API-Key': c.value } })).json();
					return d.status === 'READY' ? d.readyAt : null;
				})()""";
	}

}
