package dev.ragchat.api.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.ragchat.api.Calls;
import dev.ragchat.ingestion.TestFiles;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administration in a real browser: keys, activity and sources.
 */
class AdminBrowserTests extends ConsoleBrowserTestSupport {

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

}
