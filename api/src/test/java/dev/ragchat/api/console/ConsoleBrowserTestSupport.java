package dev.ragchat.api.console;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.HotSpotDiagnosticMXBean;
import dev.ragchat.api.Calls;
import dev.ragchat.ingestion.ExternalProgram;
import dev.ragchat.ingestion.RequiresProgram;
import dev.ragchat.ingestion.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser: Debian's headless Chromium driven by Selenium over the
 * HTTPS server. Nothing downloads a browser: the test uses {@code chromium} and
 * {@code chromedriver} from {@code PATH}
 * ({@code apt-get install chromium chromium-driver}); without them every class extending
 * this one is skipped, before its application context starts, and says so, except under
 * CI ({@code CI=true}), where it fails: {@link RequiresProgram}, inherited. Screenshots
 * go to {@code target/console/}. Each feature's scenarios are in a class of its own
 * ({@code ChatBrowserTests}, {@code DocumentsBrowserTests}, ...); this one starts the
 * browser and holds the steps they share.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RequiresProgram({ ExternalProgram.CHROMIUM, ExternalProgram.CHROMEDRIVER })
abstract class ConsoleBrowserTestSupport {

	static final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Value("${ragchat.master-key}")
	String masterKey;

	@Autowired
	dev.ragchat.sources.SyncProperties sync;

	@Value("${ragchat.tls.cert}")
	Path certificate;

	@TempDir
	Path dir;

	ChromeDriver browser;

	WebDriverWait wait;

	/**
	 * What the server said of who called (sessions ended, cookies naming no session)
	 * while the test ran: told when a question gets no answer.
	 */
	private final ListAppender<ILoggingEvent> access = new ListAppender<>();

	private final Logger accessLogger = (Logger) LoggerFactory
		.getLogger("dev.ragchat.api.access.security.PersonSessionFilter");

	private Level accessLevel;

	@BeforeEach
	void startBrowser() throws Exception {
		this.accessLevel = this.accessLogger.getLevel();
		this.accessLogger.setLevel(Level.DEBUG);
		this.access.start();
		this.accessLogger.addAppender(this.access);
		Path chromium = ExternalProgram.CHROMIUM.file();
		Path chromedriver = ExternalProgram.CHROMEDRIVER.file();
		// the driver and browser are named here, so Selenium Manager has nothing to find
		System.setProperty("webdriver.chrome.driver", chromedriver.toString());
		System.setProperty("SE_AVOID_STATS", "true");
		ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + Files.createDirectories(this.dir.resolve("profile")),
				// the test server's self-signed development certificate, trusted by its
				// key
				// as a browser trusts a real one (Chromium caches nothing of a site whose
				// certificate it merely ignores)
				"--ignore-certificate-errors-spki-list=" + spki(this.certificate), "--ignore-certificate-errors",
				"--window-size=1280,900");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(90));
	}

	/**
	 * @param certificate a PEM certificate
	 * @return the Base64 of the SHA-256 of its public key (its SubjectPublicKeyInfo), as
	 * Chromium's {@code --ignore-certificate-errors-spki-list} names a trusted key
	 */
	static String spki(Path certificate) throws Exception {
		try (java.io.InputStream in = Files.newInputStream(certificate)) {
			java.security.cert.Certificate read = java.security.cert.CertificateFactory.getInstance("X.509")
				.generateCertificate(in);
			return java.util.Base64.getEncoder()
				.encodeToString(
						java.security.MessageDigest.getInstance("SHA-256").digest(read.getPublicKey().getEncoded()));
		}
	}

	@AfterEach
	void stopBrowser() {
		this.accessLogger.detachAppender(this.access);
		this.accessLogger.setLevel(this.accessLevel);
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	void open() {
		this.browser.get("https://localhost:" + this.port + "/");
	}

	void signIn(String key) {
		open();
		this.browser.findElement(By.id("credential")).sendKeys(key);
		this.browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
		this.wait.until((driver) -> "tab-knowledge".equals(script("return document.activeElement.id")));
	}

	void createKnowledgeBase(String name) {
		WebElement field = this.browser.findElement(By.id("kb-name"));
		field.clear();
		field.sendKeys(name);
		this.browser.findElement(By.id("kb-create-button")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("documents-title"), "Documents of " + name));
	}

	/**
	 * Signs in with a fresh key and makes a knowledge base "Harbour" holding the harbour
	 * PDF, READY: where most scenarios start.
	 * @return the key
	 */
	String signInWithTheHarbourPdf() throws Exception {
		String key = issueKey();
		signIn(key);
		createKnowledgeBase("Harbour");
		uploadAndAwaitReady(TestFiles.factsPdf(this.dir.resolve("harbour.pdf")), "harbour.pdf");
		return key;
	}

	void uploadAndAwaitReady(Path file, String filename) {
		this.browser.findElement(By.id("files")).sendKeys(file.toAbsolutePath().toString());
		WebElement ready = this.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#doc-rows li[data-status=READY] progress[value='100']")));
		assertThat(ready.getAttribute("aria-label")).contains(filename).contains("READY");
	}

	WebElement ask(String question) {
		int before = this.browser.findElements(By.cssSelector("#messages li.assistant[data-done=true]")).size();
		WebElement box = this.wait.until(ExpectedConditions.elementToBeClickable(By.id("question")));
		box.sendKeys(question);
		this.browser.findElement(By.id("send")).click();
		// a question that got no answer says why at once, not after the wait runs out
		String failed = "#messages li.assistant.failed [role=alert]";
		int failedBefore = this.browser.findElements(By.cssSelector(failed)).size();
		try {
			this.wait.until((driver) -> driver.findElements(By.cssSelector("#messages li.assistant[data-done=true]"))
				.size() > before || driver.findElements(By.cssSelector(failed)).size() > failedBefore);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("No answer to \"" + question + "\" within the wait; " + unanswered(), ex);
		}
		assertThat(this.browser.findElements(By.cssSelector(failed)).stream().skip(failedBefore))
			.as("a question the console could not get answered")
			.extracting(WebElement::getText)
			.isEmpty();
		List<WebElement> answers = this.browser.findElements(By.cssSelector("#messages li.assistant[data-done=true]"));
		return answers.get(answers.size() - 1);
	}

	/**
	 * What a question that got no answer left behind, for the failure's message: the
	 * conversation as the page shows it, the requests the page made, and where the
	 * answering threads of this process (the server runs in it) stand. A wait that runs
	 * out says nothing of why; this does.
	 */
	private String unanswered() {
		StringBuilder why = new StringBuilder();
		try {
			why.append("the page's error: ")
				.append(script(
						"const e = document.getElementById('error'); return e.hidden ? '(none)' : e.textContent"))
				.append("\nGET /api/v1/me now: ")
				.append(script("return fetch('/api/v1/me').then(async (r) => r.status + ' ' + await r.text())"))
				.append("\nthe page's last messages: ")
				.append(script("return [...document.querySelectorAll('#messages li')].slice(-2)"
						+ ".map((li) => li.outerHTML.slice(0, 600)).join('\\n')"))
				.append("\nits requests: ")
				.append(script("return performance.getEntriesByType('resource').slice(-12)"
						+ ".map((r) => r.name.replace(location.origin, '') + ' ' + Math.round(r.duration) + ' ms '"
						+ " + (r.responseStatus || '')).join('\\n')"));
		}
		catch (RuntimeException ex) {
			why.append("the page could not be read: ").append(ex.getMessage());
		}
		why.append("\nthe server's access log: ");
		List.copyOf(this.access.list)
			.forEach((line) -> why.append("\n  ")
				.append(line.getLevel())
				.append(' ')
				.append(line.getLoggerName().replaceAll(".*\\.", ""))
				.append(": ")
				.append(line.getFormattedMessage()));
		try {
			// virtual threads (the answers') are only in this dump, not in
			// Thread.getAllStackTraces
			Path dump = Files.createTempDirectory("threads").resolve("threads.txt");
			ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
				.dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
			why.append("\nthe answering threads:\n");
			for (String thread : Files.readString(dump).split("\n\n")) {
				if (thread.contains("ragchat-answer") || thread.contains("dev.ragchat.answer")) {
					why.append(thread.lines().limit(40).collect(Collectors.joining("\n"))).append("\n\n");
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			why.append("\nno thread dump: ").append(ex.getMessage());
		}
		return why.toString();
	}

	void awaitPreviewImage() {
		this.wait.until((driver) -> Boolean.TRUE.equals(script("const i = document.getElementById('preview-image');"
				+ " return document.getElementById('preview').open && !document.getElementById('preview-page').hidden"
				+ " && i.complete && i.naturalWidth > 0")));
	}

	long highlightedPixels() {
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
	boolean highlightInView() {
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
	 * Waits until the page fits the window's width: after a resize, responsive parts
	 * (Chart.js's canvases) are laid out again on a later frame.
	 */
	void assertNoHorizontalScroll() {
		try {
			new WebDriverWait(this.browser, Duration.ofSeconds(10)).until((driver) -> Boolean.TRUE
				.equals(script("return document.documentElement.scrollWidth <= window.innerWidth")));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			// say which elements reach past the window's right edge, widest first
			throw new AssertionError(
					"the page scrolls sideways; past the right edge: " + script(
							"""
									return [...document.querySelectorAll('body *')]
									  .map((e) => [e, e.getBoundingClientRect()])
									  .filter(([e, r]) => r.right > window.innerWidth + 1 && r.width > 0)
									  .sort((a, b) => b[1].right - a[1].right).slice(0, 6)
									  .map(([e, r]) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
									    + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\\s+/g, '.') : '')
									    + ' right ' + Math.round(r.right) + ' of ' + window.innerWidth).join('; ')"""),
					ex);
		}
	}

	/**
	 * From now on, every request the page makes is counted (the earlier ones are not);
	 * otherwise {@link #requestsSinceCounting} counts from the page's load.
	 */
	void startCounting() {
		script("performance.setResourceTimingBufferSize(100000); performance.clearResourceTimings();"
				+ " window.__countFrom = performance.now();");
	}

	/**
	 * The page's own requests to the service (every {@code fetch}, as the browser's
	 * resource timings have them), since {@link #startCounting} or the page's load.
	 * @return each request's path and status
	 */
	@SuppressWarnings("unchecked")
	List<Map<String, Object>> requestsSinceCounting() {
		return (List<Map<String, Object>>) script(
				"""
						return performance.getEntriesByType('resource')
							.filter((e) => e.startTime >= (window.__countFrom || 0) && new URL(e.name).origin === location.origin
								&& (e.initiatorType === 'fetch' || e.initiatorType === 'xmlhttprequest'))
							.map((e) => ({ path: new URL(e.name).pathname, status: e.responseStatus }));""");
	}

	/**
	 * A console module's URL as the page imports it (its name with the console's
	 * version), as a script expression: {@code import(...)} of it gives the page's own
	 * module.
	 * @param module the module's file name ({@code viewer.js})
	 * @return the expression
	 */
	static String moduleUrl(String module) {
		return "document.querySelector('script[src^=\"/console/console-\"]').getAttribute('src')"
				+ ".replace(/\\/console-([0-9a-f]+)\\.js$/, '/" + module.replace(".js", "") + "-$1.js')";
	}

	Object script(String script) {
		return ((JavascriptExecutor) this.browser).executeScript(script);
	}

	void screenshot(String name) throws Exception {
		Path dir = Files.createDirectories(Path.of("target", "console"));
		File shot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	String issueKey() throws Exception {
		return issueKey("{\"name\":\"console\",\"scopes\":[\"chat\",\"upload\",\"admin\"]}");
	}

	String issueKey(String body) throws Exception {
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

	/**
	 * Which line of a page the page picture highlights: the middle of its highlighted
	 * rows of pixels, in points from the top of the 792-point page, as a line number.
	 * @param first where line 0's highlight is centred, in points from the top
	 * @param spacing points from one line to the next
	 * @return the line, or -1 when nothing is highlighted
	 */
	long highlightedLine(int first, int spacing) {
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
				return count ? Math.round((sum / count / c.height * 792 - %d) / %d) : -1;""".formatted(first, spacing));
	}

}
