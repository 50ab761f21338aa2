package dev.ragchat.api.console;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.api.Calls;
import dev.ragchat.ingestion.ExternalProgram;
import dev.ragchat.ingestion.RequiresProgram;
import dev.ragchat.ingestion.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser: Debian's headless Chromium driven by Selenium over the
 * HTTPS server. Nothing downloads a browser: the test uses {@code chromium} and
 * {@code chromedriver} from {@code PATH}
 * ({@code apt-get install chromium chromium-driver}); without them it is skipped and says
 * so, except under CI ({@code CI=true}), where it fails ({@link RequiresProgram}).
 * Screenshots go to {@code target/console/}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RequiresProgram({ ExternalProgram.CHROMIUM, ExternalProgram.CHROMEDRIVER })
class ConsoleBrowserTests {

	private static final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Value("${ragchat.master-key}")
	String masterKey;

	@Autowired
	dev.ragchat.ingestion.sync.SyncProperties sync;

	@Value("${ragchat.tls.cert}")
	Path certificate;

	@TempDir
	Path dir;

	ChromeDriver browser;

	WebDriverWait wait;

	@BeforeEach
	void startBrowser() throws Exception {
		Path chromium = ExternalProgram.CHROMIUM.file();
		Path chromedriver = ExternalProgram.CHROMEDRIVER.file();
		// the driver and browser are named here, so Selenium Manager has nothing to find
		System.setProperty("webdriver.chrome.driver", chromedriver.toString());
		System.setProperty("SE_AVOID_STATS", "true");
		ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + Files.createDirectories(this.dir.resolve("profile")),
				// the test server's self-signed development certificate
				"--ignore-certificate-errors", "--window-size=1280,900");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(90));
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

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
	void keepsAFollowUpToARefusedQuestionOnItsSubject() throws Exception {
		signInWithTheHarbourPdf();
		this.browser.findElement(By.id("tab-chat")).click();
		WebElement refused = ask("When did Adobe automate the lighthouse on Kestrel Point?");
		assertThat(refused.getAttribute("class")).contains("not-found");
		WebElement followUp = ask("And in which year were its keepers no longer living there in rotation?");
		assertThat(followUp.getAttribute("class")).contains("not-found");
		assertThat(followUp.findElements(By.cssSelector("button.chip"))).isEmpty();
	}

	@Test
	void picksTheKnowledgeBasesOfAKeyFromTheList() throws Exception {
		String filings = createKnowledgeBaseOverHttp("filings");
		open();
		this.browser.findElement(By.id("credential")).sendKeys(this.masterKey);
		this.browser.findElement(By.cssSelector("input[name=kind][value=master]")).click();
		this.browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
		this.browser.findElement(By.id("tab-admin")).click();
		WebElement choice = this.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#key-kb-choices input[value='" + filings + "']")));
		this.browser.findElement(By.cssSelector("#key-kbs input[value='*']")).click();
		choice.click();
		new Select(this.browser.findElement(By.id("key-ttl"))).selectByVisibleText("1 day");
		this.browser.findElement(By.id("key-name")).sendKeys("filings reader");
		this.browser.findElement(By.cssSelector("#key-form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("issued")));
		WebElement row = this.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.xpath("//tbody[@id='key-rows']/tr[td[1][text()='filings reader']]")));
		assertThat(row.getText()).contains("filings (" + filings + ")").contains("in 1 day").contains("active");
		assertNoHorizontalScroll();
		screenshot("keys");
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
		// copy: the answer's text on the clipboard
		this.browser.executeCdpCommand("Browser.grantPermissions", java.util.Map.of("permissions",
				List.of("clipboardReadWrite", "clipboardSanitizedWrite"), "origin", "https://localhost:" + this.port));
		WebElement copy = answer.findElement(By.cssSelector("button.copy"));
		copy.click();
		this.wait.until(ExpectedConditions.textToBePresentInElement(copy, "Copied"));
		assertThat(script("return navigator.clipboard.readText()")).asString().contains("automated in 1987");

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
	void followsTheSystemsDarkSchemeUntilToggled() {
		this.browser.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features",
				List.of(java.util.Map.of("name", "prefers-color-scheme", "value", "dark"))));
		open();
		assertThat(script("return document.documentElement.dataset.theme")).isEqualTo("dark");
		assertThat(this.browser.findElement(By.id("theme")).getAttribute("aria-pressed")).isEqualTo("true");
		assertThat(script("return getComputedStyle(document.documentElement).backgroundColor"))
			.isEqualTo("rgb(15, 19, 27)");
		this.browser.findElement(By.id("theme")).click();
		assertThat(script("return document.documentElement.dataset.theme")).isEqualTo("light");
		// the choice holds over a reload, against the system's scheme
		this.browser.navigate().refresh();
		assertThat(script("return document.documentElement.dataset.theme")).isEqualTo("light");
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
	void listsResumesAndDeletesConversationsNewestFirst() throws Exception {
		signInWithTheHarbourPdf();
		this.browser.findElement(By.id("tab-chat")).click();
		ask("When was the harbour dredged?");
		this.browser.findElement(By.id("new-chat")).click();
		assertThat(this.browser.findElements(By.cssSelector("#messages li"))).isEmpty();
		ask("When was the lighthouse on Kestrel Point automated?");
		this.wait.until((driver) -> driver.findElements(By.cssSelector("#conversation-rows li")).size() == 2);
		assertThat(this.browser.findElement(By.cssSelector("#conversation-rows li:first-child")).getText())
			.contains("automated in 1987");

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
			.getText()
			.contains("forty boats"));
		assertThat(this.browser.findElement(By.cssSelector("#conversation-rows li:nth-child(2)")).getAttribute("class"))
			.contains("current");
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
						import('/console/markdown.js').then((m) => {
							const box = document.createElement('div');
							box.append(m.markdown('| a | b |\\n|---|---|\\n| 1 | 2 |\\n\\n- **bold** item\\n\\n`code [1]`\\n\\n'
								+ '<img src=x onerror="window.__hit = 1"><script>window.__hit = 2</script>'
								+ '[link](javascript:window.__hit=3) text [1]'));
							m.placeChips(box, (n) => Object.assign(document.createElement('button'), { className: 'chip', textContent: n }));
							done({ tables: box.querySelectorAll('table td').length, strong: box.querySelectorAll('li strong').length,
								code: box.querySelector('code').textContent, images: box.querySelectorAll('img, script').length,
								handlers: box.innerHTML.includes('onerror'), js: [...box.querySelectorAll('a')].some((a) => (a.getAttribute('href') || '').startsWith('javascript')),
								chips: box.querySelectorAll('button.chip').length, hit: window.__hit || 0 });
						}, (e) => done({ error: String(e) }));""");
		assertThat(rendered).asString()
			.contains("tables=2", "strong=1", "code=code [1]", "images=0", "handlers=false", "js=false", "chips=1",
					"hit=0");
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
	void showsTheActivityOfAKnowledgeBaseInChartsServedFromTheWebJar() throws Exception {
		// a key without the admin scope has no Activity view
		signIn(issueKey("{\"name\":\"console\",\"scopes\":[\"chat\",\"upload\"]}"));
		assertThat(this.browser.findElement(By.id("tab-activity")).isDisplayed()).isFalse();
		this.browser.findElement(By.id("sign-out")).click();

		signIn(issueKey());
		script("window.__violations = []; document.addEventListener('securitypolicyviolation',"
				+ " (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));");
		assertThat(this.browser.findElement(By.id("tab-activity")).isDisplayed()).isTrue();
		String name = "Activity " + System.nanoTime();
		createKnowledgeBase(name);
		uploadAndAwaitReady(TestFiles.factsPdf(this.dir.resolve("harbour.pdf")), "harbour.pdf");
		this.browser.findElement(By.id("tab-chat")).click();
		WebElement grounded = ask("When was the lighthouse on Kestrel Point automated?");
		WebElement refused = ask("What is the airspeed velocity of an unladen swallow?");
		assertThat(refused.getAttribute("class")).contains("not-found");
		WebElement helpful = grounded.findElement(By.cssSelector("button.rate-up"));
		helpful.click();
		this.wait.until(ExpectedConditions.attributeToBe(helpful, "aria-pressed", "true"));

		// the day's figures of this knowledge base, exactly
		this.browser.findElement(By.id("tab-activity")).click();
		this.wait.until((driver) -> driver.findElement(By.id("view-activity")).getAttribute("data-loaded") != null);
		new Select(this.browser.findElement(By.id("activity-kb"))).selectByVisibleText(name);
		this.wait
			.until((driver) -> String.valueOf(driver.findElement(By.id("view-activity")).getAttribute("data-loaded"))
				.matches("kb_.+\\|30"));
		assertThat(figure("sessions")).isEqualTo("1");
		assertThat(figure("questions")).isEqualTo("2");
		assertThat(figure("grounded")).isEqualTo("1");
		assertThat(figure("refused")).isEqualTo("1");
		assertThat(figure("uploads")).isEqualTo("1");
		assertThat(figure("pages")).isEqualTo("4");
		assertThat(figure("feedback")).isEqualTo("1 helpful, 0 not helpful");
		assertThat(this.browser.findElement(By.id("activity-cited")).getText()).contains("harbour.pdf 1");

		// drawn by Chart.js, from the application's WebJar, within the CSP
		assertThat(script("""
				const chart = Chart.getChart(document.getElementById('chart-answers'));
				return chart.data.datasets.map((d) => d.label + '=' + d.data.reduce((a, b) => a + b, 0)).join();"""))
			.isEqualTo("Grounded=1,Refused=1");
		assertThat((Long) script("""
				const c = document.getElementById('chart-answers');
				const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
				let n = 0;
				for (let p = 3; p < d.length; p += 4) { if (d[p] > 0) n++; }
				return n;""")).isGreaterThan(1000);
		assertThat(script("return performance.getEntriesByType('resource').map((e) => new URL(e.name))"
				+ ".filter((u) => u.pathname.includes('chart')).map((u) => u.origin === location.origin"
				+ " ? u.pathname : u.href).join()"))
			.isEqualTo("/webjars/chart.js/dist/chart.umd.js");
		assertThat(script("return window.__violations")).asList().isEmpty();

		// dark: drawn again in the dark theme's ink
		this.browser.findElement(By.id("theme")).click();
		this.wait.until((driver) -> "#e4e8f1".equals(script(
				"return Chart.getChart(document.getElementById('chart-answers')).options.scales.x.ticks.color")));
		this.browser.findElement(By.id("theme")).click();
		this.browser.manage().window().setSize(new Dimension(390, 844));
		assertNoHorizontalScroll();
		this.browser.manage().window().setSize(new Dimension(1280, 900));
	}

	@Test
	void syncsAFolderSourceShowsItsReportAVersionHistoryAndFiltersSearch() throws Exception {
		Path folder = Files
			.createDirectories(this.sync.folderRoots().get(0).resolve("console-" + java.util.UUID.randomUUID()));
		Files.writeString(folder.resolve("alpha.md"), "# Alpha\n\nThe alpha pier opens at seven.\n");
		Files.writeString(folder.resolve("beta.md"), "# Beta\n\nThe beta pier opens at nine.\n");
		signIn(issueKey());
		createKnowledgeBase("Synced");

		this.browser.findElement(By.id("source-location")).sendKeys(folder.toString());
		this.browser.findElement(By.cssSelector("#source-form button[type=submit]")).click();
		By lastRun = By.cssSelector("#source-rows li.sync-source .last-run");
		this.wait
			.until(ExpectedConditions.textMatches(lastRun, java.util.regex.Pattern.compile("Last sync .*2 added")));
		assertThat(this.browser.findElement(By.cssSelector("#source-rows li.sync-source strong")).getText())
			.isEqualTo(folder.toRealPath().toString());

		Files.writeString(folder.resolve("alpha.md"), "# Alpha\n\nThe alpha pier now opens at eight.\n");
		this.browser.findElement(By.cssSelector("#source-rows button.sync-now")).click();
		this.wait.until(ExpectedConditions.textMatches(lastRun,
				java.util.regex.Pattern.compile("Last sync .*1 replaced, 1 unchanged")));
		screenshot("sources");

		// the replaced document shows its version, and its history on demand
		By alphaVersion = By.xpath("//ul[@id='doc-rows']/li[strong='alpha.md']//button[contains(@class,'version')]");
		this.wait.until(ExpectedConditions.textToBe(alphaVersion, "v2"));
		this.browser.findElement(alphaVersion).click();
		this.wait.until(ExpectedConditions
			.numberOfElementsToBe(By.xpath("//ul[@id='doc-rows']/li[strong='alpha.md']//ol[@class='versions']/li"), 2));
		assertThat(this.browser
			.findElement(By.xpath("//ul[@id='doc-rows']/li[strong='alpha.md']//ol[@class='versions']/li[2]"))
			.getText()).startsWith("v2 (current): alpha.md");
		assertThat(this.browser.findElement(By.xpath("//ul[@id='doc-rows']/li[strong='beta.md']")).getText())
			.contains("v1", "synced: beta.md");

		// a search narrowed by a filter finds only the filtered document
		this.browser.findElement(By.id("tab-search")).click();
		this.browser.findElement(By.id("search-query")).sendKeys("When does the pier open?");
		this.browser.findElement(By.id("search-filter"))
			.sendKeys("{\"key\": \"path\", \"op\": \"eq\", \"value\": \"beta.md\"}");
		this.browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#search-results li.result")));
		assertThat(this.browser.findElements(By.cssSelector("#search-results li.result .source button")))
			.extracting(WebElement::getText)
			.isNotEmpty()
			.allSatisfy((text) -> assertThat(text).startsWith("beta.md"));
		this.browser.findElement(By.id("search-filter")).clear();
		this.browser.findElement(By.id("search-filter"))
			.sendKeys("{\"key\": \"path\", \"op\": \"between\", \"value\": 1}");
		this.browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.textMatches(By.id("error"),
				java.util.regex.Pattern.compile("filter\\.op: 'between' is not one of")));
	}

	@Test
	void takesTheScreenshotsOfTheMainScreensLightAndDark() throws Exception {
		// the screens as a new user sees them: only this test's knowledge bases
		deleteKnowledgeBasesOverHttp();
		signIn(issueKey());
		createKnowledgeBase("Harbour archive");
		uploadAndAwaitReady(TestFiles.factsPdf(this.dir.resolve("harbour-history.pdf")), "harbour-history.pdf");
		this.browser.findElement(By.id("files"))
			.sendKeys(TestFiles.handbookDocx(this.dir.resolve("agent-handbook.docx")).toAbsolutePath().toString());
		this.wait.until((driver) -> driver.findElements(By.cssSelector("#doc-rows li[data-status=READY]")).size() == 2);
		this.browser.findElement(By.id("tab-search")).click();
		this.browser.findElement(By.id("search-query")).sendKeys("lighthouse keepers");
		this.browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#search-results li.result")));
		this.browser.findElement(By.id("tab-chat")).click();
		ask("When was the harbour dredged?");
		this.browser.findElement(By.id("new-chat")).click();
		ask("When was the lighthouse on Kestrel Point automated?");
		for (String theme : List.of("light", "dark")) {
			if (theme.equals("dark")) {
				this.browser.findElement(By.id("theme")).click();
				assertThat(script("return document.documentElement.dataset.theme")).isEqualTo("dark");
				assertThat(script("return getComputedStyle(document.documentElement).backgroundColor"))
					.isEqualTo("rgb(15, 19, 27)");
			}
			for (int width : List.of(1280, 390)) {
				this.browser.manage().window().setSize(new Dimension(width, (width == 390) ? 844 : 900));
				for (String view : List.of("knowledge", "chat", "search", "activity")) {
					this.browser.findElement(By.id("tab-" + view)).click();
					if (view.equals("activity")) {
						this.wait.until((driver) -> Boolean.TRUE.equals(script("return !!document.getElementById("
								+ "'view-activity').dataset.loaded && !!window.Chart"
								+ " && !!Chart.getChart(document.getElementById('chart-usage'))")));
					}
					assertNoHorizontalScroll();
					screenshot("screen-" + view + "-" + width + "-" + theme);
				}
			}
			this.browser.manage().window().setSize(new Dimension(1280, 900));
		}
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

	private void open() {
		this.browser.get("https://localhost:" + this.port + "/");
	}

	private void signIn(String key) {
		open();
		this.browser.findElement(By.id("credential")).sendKeys(key);
		this.browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
		this.wait.until((driver) -> "tab-knowledge".equals(script("return document.activeElement.id")));
	}

	private void createKnowledgeBase(String name) {
		WebElement field = this.browser.findElement(By.id("kb-name"));
		field.clear();
		field.sendKeys(name);
		this.browser.findElement(By.id("kb-create-button")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("documents-title"), "Documents of " + name));
	}

	/**
	 * Signs in with a fresh key and makes a knowledge base "Harbour" holding the harbour
	 * PDF, READY: where most scenarios start.
	 */
	private void signInWithTheHarbourPdf() throws Exception {
		signIn(issueKey());
		createKnowledgeBase("Harbour");
		uploadAndAwaitReady(TestFiles.factsPdf(this.dir.resolve("harbour.pdf")), "harbour.pdf");
	}

	private void uploadAndAwaitReady(Path file, String filename) {
		this.browser.findElement(By.id("files")).sendKeys(file.toAbsolutePath().toString());
		WebElement ready = this.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#doc-rows li[data-status=READY] progress[value='100']")));
		assertThat(ready.getAttribute("aria-label")).contains(filename).contains("READY");
	}

	private WebElement ask(String question) {
		int before = this.browser.findElements(By.cssSelector("#messages li.assistant[data-done=true]")).size();
		WebElement box = this.wait.until(ExpectedConditions.elementToBeClickable(By.id("question")));
		box.sendKeys(question);
		this.browser.findElement(By.id("send")).click();
		this.wait.until((driver) -> driver.findElements(By.cssSelector("#messages li.assistant[data-done=true]"))
			.size() > before);
		List<WebElement> answers = this.browser.findElements(By.cssSelector("#messages li.assistant[data-done=true]"));
		return answers.get(answers.size() - 1);
	}

	private void awaitPreviewImage() {
		this.wait.until((driver) -> Boolean.TRUE.equals(script("const i = document.getElementById('preview-image');"
				+ " return document.getElementById('preview').open && !document.getElementById('preview-page').hidden"
				+ " && i.complete && i.naturalWidth > 0")));
	}

	private long highlightedPixels() {
		return (Long) script("""
				const i = document.getElementById('preview-image');
				const c = document.createElement('canvas');
				c.width = i.naturalWidth; c.height = i.naturalHeight;
				const g = c.getContext('2d'); g.drawImage(i, 0, 0);
				const d = g.getImageData(0, 0, c.width, c.height).data;
				let n = 0;
				for (let p = 0; p < d.length; p += 4) { if (d[p] > 200 && d[p + 1] > 150 && d[p + 2] < 170) n++; }
				return n;""");
	}

	/** Whether the first highlighted row of the page is inside the scrolled page box. */
	private boolean highlightInView() {
		return Boolean.TRUE.equals(script("""
				const i = document.getElementById('preview-image');
				const box = document.getElementById('preview-page').getBoundingClientRect();
				const c = document.createElement('canvas');
				c.width = i.naturalWidth; c.height = i.naturalHeight;
				const g = c.getContext('2d'); g.drawImage(i, 0, 0);
				const d = g.getImageData(0, 0, c.width, c.height).data;
				for (let y = 0; y < c.height; y++) {
					for (let x = 0; x < c.width; x++) {
						const p = (y * c.width + x) * 4;
						if (d[p] > 200 && d[p + 1] > 150 && d[p + 2] < 170) {
							const top = i.getBoundingClientRect().top + y * i.clientHeight / c.height;
							return top >= box.top && top <= box.bottom;
						}
					}
				}
				return false;"""));
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

	/**
	 * Waits until the page fits the window's width: after a resize, responsive parts
	 * (Chart.js's canvases) are laid out again on a later frame.
	 */
	private void assertNoHorizontalScroll() {
		new WebDriverWait(this.browser, Duration.ofSeconds(10)).withMessage("the page scrolls sideways")
			.until((driver) -> Boolean.TRUE
				.equals(script("return document.documentElement.scrollWidth <= window.innerWidth")));
	}

	private Object script(String script) {
		return ((JavascriptExecutor) this.browser).executeScript(script);
	}

	private void screenshot(String name) throws Exception {
		Path dir = Files.createDirectories(Path.of("target", "console"));
		File shot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	private void deleteKnowledgeBasesOverHttp() throws Exception {
		HttpClient client = HttpClient.newBuilder().sslContext(Calls.trusting(this.certificate)).build();
		String base = "https://localhost:" + this.port + "/api/v1/knowledge-bases";
		HttpResponse<String> listed = client.send(
				HttpRequest.newBuilder(URI.create(base)).header("X-Master-Key", this.masterKey).build(),
				HttpResponse.BodyHandlers.ofString());
		for (com.fasterxml.jackson.databind.JsonNode kb : json.readTree(listed.body()).get("knowledgeBases")) {
			String id = kb.get("id").asText();
			if (!id.equals("default")) {
				client.send(HttpRequest.newBuilder(URI.create(base + "/" + id))
					.header("X-Master-Key", this.masterKey)
					.DELETE()
					.build(), HttpResponse.BodyHandlers.ofString());
			}
		}
	}

	private String createKnowledgeBaseOverHttp(String name) throws Exception {
		HttpClient client = HttpClient.newBuilder().sslContext(Calls.trusting(this.certificate)).build();
		HttpResponse<String> created = client
			.send(HttpRequest.newBuilder(URI.create("https://localhost:" + this.port + "/api/v1/knowledge-bases"))
				.header("X-Master-Key", this.masterKey)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).isEqualTo(201);
		return json.readTree(created.body()).get("id").asText();
	}

	private String figure(String name) {
		return this.browser.findElement(By.cssSelector("#activity-totals [data-figure='" + name + "']")).getText();
	}

	private String issueKey() throws Exception {
		return issueKey("{\"name\":\"console\",\"scopes\":[\"chat\",\"upload\",\"admin\"]}");
	}

	private String issueKey(String body) throws Exception {
		HttpClient client = HttpClient.newBuilder().sslContext(Calls.trusting(this.certificate)).build();
		HttpResponse<String> issued = client
			.send(HttpRequest.newBuilder(URI.create("https://localhost:" + this.port + "/api/v1/keys"))
				.header("X-Master-Key", this.masterKey)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(issued.statusCode()).isEqualTo(201);
		return json.readTree(issued.body()).get("key").asText();
	}

}
