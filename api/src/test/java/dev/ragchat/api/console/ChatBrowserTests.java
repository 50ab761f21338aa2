package dev.ragchat.api.console;

import java.nio.file.Path;
import java.util.List;

import dev.ragchat.ingestion.TestFiles;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat in a real browser: asking, streamed answers with citation chips, conversations
 * and personas. Session tokens live five seconds here (against fifteen minutes by
 * default), so every scenario goes on across expired tokens, as a conversation does that
 * lasts longer than a token.
 */
@TestPropertySource(properties = "ragchat.jwt.ttl=5s")
class ChatBrowserTests extends ConsoleBrowserTestSupport {

	@Test
	void uploadsAsksAndShowsTheCitedPassageHighlighted() throws Exception {
		String key = issueKey();
		Path pdf = TestFiles.factsPdf(this.dir.resolve("harbour.pdf"));
		open();
		assertThat(this.browser.getTitle()).isEqualTo("ragchat console");

		// sign in: the key goes to sessionStorage, nowhere else; focus moves into the
		// console
		signIn(key);
		assertThat(script("return sessionStorage.getItem('ragchat.credential')")).asString().contains(key);
		assertThat(script("return localStorage.length")).isEqualTo(0L);
		assertThat(this.browser.getCurrentUrl()).doesNotContain(key);
		assertThat(script("return document.activeElement.id")).isEqualTo("tab-knowledge");

		// a knowledge base, and a PDF whose bar runs to READY; then the list stops
		// polling
		createKnowledgeBase("Harbour");
		uploadAndAwaitReady(pdf, "harbour.pdf");
		this.wait.until(ExpectedConditions.attributeToBe(By.id("doc-rows"), "data-polling", "off"));
		assertThat(this.browser.findElement(By.id("queue-text")).getText()).isEqualTo("1 of 1 done");
		screenshot("documents");

		// a question, answered as it streams, with numbered citation chips
		this.browser.findElement(By.id("tab-chat")).click();
		WebElement answer = ask("When was the lighthouse on Kestrel Point automated?");
		assertThat(answer.getText()).contains("automated in 1987");
		List<WebElement> chips = answer.findElements(By.cssSelector("button.chip"));
		assertThat(chips).isNotEmpty();
		assertThat(chips.get(0).getText()).isEqualTo("1");
		assertThat(chips.get(0).getAttribute("aria-label")).contains("harbour.pdf").contains("page 3");

		// the chip opens the page with the quoted passage highlighted and in view
		chips.get(0).click();
		awaitPreviewImage();
		assertThat(this.browser.findElement(By.id("preview-quote")).getText()).isEqualTo(TestFiles.PAGE_THREE_FACT);
		assertThat(this.browser.findElement(By.id("preview-image")).getAttribute("src")).startsWith("blob:");
		assertThat(highlightedPixels()).isGreaterThan(500);
		assertThat(highlightInView()).isTrue();
		screenshot("chat-preview");
		this.browser.findElement(By.id("preview-close")).click();

		// narrow, as on a phone: nothing scrolls sideways
		this.browser.manage().window().setSize(new Dimension(390, 844));
		assertNoHorizontalScroll();
		screenshot("chat-390px");
		this.browser.findElement(By.id("tab-knowledge")).click();
		assertNoHorizontalScroll();
		assertThat(script("const f = document.getElementById('files').getBoundingClientRect();"
				+ " const d = document.getElementById('drop').getBoundingClientRect();"
				+ " return f.right <= d.right + 0.5 && f.left >= d.left - 0.5"))
			.isEqualTo(true);
		this.browser.manage().window().setSize(new Dimension(1280, 900));

		// the favicon a browser asks for is no demand for credentials
		assertThat(script("return fetch('/favicon.ico').then((r) => r.status)")).isEqualTo(404L);

		// signing out forgets the key
		this.browser.findElement(By.id("sign-out")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
		assertThat(script("return sessionStorage.length")).isEqualTo(0L);
		assertThat(this.browser.findElement(By.id("console")).isDisplayed()).isFalse();
	}

	@Test
	void keepsAConversationOnItsKnowledgeBaseWhenAnotherIsOpened() throws Exception {
		signIn(issueKey());
		createKnowledgeBase("Filings");
		uploadAndAwaitReady(TestFiles.factsPdf(this.dir.resolve("harbour.pdf")), "harbour.pdf");
		this.browser.findElement(By.id("tab-chat")).click();
		ask("When was the lighthouse on Kestrel Point automated?");
		assertThat(this.browser.findElement(By.id("session-info")).getText()).contains("Conversation on Filings");

		// another knowledge base opened: the conversation still says, and asks, Filings
		this.browser.findElement(By.id("tab-knowledge")).click();
		createKnowledgeBase("Policies");
		this.browser.findElement(By.id("tab-chat")).click();
		assertThat(this.browser.findElement(By.id("session-info")).getText()).contains("Conversation on Filings");
		assertThat(new Select(this.browser.findElement(By.id("chat-kb"))).getFirstSelectedOption().getText())
			.isEqualTo("Filings");
		WebElement second = ask("When was the lighthouse on Kestrel Point automated?");
		second.findElement(By.cssSelector("button.chip")).click();
		awaitPreviewImage();
		assertThat(this.browser.findElement(By.id("error")).isDisplayed()).isFalse();
		this.browser.findElement(By.id("preview-close")).click();

		// a new chat asks the knowledge base chosen in the chat itself
		this.browser.findElement(By.id("new-chat")).click();
		new Select(this.browser.findElement(By.id("chat-kb"))).selectByVisibleText("Policies");
		WebElement empty = ask("When was the lighthouse on Kestrel Point automated?");
		assertThat(empty.getAttribute("class")).contains("not-found");
		assertThat(this.browser.findElement(By.id("session-info")).getText()).contains("Conversation on Policies");
	}

	@Test
	void answersAFollowUpToARefusedQuestionFromTheDocuments() throws Exception {
		signInWithTheHarbourPdf();
		this.browser.findElement(By.id("tab-chat")).click();
		WebElement refused = ask("When did Adobe automate the lighthouse on Kestrel Point?");
		assertThat(refused.getAttribute("class")).contains("not-found");
		// a refused turn puts no subject in focus (decision 0029): the documents answer
		WebElement followUp = ask("And in which year were its keepers no longer living there in rotation?");
		assertThat(followUp.getAttribute("class")).doesNotContain("not-found");
		assertThat(followUp.findElements(By.cssSelector("button.chip"))).isNotEmpty();
	}

	@Test
	void countsCharactersAndNeverCutsALongQuestion() throws Exception {
		signInWithTheHarbourPdf();
		this.browser.findElement(By.id("tab-chat")).click();
		WebElement box = this.browser.findElement(By.id("question"));
		// a 5,000-character paste: kept whole, counted, and Send waits until it is
		// shorter
		script("const q = document.getElementById('question'); q.value = 'x'.repeat(5000);"
				+ " q.dispatchEvent(new Event('input', { bubbles: true }));");
		assertThat(box.getDomProperty("value")).hasSize(5000);
		assertThat(this.browser.findElement(By.id("counter")).getText()).contains("5000 / 4000")
			.contains("1000 characters over the limit");
		assertThat(this.browser.findElement(By.id("send")).isEnabled()).isFalse();
		box.sendKeys(Keys.ENTER);
		assertThat(this.browser.findElements(By.cssSelector("#messages li.user"))).isEmpty();

		// multi-line: Shift+Enter breaks the line, Enter sends
		box.clear();
		script("document.getElementById('question').dispatchEvent(new Event('input', { bubbles: true }))");
		box.sendKeys("When was the lighthouse");
		box.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
		box.sendKeys("on Kestrel Point automated?");
		assertThat(box.getDomProperty("value")).isEqualTo("When was the lighthouse\non Kestrel Point automated?");
		assertThat(this.browser.findElement(By.id("send")).isEnabled()).isTrue();
		box.sendKeys(Keys.ENTER);
		WebElement answer = this.wait.until(
				ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages li.assistant[data-done=true]")));
		assertThat(answer.getText()).contains("automated in 1987");

		// regenerate asks the same question again; edit puts it back in the box
		answer.findElement(By.cssSelector("button.regenerate")).click();
		this.wait.until(
				(driver) -> driver.findElements(By.cssSelector("#messages li.assistant[data-done=true]")).size() == 2);
		assertThat(this.browser.findElements(By.cssSelector("#messages li.user")).get(1).getText())
			.contains("When was the lighthouse\non Kestrel Point automated?");
		this.browser.findElement(By.cssSelector("#messages li.user button.edit")).click();
		assertThat(box.getDomProperty("value")).isEqualTo("When was the lighthouse\non Kestrel Point automated?");
		// copy: the answer's text on the clipboard, with the sources its [n] refer to
		this.browser.executeCdpCommand("Browser.grantPermissions", java.util.Map.of("permissions",
				List.of("clipboardReadWrite", "clipboardSanitizedWrite"), "origin", "https://localhost:" + this.port));
		WebElement copy = answer.findElement(By.cssSelector("button.copy"));
		copy.click();
		this.wait.until(ExpectedConditions.textToBePresentInElement(copy, "Copied"));
		assertThat(script("return navigator.clipboard.readText()")).asString()
			.contains("automated in 1987")
			.containsPattern("\\n\\nSources:\\n\\[1] harbour\\.pdf, page 3: “[^”]*1987[^”]*”");

		// thumbs down with a reason, stored for the knowledge base
		answer.findElement(By.cssSelector("button.rate-down")).click();
		org.openqa.selenium.Alert why = this.browser.switchTo().alert();
		why.sendKeys("Too short");
		why.accept();
		this.wait.until(ExpectedConditions.attributeToBe(answer.findElement(By.cssSelector("button.rate-down")),
				"aria-pressed", "true"));
		assertThat(script("""
				const kb = document.getElementById('chat-kb').value;
				const c = JSON.parse(sessionStorage.getItem('ragchat.credential'));
				return fetch('/api/v1/knowledge-bases/' + kb + '/feedback', { headers: { 'X-API-Key': c.value } })
					.then((r) => r.json()).then((b) => b.feedback.map((f) => f.rating + ':' + f.reason).join());"""))
			.isEqualTo("down:Too short");

		// Stop ends a streaming answer where it is
		script("""
				window.__slow = window.fetch;
				window.fetch = (url, init) => url.endsWith('/messages') && init && init.method === 'POST'
					? new Promise((resolve, reject) => init.signal.addEventListener('abort',
						() => reject(new DOMException('stopped', 'AbortError'))))
					: window.__slow(url, init);""");
		box.sendKeys(Keys.ENTER);
		WebElement stop = this.wait.until(ExpectedConditions.elementToBeClickable(By.id("stop")));
		assertThat(this.browser.findElement(By.id("send")).isEnabled()).isFalse();
		stop.click();
		this.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#messages li.assistant[data-stopped=true]")));
		assertThat(this.browser.findElement(By.id("stop")).isDisplayed()).isFalse();
		assertThat(this.browser.findElement(By.id("send")).isEnabled()).isTrue();
	}

	@Test
	void listsResumesAndDeletesConversationsNewestFirst() throws Exception {
		signInWithTheHarbourPdf();
		this.browser.findElement(By.id("tab-chat")).click();
		ask("When was the harbour dredged?");
		this.browser.findElement(By.id("new-chat")).click();
		assertThat(this.browser.findElements(By.cssSelector("#messages li"))).isEmpty();
		ask("When was the lighthouse on Kestrel Point automated?");
		this.wait.until((driver) -> driver.findElements(By.cssSelector("#conversation-rows li")).size() == 2);
		// each named after its first question, not after its answer
		assertThat(this.browser.findElement(By.cssSelector("#conversation-rows li:first-child .conversation-title"))
			.getText()).isEqualTo("When was the lighthouse on Kestrel Point automated?");

		// a reload keeps the conversation: the key asks for a new token, the history
		// comes back
		this.browser.navigate().refresh();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
		this.browser.findElement(By.id("tab-chat")).click();
		this.wait.until((driver) -> driver.findElements(By.cssSelector("#messages li")).size() == 2);
		assertThat(this.browser.findElement(By.cssSelector("#messages li.assistant")).getText())
			.contains("automated in 1987");
		assertThat(script("return JSON.stringify(sessionStorage)")).asString().doesNotContain("eyJ");

		// the older one, resumed from the list, and asked again
		this.browser.findElement(By.cssSelector("#conversation-rows li:nth-child(2) button.open-conversation")).click();
		this.wait.until((driver) -> driver.findElement(By.id("messages")).getText().contains("dredged in 1902"));
		WebElement more = ask("How many boats did the fishing fleet count in 1950?");
		assertThat(more.getText()).contains("forty boats");
		this.wait.until((driver) -> driver.findElement(By.cssSelector("#conversation-rows li:nth-child(2)"))
			.getAttribute("class")
			.contains("current"));
		assertThat(this.browser.findElement(By.cssSelector("#conversation-rows li:nth-child(2) .conversation-title"))
			.getText()).isEqualTo("When was the harbour dredged?");
		screenshot("chat");

		// renamed: the list shows the name
		this.browser.findElement(By.cssSelector("#conversation-rows li:nth-child(2) button.rename-conversation"))
			.click();
		org.openqa.selenium.Alert rename = this.browser.switchTo().alert();
		rename.sendKeys("Harbour works");
		rename.accept();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(
				By.cssSelector("#conversation-rows li:nth-child(2) .conversation-title"), "Harbour works"));

		// deleted: gone from the list, and the chat starts afresh
		this.browser.findElement(By.cssSelector("#conversation-rows li:nth-child(2) button.delete-conversation"))
			.click();
		this.browser.switchTo().alert().accept();
		this.wait.until((driver) -> driver.findElements(By.cssSelector("#conversation-rows li")).size() == 1);
		assertThat(this.browser.findElements(By.cssSelector("#messages li"))).isEmpty();
	}

	@Test
	void continuesAConversationAfterItsTokenExpiredInTheOpenTabAndAfterAReload() throws Exception {
		signInWithTheHarbourPdf();
		this.browser.findElement(By.id("tab-chat")).click();
		assertThat(ask("When was the harbour dredged?").getText()).contains("dredged in 1902");

		// the token expires while the tab stays open: the next question is answered all
		// the same, in the same conversation, the token renewed before it is used (no
		// refused token, which the audit log would record as a failed sign-in)
		long refusedTokens = refusedSessionTokens();
		awaitOpenConversationsTokenExpired();
		WebElement later = ask("When was the lighthouse on Kestrel Point automated?");
		assertThat(later.getText()).contains("automated in 1987");
		assertThat(refusedSessionTokens()).isEqualTo(refusedTokens);
		assertThat(this.browser.findElements(By.cssSelector("#messages li.failed"))).isEmpty();
		assertThat(this.browser.findElements(By.cssSelector("#messages li"))).hasSize(4);
		assertThat(this.browser.findElements(By.cssSelector("#conversation-rows li"))).hasSize(1);

		// and expires again; after a reload the conversation is listed as one that goes
		// on, reopens with its history and takes another question
		awaitOpenConversationsTokenExpired();
		this.browser.navigate().refresh();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
		this.browser.findElement(By.id("tab-chat")).click();
		this.wait.until((driver) -> driver.findElements(By.cssSelector("#messages li")).size() == 4);
		WebElement row = this.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#conversation-rows li.current button.open-conversation")));
		assertThat(row.isEnabled()).isTrue();
		assertThat(row.getAttribute("title")).doesNotContain("expired");
		WebElement third = ask("How many boats did the fishing fleet count in 1950?");
		assertThat(third.getText()).contains("forty boats");
		assertThat(this.browser.findElements(By.cssSelector("#messages li"))).hasSize(6);
		assertThat(this.browser.findElement(By.id("error")).isDisplayed()).isFalse();
	}

	@Test
	void showsAQuestionThatGotNoAnswerInTheConversationAndKeepsItThere() throws Exception {
		signInWithTheHarbourPdf();
		this.browser.findElement(By.id("tab-chat")).click();
		ask("When was the harbour dredged?");
		this.wait.until((driver) -> driver.findElements(By.cssSelector("#conversation-rows li")).size() == 1);
		// the conversation is deleted elsewhere (another tab, another client of the key)
		assertThat(script("""
				const c = JSON.parse(sessionStorage.getItem('ragchat.credential'));
				const id = sessionStorage.getItem('ragchat.conversation');
				return fetch('/api/v1/sessions/' + id, { method: 'DELETE', headers: { 'X-API-Key': c.value } })
					.then((r) => r.status);""")).isEqualTo(204L);
		this.browser.findElement(By.id("question")).sendKeys("When was the lighthouse on Kestrel Point automated?");
		this.browser.findElement(By.id("send")).click();
		WebElement failed = this.wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages li.assistant.failed")));
		// the list's refresh after the question (the deleted conversation gone from it)
		// leaves the failure where it is
		this.wait.until((driver) -> driver.findElements(By.cssSelector("#conversation-rows li")).isEmpty());
		assertThat(failed.isDisplayed()).isTrue();
		assertThat(failed.findElement(By.cssSelector("[role=alert]")).getText()).startsWith("No answer:")
			.contains("cannot go on");
		assertThat(failed.findElement(By.cssSelector("button.retry")).isDisplayed()).isTrue();
		assertThat(this.browser.findElement(By.id("send")).isEnabled()).isTrue();
	}

	@Test
	void keepsTheComposerAtTheBottomWithTheConversationScrollingAboveIt() throws Exception {
		signInWithTheHarbourPdf();
		this.browser.manage().window().setSize(new Dimension(1280, 700));
		this.browser.findElement(By.id("tab-chat")).click();
		ask("When was the harbour dredged?");
		ask("When was the lighthouse on Kestrel Point automated?");
		ask("How many boats did the fishing fleet count in 1950?");
		assertComposerPinnedBelowTheLatestAnswer();
		screenshot("chat-composer-1280px");
		this.browser.manage().window().setSize(new Dimension(390, 844));
		assertNoHorizontalScroll();
		ask("When was the harbour dredged?");
		assertComposerPinnedBelowTheLatestAnswer();
		assertNoHorizontalScroll();
		screenshot("chat-composer-390px");
	}

	/**
	 * The composer is in the window after an answer, with the answer's end above it; and
	 * stays at the window's bottom while the reader scrolls back up the conversation.
	 */
	private void assertComposerPinnedBelowTheLatestAnswer() {
		this.wait.until((driver) -> Boolean.TRUE.equals(
				script("""
						const composer = document.getElementById('ask-form').getBoundingClientRect();
						const answers = document.querySelectorAll('#messages li.assistant');
						const last = answers[answers.length - 1].getBoundingClientRect();
						return composer.top >= 0 && composer.bottom <= window.innerHeight + 1 && last.bottom <= composer.top + 1;""")));
		assertThat(script("return document.scrollingElement.scrollHeight > window.innerHeight")).isEqualTo(true);
		script("window.scrollTo(0, 0)");
		assertThat(
				script("""
						const composer = document.getElementById('ask-form').getBoundingClientRect();
						return composer.bottom <= window.innerHeight + 1 && composer.bottom >= window.innerHeight - 2
							&& document.elementFromPoint(composer.left + 20, composer.top + 20).closest('#ask-form') !== null;"""))
			.isEqualTo(true);
		script("document.scrollingElement.scrollTop = document.scrollingElement.scrollHeight");
	}

	@Test
	void showsAnAnswerAsItStreams() throws Exception {
		signInWithTheHarbourPdf();
		this.browser.findElement(By.id("tab-chat")).click();
		ask("When was the harbour dredged?");
		// the answer's stream is held by the test: its first piece is shown, as Markdown,
		// before the rest comes
		script("""
				window.__fetch = window.fetch;
				window.fetch = (url, init) => {
					if (!(String(url).endsWith('/messages') && init && init.method === 'POST')) return window.__fetch(url, init);
					const body = new ReadableStream({ start: (controller) => { window.__answer = controller; } });
					return Promise.resolve(new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }));
				};""");
		this.browser.findElement(By.id("question")).sendKeys("When was the lighthouse on Kestrel Point automated?");
		this.browser.findElement(By.id("send")).click();
		this.wait.until((driver) -> Boolean.TRUE.equals(script("return !!window.__answer")));
		script("""
				const piece = (event, data) => window.__answer.enqueue(new TextEncoder()
					.encode('event:' + event + '\\ndata:' + JSON.stringify(data) + '\\n\\n'));
				piece('token', { text: 'The lighthouse was **automated** ' });""");
		WebElement streaming = this.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#messages li.assistant[aria-busy=true] .text strong")));
		assertThat(streaming.getText()).isEqualTo("automated");
		assertThat(this.browser.findElements(By.cssSelector("#messages li.assistant[data-done=true]"))).hasSize(1);
		script("""
				const piece = (event, data) => window.__answer.enqueue(new TextEncoder()
					.encode('event:' + event + '\\ndata:' + JSON.stringify(data) + '\\n\\n'));
				piece('token', { text: 'in 1987.' });
				piece('citations', []);
				piece('done', { id: 'msg_test', grounded: true, answer: 'The lighthouse was **automated** in 1987.', passages: [] });
				window.__answer.close();
				window.fetch = window.__fetch;""");
		this.wait.until(
				(driver) -> driver.findElements(By.cssSelector("#messages li.assistant[data-done=true]")).size() == 2);
		assertThat(this.browser.findElements(By.cssSelector("#messages li.assistant")).get(1).getText())
			.contains("The lighthouse was automated in 1987.");
	}

	@Test
	void listsThePassagesAnAnswerWasBuiltFromAndTellsSameNamedDocumentsApart() throws Exception {
		signIn(issueKey());
		createKnowledgeBase("Lights");
		// two files of the same name: an edited file uploaded again
		Path first = java.nio.file.Files.createDirectories(this.dir.resolve("first")).resolve("lights.txt");
		java.nio.file.Files.writeString(first,
				"Kestrel Point. The lighthouse on Kestrel Point was automated in 1987 after a long debate.\n");
		Path second = java.nio.file.Files.createDirectories(this.dir.resolve("second")).resolve("lights.txt");
		java.nio.file.Files.writeString(second,
				"Kestrel Point, revised. The lighthouse on Kestrel Point was automated in 1989, the council says.\n");
		uploadAndAwaitReady(first, "lights.txt");
		this.browser.findElement(By.id("files")).sendKeys(second.toAbsolutePath().toString());
		// asked whether it replaces the first: both are kept
		this.wait.until(ExpectedConditions.elementToBeClickable(By.id("same-name-both"))).click();
		this.wait.until((driver) -> driver.findElements(By.cssSelector("#doc-rows li[data-status=READY]")).size() == 2);
		this.browser.findElement(By.id("tab-chat")).click();
		WebElement answer = ask("When was the lighthouse on Kestrel Point automated?");

		// the sources panel: every passage found, with its score, document and page
		WebElement panel = answer.findElement(By.cssSelector("details.passages"));
		panel.findElement(By.tagName("summary")).click();
		List<WebElement> passages = panel.findElements(By.cssSelector(".passage[role=listitem]"));
		assertThat(passages).hasSize(2);
		assertThat(panel.findElement(By.tagName("summary")).getText())
			.isEqualTo("Sources: 2 passages from 2 documents");
		List<String> labels = passages.stream()
			.map((p) -> p.findElement(By.cssSelector(".passage-source")).getText())
			.toList();
		// told apart: the same file name, each with a short form of its id
		assertThat(labels).allMatch((label) -> label.matches("lights\\.txt \\(#[0-9a-f]{6}\\), page 1"));
		assertThat(labels.get(0)).isNotEqualTo(labels.get(1));
		for (WebElement passage : passages) {
			assertThat(passage.findElement(By.cssSelector(".passage-score")).getText()).matches("score -?[0-9.e-]+");
			assertThat(passage.findElement(By.cssSelector(".passage-text")).getText()).contains("Kestrel Point");
		}

		// a chip's preview: its document (told apart), page and quote, on focus and on
		// hover
		WebElement chip = answer.findElement(By.cssSelector("button.chip"));
		assertThat(chip.getAttribute("aria-label")).matches("Source 1: lights\\.txt \\(#[0-9a-f]{6}\\), page 1");
		((JavascriptExecutor) this.browser).executeScript("arguments[0].focus()", chip);
		WebElement preview = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chip-preview")));
		assertThat(preview.getAttribute("role")).isEqualTo("tooltip");
		assertThat(chip.getAttribute("aria-describedby")).isEqualTo("chip-preview");
		String label = chip.getAttribute("aria-label").replaceFirst("^Source 1: ", "").replaceFirst(", page 1$", "");
		assertThat(preview.getText()).contains(label + ", page 1").contains(chip.getAttribute("data-quote"));
		assertThat(chip.getAttribute("data-quote")).contains("Kestrel Point was automated");
		((JavascriptExecutor) this.browser).executeScript("arguments[0].blur()", chip);
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("chip-preview")));
		new org.openqa.selenium.interactions.Actions(this.browser).moveToElement(chip).perform();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chip-preview")));

		// light and dark, wide and narrow (as on a phone): the panel and the preview fit
		for (String width : List.of("1280", "390")) {
			this.browser.manage()
				.window()
				.setSize(new Dimension(Integer.parseInt(width), width.equals("390") ? 844 : 900));
			for (String theme : List.of("light", "dark")) {
				boolean dark = "dark"
					.equals(this.browser.findElement(By.tagName("html")).getDomAttribute("data-theme"));
				if (dark != theme.equals("dark")) {
					this.browser.findElement(By.id("theme")).click();
				}
				((JavascriptExecutor) this.browser)
					.executeScript("arguments[0].scrollIntoView({ block: 'center' }); arguments[0].focus()", chip);
				this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chip-preview")));
				assertNoHorizontalScroll();
				screenshot("screen-chat-sources-" + width + "-" + theme);
			}
		}
		this.browser.manage().window().setSize(new Dimension(1280, 900));

		// a passage opens its document, named as the panel names it
		passages.get(1).findElement(By.cssSelector("button.open-passage")).click();
		this.wait.until((driver) -> Boolean.TRUE.equals(script("return document.getElementById('preview').open")));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-title"),
				labels.get(1).replaceFirst(", page 1$", "")));
		screenshot("chat-sources");
		this.browser.findElement(By.id("preview-close")).click();
	}

	private long refusedSessionTokens() throws java.io.IOException {
		return java.nio.file.Files.readAllLines(this.context.getBean(dev.ragchat.api.audit.Audit.class).file())
			.stream()
			.filter((line) -> line.contains("\"sign-in.failed\"") && line.contains("credential:session-token"))
			.count();
	}

	private void awaitOpenConversationsTokenExpired() {
		this.wait.until((driver) -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const c = JSON.parse(sessionStorage.getItem('ragchat.credential'));
				const id = sessionStorage.getItem('ragchat.conversation');
				fetch('/api/v1/sessions?limit=100', { headers: { 'X-API-Key': c.value } })
					.then((r) => r.json())
					.then((b) => done(b.sessions.some((s) => s.sessionId === id
						&& Date.parse(s.expiresAt) < Date.now() - 1000)));""")));
	}

	@Test
	void createsEditsAndChatsWithAPersona() throws Exception {
		signInWithTheHarbourPdf();
		this.browser.findElement(By.id("tab-chat")).click();
		this.wait.until(ExpectedConditions.elementToBeClickable(By.id("persona-new"))).click();
		String title = "Harbour guide " + System.nanoTime();
		this.browser.findElement(By.id("persona-title")).sendKeys(title);
		this.browser.findElement(By.id("persona-description")).sendKeys("Answers about the harbour");
		this.browser.findElement(By.id("persona-prompt")).sendKeys("Answer briefly.");
		this.browser.findElement(By.id("persona-topk")).sendKeys("4");
		this.browser.findElement(By.id("persona-locked")).click();
		this.browser.findElement(By.id("persona-save")).click();
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("persona-dialog")));
		assertThat(new Select(this.browser.findElement(By.id("chat-persona"))).getFirstSelectedOption().getText())
			.isEqualTo(title + " (locked)");
		assertThat(this.browser.findElement(By.id("persona-info")).getText()).contains(title)
			.contains("Answers about the harbour")
			.contains("locked");
		assertThat(this.browser.findElement(By.id("chat-kb")).isEnabled()).isFalse();

		// its creator may change it
		this.browser.findElement(By.id("persona-edit")).click();
		WebElement description = this.browser.findElement(By.id("persona-description"));
		assertThat(description.getDomProperty("value")).isEqualTo("Answers about the harbour");
		description.clear();
		description.sendKeys("Knows the lighthouse");
		this.browser.findElement(By.id("persona-save")).click();
		this.wait
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("persona-info"), "Knows the lighthouse"));

		// the conversation says who answers
		ask("When was the lighthouse on Kestrel Point automated?");
		assertThat(this.browser.findElement(By.id("session-info")).getText()).contains("with " + title);
		assertThat(this.browser.findElement(By.id("persona-new")).isDisplayed()).isFalse();
	}

	@Test
	void rendersAnswersAsSanitisedMarkdown() throws Exception {
		open();
		Object rendered = ((JavascriptExecutor) this.browser).executeAsyncScript(
				"""
						const done = arguments[arguments.length - 1];
						import(%s).then((m) => {
							const box = document.createElement('div');
							box.append(m.markdown('| a | b |\\n|---|---|\\n| 1 | 2 |\\n\\n- **bold** item\\n\\n`code [1]`\\n\\n'
								+ '<img src=x onerror="window.__hit = 1"><script>window.__hit = 2</script>'
								+ '[link](javascript:window.__hit=3) text [1]'));
							m.placeChips(box, (n) => Object.assign(document.createElement('button'), { className: 'chip', textContent: n }));
							done({ tables: box.querySelectorAll('table td').length, strong: box.querySelectorAll('li strong').length,
								code: box.querySelector('code').textContent, images: box.querySelectorAll('img, script').length,
								handlers: box.innerHTML.includes('onerror'), js: [...box.querySelectorAll('a')].some((a) => (a.getAttribute('href') || '').startsWith('javascript')),
								chips: box.querySelectorAll('button.chip').length, hit: window.__hit || 0 });
						}, (e) => done({ error: String(e) }));"""
					.formatted(moduleUrl("markdown.js")));
		assertThat(rendered).asString()
			.contains("tables=2", "strong=1", "code=code [1]", "images=0", "handlers=false", "js=false", "chips=1",
					"hit=0");
	}

}
