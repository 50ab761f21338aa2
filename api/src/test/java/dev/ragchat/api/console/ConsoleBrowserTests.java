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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

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

	@Value("${ragchat.master-key}")
	String masterKey;

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
		this.browser.get("https://localhost:" + this.port + "/");
		assertThat(this.browser.getTitle()).isEqualTo("ragchat console");

		// sign in: the key goes to sessionStorage, nowhere else
		this.browser.findElement(By.id("credential")).sendKeys(key);
		this.browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
		assertThat(script("return sessionStorage.getItem('ragchat.credential')")).asString().contains(key);
		assertThat(script("return localStorage.length")).isEqualTo(0L);
		assertThat(this.browser.getCurrentUrl()).doesNotContain(key);

		// a knowledge base, and a PDF whose bar runs to READY
		this.browser.findElement(By.id("kb-name")).sendKeys("Harbour");
		this.browser.findElement(By.cssSelector("#kb-create button")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("drop")));
		this.browser.findElement(By.id("files")).sendKeys(pdf.toAbsolutePath().toString());
		WebElement ready = this.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#doc-rows li[data-status=READY] progress[value='100']")));
		assertThat(ready.getAttribute("aria-label")).contains("harbour.pdf").contains("READY");
		screenshot("documents");

		// a question, answered as it streams, with numbered citation chips
		this.browser.findElement(By.id("tab-chat")).click();
		this.browser.findElement(By.cssSelector("#session-form button")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ask-form")));
		this.browser.findElement(By.id("question")).sendKeys("When was the lighthouse on Kestrel Point automated?");
		this.browser.findElement(By.cssSelector("#ask-form button")).click();
		WebElement answer = this.wait.until(
				ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages li.assistant[data-done=true]")));
		assertThat(answer.getText()).contains("automated in 1987");
		List<WebElement> chips = answer.findElements(By.cssSelector("button.chip"));
		assertThat(chips).isNotEmpty();
		assertThat(chips.get(0).getText()).isEqualTo("1");
		assertThat(chips.get(0).getAttribute("aria-label")).contains("harbour.pdf").contains("page 3");

		// the chip opens the page with the quoted passage highlighted
		chips.get(0).click();
		this.wait.until((driver) -> Boolean.TRUE.equals(script(
				"const i = document.getElementById('preview-image'); return !i.hidden && i.complete && i.naturalWidth > 0")));
		assertThat(this.browser.findElement(By.id("preview-quote")).getText()).isEqualTo(TestFiles.PAGE_THREE_FACT);
		assertThat(this.browser.findElement(By.id("preview-image")).getAttribute("src")).startsWith("blob:");
		long highlighted = (Long) script("""
				const i = document.getElementById('preview-image');
				const c = document.createElement('canvas');
				c.width = i.naturalWidth; c.height = i.naturalHeight;
				const g = c.getContext('2d'); g.drawImage(i, 0, 0);
				const d = g.getImageData(0, 0, c.width, c.height).data;
				let n = 0;
				for (let p = 0; p < d.length; p += 4) { if (d[p] > 200 && d[p + 1] > 150 && d[p + 2] < 170) n++; }
				return n;""");
		assertThat(highlighted).isGreaterThan(500);
		screenshot("chat-preview");
		this.browser.findElement(By.cssSelector("#preview button")).click();

		// narrow, as on a phone
		this.browser.manage().window().setSize(new Dimension(390, 844));
		screenshot("chat-390px");
		this.browser.manage().window().setSize(new Dimension(1280, 900));

		// signing out forgets the key
		this.browser.findElement(By.id("sign-out")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
		assertThat(script("return sessionStorage.length")).isEqualTo(0L);
		assertThat(this.browser.findElement(By.id("console")).isDisplayed()).isFalse();
	}

	private Object script(String script) {
		return ((JavascriptExecutor) this.browser).executeScript(script);
	}

	private void screenshot(String name) throws Exception {
		Path dir = Files.createDirectories(Path.of("target", "console"));
		File shot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	private String issueKey() throws Exception {
		HttpClient client = HttpClient.newBuilder().sslContext(Calls.trusting(this.certificate)).build();
		HttpResponse<String> issued = client
			.send(HttpRequest.newBuilder(URI.create("https://localhost:" + this.port + "/api/v1/keys"))
				.header("X-Master-Key", this.masterKey)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"name\":\"console\",\"scopes\":[\"chat\",\"upload\",\"admin\"]}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(issued.statusCode()).isEqualTo(201);
		return json.readTree(issued.body()).get("key").asText();
	}

}
