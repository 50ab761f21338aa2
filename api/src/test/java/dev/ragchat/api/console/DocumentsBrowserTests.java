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
		// the counter counts this batch (the later upload), not the documents before it
		assertThat(this.browser.findElement(By.id("queue-text")).getText()).isEqualTo("1 of 1 done");
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

	@Test
	void replacesADocumentUploadedAgainUnderItsNameWithItsNextVersion() throws Exception {
		signIn(issueKey());
		createKnowledgeBase("Policies");
		Path first = java.nio.file.Files.writeString(this.dir.resolve("travel-policy.md"),
				"# Travel policy\n\nHotel rooms are refunded up to 95 EUR a night.\n");
		uploadAndAwaitReady(first, "travel-policy.md");
		Path edited = java.nio.file.Files.writeString(
				java.nio.file.Files.createDirectories(this.dir.resolve("edited")).resolve("travel-policy.md"),
				"# Travel policy\n\nHotel rooms are refunded up to 110 EUR a night.\n");
		this.browser.findElement(By.id("files")).sendKeys(edited.toAbsolutePath().toString());
		// the same name: asked, never a silent second copy
		WebElement dialog = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("same-name")));
		assertThat(dialog.getText()).contains("travel-policy.md").contains("version 1");
		this.browser.findElement(By.id("same-name-replace")).click();
		this.wait.until((driver) -> Boolean.TRUE
			.equals(script("const rows = document.querySelectorAll('#doc-rows li[data-document]');"
					+ " return rows.length === 1 && rows[0].dataset.version === '2' && rows[0].dataset.status === 'READY'")));
		assertThat(this.browser.findElements(By.cssSelector("#doc-rows li"))).hasSize(1);
		assertThat(this.browser.findElement(By.id("queue-text")).getText()).isEqualTo("1 of 1 done");

		this.browser.findElement(By.id("tab-search")).click();
		this.browser.findElement(By.id("search-query")).sendKeys("hotel rooms refunded a night");
		this.browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#search-results li.result")));
		String results = this.browser.findElement(By.id("search-results")).getText();
		assertThat(results).contains("110 EUR").doesNotContain("95 EUR");
	}

	@Test
	void setsMetadataAtUploadAndLaterAndAFilteredSearchFindsTheDocumentByIt() throws Exception {
		signIn(issueKey());
		createKnowledgeBase("Budgets");
		this.browser.findElement(By.cssSelector("#upload-metadata summary")).click();
		this.browser.findElement(By.cssSelector("#upload-metadata-rows .pair-key")).sendKeys("department");
		this.browser.findElement(By.cssSelector("#upload-metadata-rows .pair-value")).sendKeys("finance");
		uploadAndAwaitReady(java.nio.file.Files.writeString(this.dir.resolve("budget.txt"),
				"The harbour budget grows by four percent next year."), "budget.txt");
		assertThat(this.browser.findElement(By.cssSelector("#doc-rows li[data-status=READY] .tags")).getText())
			.isEqualTo("department: finance");
		assertThat(filteredSearch("budget", "{\"key\":\"department\",\"op\":\"eq\",\"value\":\"finance\"}"))
			.contains("budget.txt");

		// changed later: the next version carries the new values, and the filters follow
		this.browser.findElement(By.id("tab-knowledge")).click();
		this.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#doc-rows li button.metadata")))
			.click();
		WebElement value = this.wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#metadata-rows .pair-value")));
		value.clear();
		value.sendKeys("legal");
		this.browser.findElement(By.id("metadata-add")).click();
		List<WebElement> keys = this.browser.findElements(By.cssSelector("#metadata-rows .pair-key"));
		keys.get(1).sendKeys("year");
		this.browser.findElements(By.cssSelector("#metadata-rows .pair-value")).get(1).sendKeys("2024");
		this.browser.findElement(By.id("metadata-save")).click();
		this.wait.until((driver) -> Boolean.TRUE
			.equals(script("const row = document.querySelector('#doc-rows li[data-document]');"
					+ " return row.dataset.version === '2' && row.dataset.status === 'READY'")));
		assertThat(this.browser.findElement(By.cssSelector("#doc-rows li .tags")).getText())
			.contains("department: legal")
			.contains("year: 2024");
		assertThat(filteredSearch("budget", "{\"and\":[{\"key\":\"department\",\"op\":\"eq\",\"value\":\"legal\"},"
				+ "{\"key\":\"year\",\"op\":\"gte\",\"value\":2024}]}"))
			.contains("budget.txt");
		assertThat(filteredSearch("budget", "{\"key\":\"department\",\"op\":\"eq\",\"value\":\"finance\"}"))
			.isEqualTo("Nothing found.");
	}

	@Test
	void findsSortsPagesAndDeletesSeveralDocumentsWithOneConfirmation() throws Exception {
		signIn(issueKey());
		createKnowledgeBase("Notes");
		// 27 small notes, sent by the page's own fetch (quicker than 27 file pickers)
		script("""
				const c = JSON.parse(sessionStorage.getItem('ragchat.credential'));
				const kb = document.getElementById('documents').dataset.kb;
				return (async () => {
					for (let i = 0; i < 27; i++) {
						const form = new FormData();
						const name = 'note-' + String(i).padStart(2, '0') + '.txt';
						form.append('file', new File(['Note ' + i + ' about the harbour, ' + 'x'.repeat(i)], name));
						await fetch('/api/v1/knowledge-bases/' + kb + '/documents', { method: 'POST', body: form, headers: { 'X-API-Key': c.value } });
					}
				})();""");
		this.browser.findElement(By.id("tab-search")).click();
		this.browser.findElement(By.id("tab-knowledge")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("doc-page"), "1–25 of 27"));
		assertThat(this.browser.findElement(By.id("doc-pager")).isDisplayed()).isTrue();
		// newest first by default, then sorted by name and by size
		assertThat(names().get(0)).isEqualTo("note-26.txt");
		new org.openqa.selenium.support.ui.Select(this.browser.findElement(By.id("doc-sort"))).selectByValue("name");
		this.wait.until((driver) -> names().get(0).equals("note-00.txt"));
		new org.openqa.selenium.support.ui.Select(this.browser.findElement(By.id("doc-sort"))).selectByValue("-size");
		this.wait.until((driver) -> names().get(0).equals("note-26.txt"));
		this.browser.findElement(By.id("doc-next")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("doc-page"), "26–27 of 27"));
		assertThat(names()).containsExactly("note-01.txt", "note-00.txt");

		// the second page, all of it, deleted with one confirmation
		this.browser.findElement(By.id("doc-select-all")).click();
		WebElement delete = this.browser.findElement(By.id("doc-delete-selected"));
		assertThat(delete.getText()).isEqualTo("Delete selected (2)");
		delete.click();
		org.openqa.selenium.Alert confirm = this.wait.until(ExpectedConditions.alertIsPresent());
		assertThat(confirm.getText()).contains("Delete 2 documents").contains("note-01.txt");
		confirm.accept();
		// hidden now (one page): its text read by script
		this.wait
			.until((driver) -> "1–25 of 25".equals(script("return document.getElementById('doc-page').textContent")));
		assertThat(this.browser.findElement(By.id("doc-pager")).isDisplayed()).isFalse();

		// found by name
		this.browser.findElement(By.id("doc-search")).sendKeys("note-1");
		this.wait.until((driver) -> names().size() == 10);
		assertThat(names()).allSatisfy((name) -> assertThat(name).startsWith("note-1"));
		assertThat(this.browser.findElement(By.id("doc-rows")).getAttribute("data-polling")).isIn("on", "off");
	}

	@Test
	void refusesAFileOverTheLimitBeforeSendingItAndCountsOnlyThisBatch() throws Exception {
		signIn(issueKey());
		createKnowledgeBase("Limits");
		uploadAndAwaitReady(TestFiles.factsPdf(this.dir.resolve("earlier.pdf")), "earlier.pdf");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-limit"), "100.0 MB a file"));
		// what is sent is counted: the page's fetch, watched
		script("""
				window.__sent = [];
				const original = window.fetch;
				window.fetch = (url, init) => {
					if (init && init.body instanceof FormData) window.__sent.push(init.body.get('file').name);
					return original(url, init);
				};""");
		// three files and one a byte over the limit, dropped at once
		script("""
				const dt = new DataTransfer();
				for (const name of ['a.txt', 'b.txt', 'c.txt']) dt.items.add(new File(['Text of ' + name + ' about ferries.'], name, { type: 'text/plain' }));
				const big = new File([new Uint8Array(100 * 1024 * 1024 + 1)], 'huge.txt', { type: 'text/plain' });
				dt.items.add(big);
				document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));""");
		// read in one script: the list is drawn anew while it is polled
		this.wait.until((driver) -> script(
				"const li = document.querySelector(\"#doc-rows li.status-refused[data-upload='huge.txt']\");"
						+ " return li ? li.textContent : ''") instanceof String text
				&& text.contains("more than the 100.0 MB a file may have; nothing was sent"));
		this.wait.until(ExpectedConditions.textToBe(By.id("queue-text"), "3 of 4 done, 1 refused"));
		assertThat(script("return window.__sent")).asList().containsExactlyInAnyOrder("a.txt", "b.txt", "c.txt");
	}

	@Test
	void rendersMarkdownAndHtmlSafelyAndMarksAHardWrappedQuote() throws Exception {
		signIn(issueKey());
		createKnowledgeBase("Rendered");
		uploadAndAwaitReady(java.nio.file.Files.writeString(this.dir.resolve("travel.md"), """
				# Travel policy

				Hotel rooms are refunded up to
				95 EUR a night in every city
				of the region, **breakfast** included.
				"""), "travel.md");
		this.browser.findElement(By.cssSelector("#doc-rows li[data-status=READY] button[aria-label^='View']")).click();
		WebElement text = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-text")));
		assertThat(text.findElement(By.cssSelector("h1")).getText()).isEqualTo("Travel policy");
		assertThat(text.findElement(By.tagName("strong")).getText()).isEqualTo("breakfast");
		assertThat(text.getText()).doesNotContain("# Travel").doesNotContain("**");
		this.browser.findElement(By.id("preview-close")).click();

		this.browser.findElement(By.id("tab-chat")).click();
		WebElement answer = ask("How much are hotel rooms refunded a night?");
		answer.findElement(By.cssSelector("button.chip")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#preview-text mark")));
		String marked = (String) script(
				"return [...document.querySelectorAll('#preview-text mark')].map((m) => m.textContent).join(' ')");
		assertThat(marked.replaceAll("\\s+", " ")).contains("95 EUR a night");
		this.browser.findElement(By.id("preview-close")).click();

		this.browser.findElement(By.id("tab-knowledge")).click();
		this.browser.findElement(By.id("files"))
			.sendKeys(java.nio.file.Files.writeString(this.dir.resolve("page.html"), """
					<html><head><title>Ferries</title><link rel="stylesheet" href="https://example.com/x.css"></head>
					<body><h1>Ferry times</h1>
					<script>window.__ran = 'script';</script>
					<p onclick="window.__ran = 'click'" style="color: red">The ferry leaves at nine.</p>
					<img src="https://example.com/tracker.png" onerror="window.__ran = 'image'">
					<a href="javascript:window.__ran = 'link'">a link</a>
					</body></html>""").toAbsolutePath().toString());
		this.wait.until((driver) -> driver
			.findElements(By.cssSelector("#doc-rows li[data-status=READY] button[aria-label='View page.html']"))
			.size() == 1);
		this.browser.findElement(By.cssSelector("#doc-rows li[data-document] button[aria-label='View page.html']"))
			.click();
		WebElement html = this.wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#preview-text h1")));
		assertThat(html.getText()).isEqualTo("Ferry times");
		assertThat(
				script("""
						const box = document.getElementById('preview-text');
						return [box.querySelectorAll('script, img, link, style, [onclick], [style]').length,
							[...box.querySelectorAll('a')].map((a) => a.getAttribute('href') || '').join(''), window.__ran || null]""")
					.toString())
			.isEqualTo("[0, , null]");
		this.browser.findElement(By.cssSelector("#preview-text p")).click();
		assertThat(script("return window.__ran || null")).isNull();
	}

	@Test
	void keepsTheLinksOfARenderedDocumentFromLeadingIntoTheService() throws Exception {
		signIn(issueKey());
		createKnowledgeBase("Linked");
		String service = "https://localhost:" + this.port;
		String html = """
				<html><body><h1>Ferry links</h1>
				<p><a href="/login">Sign in</a> <a href="timetable.html">Timetable</a> <a href="#fares">Fares</a>
				<a href="%s/api/v1/keys">Keys</a> <a href="https://example.com/ferries">Operator</a></p>
				</body></html>""".formatted(service);
		uploadAndAwaitReady(java.nio.file.Files.writeString(this.dir.resolve("links.html"), html), "links.html");
		this.browser.findElement(By.cssSelector("#doc-rows li[data-status=READY] button[aria-label='View links.html']"))
			.click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#preview-text h1")));
		@SuppressWarnings("unchecked")
		List<List<String>> links = (List<List<String>>) script("""
				return [...document.querySelectorAll('#preview-text a')]
					.map((a) => [a.textContent, a.href, a.getAttribute('title') || '']);""");
		assertThat(links).extracting((l) -> l.get(0))
			.containsExactly("Sign in", "Timetable", "Fares", "Keys", "Operator");
		// an uploaded file has no address of its own: a relative link leads nowhere, and
		// says where it led in the original
		assertThat(links).noneMatch((l) -> l.get(1).startsWith(service));
		assertThat(links.get(0)).containsExactly("Sign in", "", "A link of the original document: /login");
		assertThat(links.get(3).get(1)).isEmpty();
		assertThat(links.get(4).subList(0, 2)).containsExactly("Operator", "https://example.com/ferries");
	}

	@Test
	void showsTheOpenKnowledgeBasesDocumentsBeforeTheListOnANarrowScreen() throws Exception {
		signIn(issueKey());
		for (String name : List.of("Pier one", "Pier two", "Pier three", "Pier four")) {
			createKnowledgeBase(name);
		}
		this.browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
		this.browser.findElement(By.cssSelector("#kb-rows tr button[aria-label='Open Pier one']")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("documents-title"), "Documents of Pier one"));
		assertThat(script("""
				const documents = document.getElementById('documents').getBoundingClientRect();
				const list = document.getElementById('kb-table').getBoundingClientRect();
				// scrolled to: its top at the window's (to within the layout's rounding)
				return [documents.top < list.top, documents.top > -1 && documents.top < innerHeight];"""))
			.isEqualTo(List.of(true, true));
		assertNoHorizontalScroll();
		screenshot("documents-first-390-light");
		this.browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
	}

	@Test
	void offersAChatOnlyKeyNoActionThatNeedsAnotherScope() throws Exception {
		signIn(issueKey());
		createKnowledgeBase("Gated");
		uploadAndAwaitReady(java.nio.file.Files.writeString(this.dir.resolve("gate.txt"), "The gate opens at six."),
				"gate.txt");
		signOut();
		signIn(issueKey("{\"name\":\"reader\",\"scopes\":[\"chat\"]}"));
		this.browser.findElement(By.cssSelector("#kb-rows tr button[aria-label='Open Gated']")).click();
		WebElement row = this.wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#doc-rows li[data-status=READY]")));
		assertThat(row.findElement(By.cssSelector("button[aria-label='View gate.txt']")).isDisplayed()).isTrue();
		assertThat(row.findElement(By.cssSelector("button[aria-label^='Download']")).isDisplayed()).isTrue();
		for (String hidden : List.of("#drop", "#files", "#upload-metadata", "#doc-select-all", "#doc-delete-selected",
				"#doc-rows li button.delete", "#doc-rows li button.replace", "#doc-rows li button.metadata",
				"#doc-rows li button.reingest", "#doc-rows li input.select", "#kb-create",
				"#kb-rows button[aria-label='Delete Gated']")) {
			List<WebElement> found = this.browser.findElements(By.cssSelector(hidden));
			assertThat(found).as(hidden).isNotEmpty();
			assertThat(found).as(hidden).noneMatch(WebElement::isDisplayed);
		}
	}

	/** Signs out with the bar's button. */
	private void signOut() {
		this.browser.findElement(By.id("sign-out")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
	}

	/** Searches in the Search view with a filter; the results' text. */
	private String filteredSearch(String query, String filter) {
		this.browser.findElement(By.id("tab-search")).click();
		WebElement field = this.browser.findElement(By.id("search-query"));
		field.clear();
		field.sendKeys(query);
		WebElement box = this.browser.findElement(By.id("search-filter"));
		box.clear();
		box.sendKeys(filter);
		script("document.getElementById('search-results').replaceChildren()");
		this.browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
		return this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#search-results li")))
			.findElement(By.xpath(".."))
			.getText();
	}

	/** The file names of the list, in order. */
	@SuppressWarnings("unchecked")
	private List<String> names() {
		return (List<String>) script(
				"return [...document.querySelectorAll('#doc-rows li[data-document] .name')].map((n) => n.textContent)");
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
		return highlightedLine(628, 16);
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
