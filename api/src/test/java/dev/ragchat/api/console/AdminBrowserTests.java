package dev.ragchat.api.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.ragchat.api.Calls;
import dev.ragchat.ingestion.TestFiles;
import dev.ragchat.ingestion.blobs.S3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administration in a real browser: keys, activity, sources, the search view and the
 * console's tables. S3 sources read an s3proxy started for this class.
 */
class AdminBrowserTests extends ConsoleBrowserTestSupport {

	static S3Server s3;

	@DynamicPropertySource
	static void s3Sources(DynamicPropertyRegistry registry) throws Exception {
		s3 = S3Server.start();
		registry.add("ragchat.sync.s3.endpoint", () -> s3.endpoint().toString());
		registry.add("ragchat.sync.s3.region", () -> "us-east-1");
		registry.add("ragchat.sync.s3.path-style", () -> "true");
	}

	@AfterAll
	static void stopS3() throws Exception {
		if (s3 != null) {
			s3.close();
		}
	}

	@Test
	void saysAKeyNeedsAScopeWithoutSendingItAndStatesTheScopesOfTheIssuedKey() throws Exception {
		signInWithTheMasterKey();
		this.browser.findElement(By.id("tab-admin")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key-form")));
		script("window.__posts = []; const original = window.fetch; window.fetch = (url, init) => {"
				+ " if (init && init.method === 'POST') window.__posts.push(String(url)); return original(url, init); };");
		WebElement chat = this.browser.findElement(By.cssSelector("#key-form input[name=scope][value=chat]"));
		chat.click();
		assertThat(chat.isSelected()).isFalse();
		this.browser.findElement(By.id("key-name")).sendKeys("nothing at all");
		this.browser.findElement(By.cssSelector("#key-form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("error"), "Tick at least one scope: chat, upload or admin."));
		assertThat(script("return window.__posts")).asList().isEmpty();
		assertThat(this.browser.findElement(By.id("issued")).isDisplayed()).isFalse();
		assertThat(script("return document.activeElement.value")).isEqualTo("chat");

		chat.click();
		this.browser.findElement(By.cssSelector("#key-form input[name=scope][value=upload]")).click();
		this.browser.findElement(By.cssSelector("#key-form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("issued")));
		assertThat(this.browser.findElement(By.id("issued-what")).getText()).startsWith("“nothing at all”: ")
			.contains("chat (search and ask); upload (add, replace and delete documents).")
			.contains("Knowledge bases: all.")
			.doesNotContain("admin");
		assertThat(script("return window.__posts")).asList().containsExactly("/api/v1/keys");
	}

	@Test
	void issuesOneKeyForADoubleClickOnIssueKey() throws Exception {
		signInWithTheMasterKey();
		this.browser.findElement(By.id("tab-admin")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key-form")));
		script("window.__posts = []; const original = window.fetch; window.fetch = (url, init) => {"
				+ " if (init && init.method === 'POST') window.__posts.push(String(url)); return original(url, init); };");
		this.browser.findElement(By.id("key-name")).sendKeys("twice clicked");
		WebElement issue = this.browser.findElement(By.cssSelector("#key-form button[type=submit]"));
		new Actions(this.browser).doubleClick(issue).perform();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("issued")));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("key-rows"), "twice clicked"));
		assertThat(script("return window.__posts")).asList().containsExactly("/api/v1/keys");
		assertThat(this.browser.findElements(By.xpath("//tbody[@id='key-rows']/tr[td[1]/text()='twice clicked']")))
			.hasSize(1);
		// and is offered again once the key is issued
		this.wait.until(ExpectedConditions.elementToBeClickable(issue));
	}

	@Test
	void keepsEveryTableHeaderOnOneLineAt1280AndEachStackedCellLabelledAt390() throws Exception {
		// a key for many knowledge bases with long names: a wide column squeezes the
		// others
		StringBuilder ids = new StringBuilder();
		for (int n = 1; n <= 6; n++) {
			String id = createKnowledgeBaseOverHttp("Quarterly filings and annual reports archive " + n);
			ids.append((n > 1) ? "," : "").append('"').append(id).append('"');
		}
		issueKey("{\"name\":\"the-quarterly-filings-review-team-reading-key\",\"scopes\":[\"chat\",\"upload\"],"
				+ "\"knowledgeBases\":[" + ids + "]}");
		signInWithTheMasterKey();
		this.browser.findElement(By.id("tab-admin")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(
				By.xpath("//tbody[@id='key-rows']/tr[td[1]/text()='the-quarterly-filings-review-team-reading-key']")));
		assertThat(wrappedHeadersAndButtons()).asList().isEmpty();
		script("document.getElementById('key-rows').closest('table').scrollIntoView()");
		screenshot("keys-table-1280");

		this.browser.manage().window().setSize(new Dimension(390, 844));
		assertNoHorizontalScroll();
		assertThat(unlabelledCells()).asList().isEmpty();
		script("document.getElementById('key-rows').closest('table').scrollIntoView()");
		screenshot("keys-table-390");
		// the knowledge bases' table and Activity's, too
		this.browser.findElement(By.id("tab-knowledge")).click();
		this.wait.until((driver) -> !driver.findElements(By.cssSelector("#kb-rows tr")).isEmpty());
		assertNoHorizontalScroll();
		assertThat(unlabelledCells()).asList().isEmpty();
		this.browser.findElement(By.id("tab-activity")).click();
		this.wait.until((driver) -> driver.findElement(By.id("view-activity")).getAttribute("data-loaded") != null);
		assertNoHorizontalScroll();
		assertThat(unlabelledCells()).asList().isEmpty();
		this.browser.manage().window().setSize(new Dimension(1280, 900));
	}

	@Test
	void showsWhyABrokenS3SourceFailsInPlainWords() throws Exception {
		signIn(issueKey());
		createKnowledgeBase("Bucket");
		this.browser.findElement(By.id("source-location")).sendKeys("s3://no-such-bucket/team/");
		this.browser.findElement(By.cssSelector("#source-form button[type=submit]")).click();
		String reason = "Cannot list s3://no-such-bucket/team/: bucket 'no-such-bucket' not found at " + s3.endpoint();
		WebElement error = this.wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("#source-rows li.sync-source .error-text")));
		assertThat(error.getText()).isEqualTo(reason);
		assertThat(this.browser.findElement(By.cssSelector("#source-rows li.sync-source .last-run")).getText())
			.startsWith("Last sync FAILED")
			.doesNotContain("nothing to do");
		// the API says the same
		String kb = this.browser.findElement(By.id("documents")).getAttribute("data-kb");
		String sources = getOverHttp("/api/v1/knowledge-bases/" + kb + "/sources");
		String id = json.readTree(sources).get("sources").get(0).get("id").asText();
		String runs = getOverHttp("/api/v1/knowledge-bases/" + kb + "/sources/" + id + "/runs");
		assertThat(json.readTree(runs).get("runs").get(0).get("error").asText()).isEqualTo(reason);
		assertThat(sources + runs).doesNotContain("software.amazon", "Exception", "Status Code", "Request ID");
		screenshot("source-s3-failed");
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
		// keys by name and personas by title, not by id
		assertThat(this.browser.findElement(By.id("activity-keys")).getText()).startsWith("console 1 2 1 1")
			.doesNotContain("key_");
		assertThat(this.browser.findElement(By.id("activity-personas")).getText()).startsWith("no persona 1 2");

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
			.asString()
			.matches("/webjars/chart\\.js/[0-9.]+/dist/chart\\.umd\\.js");
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
		Path folder = addFolderOfTwoPiers("console-", "Synced");
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
	void offersTheFilterKeysTheDocumentsCarryAndBuildsAFilterFromPickers() throws Exception {
		addFolderOfTwoPiers("filter-", "Filtered");
		this.wait.until(ExpectedConditions.textMatches(By.cssSelector("#source-rows li.sync-source .last-run"),
				java.util.regex.Pattern.compile("Last sync .*2 added")));
		this.wait.until(ExpectedConditions
			.numberOfElementsToBe(By.cssSelector("#doc-rows li[data-status=READY] progress[value='100']"), 2));

		this.browser.findElement(By.id("tab-search")).click();
		// the keys its documents carry (synced: source and path) and those every document
		// has
		this.wait.until((driver) -> !driver.findElements(By.cssSelector("#filter-keys option[value=path]")).isEmpty());
		assertThat(this.browser.findElements(By.cssSelector("#filter-keys option")))
			.extracting((option) -> option.getAttribute("value"))
			.containsExactly("path", "source", "filename", "mediaType", "createdAt", "updatedAt", "version");
		WebElement json = this.browser.findElement(By.id("search-filter"));
		assertThat(json.getAttribute("placeholder")).doesNotContain("year").contains("\"key\":\"path\"");
		assertThat(this.browser.findElement(By.id("view-search")).getText()).doesNotContain("year");
		assertThat(this.browser.findElement(By.id("filter-keys-present")).getText()).contains("path, source");

		// a condition picked: key, operator, value (the values offered are the
		// documents')
		this.browser.findElement(By.id("search-query")).sendKeys("When does the pier open?");
		this.browser.findElement(By.id("filter-add")).click();
		WebElement key = this.browser.findElement(By.cssSelector("#filter-conditions .filter-key"));
		assertThat(key.equals(this.browser.switchTo().activeElement())).isTrue();
		key.sendKeys("path");
		new Select(this.browser.findElement(By.cssSelector("#filter-conditions .filter-op"))).selectByVisibleText("is");
		WebElement value = this.browser.findElement(By.cssSelector("#filter-conditions .filter-value"));
		assertThat(this.browser.findElements(By.cssSelector("#" + value.getAttribute("list") + " option")))
			.extracting((option) -> option.getAttribute("value"))
			.containsExactly("alpha.md", "beta.md");
		value.sendKeys("beta.md");
		assertThat(json.getAttribute("value")).isEqualTo("{\"key\":\"path\",\"op\":\"eq\",\"value\":\"beta.md\"}");
		this.browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
		// read in one script: the results are drawn anew when a search answers
		this.wait.until((driver) -> !resultSources().isEmpty());
		assertThat(resultSources()).allSatisfy((text) -> assertThat(text).startsWith("beta.md"));

		// two conditions, any of them: both documents; a number stays a number
		this.browser.findElement(By.id("filter-add")).click();
		List<WebElement> keys = this.browser.findElements(By.cssSelector("#filter-conditions .filter-key"));
		keys.get(1).sendKeys("version");
		new Select(this.browser.findElements(By.cssSelector("#filter-conditions .filter-op")).get(1))
			.selectByVisibleText("at least");
		this.browser.findElements(By.cssSelector("#filter-conditions .filter-value")).get(1).sendKeys("1");
		new Select(this.browser.findElement(By.id("filter-join"))).selectByVisibleText("any condition");
		assertThat(json.getAttribute("value"))
			.isEqualTo("{\"or\":[{\"key\":\"path\",\"op\":\"eq\",\"value\":\"beta.md\"},"
					+ "{\"key\":\"version\",\"op\":\"gte\",\"value\":1}]}");
		this.browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
		this.wait.until((driver) -> resultSources().stream().anyMatch((text) -> text.startsWith("alpha.md")));
		this.browser.manage().window().setSize(new Dimension(390, 844));
		assertNoHorizontalScroll();
		screenshot("search-filter-390");
		this.browser.manage().window().setSize(new Dimension(1280, 900));
		screenshot("search-filter");
	}

	private void signInWithTheMasterKey() {
		open();
		this.browser.findElement(By.id("credential")).sendKeys(this.masterKey);
		this.browser.findElement(By.cssSelector("input[name=kind][value=master]")).click();
		this.browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
		this.wait.until((driver) -> "tab-knowledge".equals(script("return document.activeElement.id")));
	}

	/**
	 * @return the header cells and buttons of the console's tables on screen whose text
	 * takes more than one line (a word broken in two, "Statu s")
	 */
	private Object wrappedHeadersAndButtons() {
		return script(
				"""
						const lines = (node) => {
							const range = document.createRange();
							range.selectNodeContents(node);
							return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
						};
						return [...document.querySelectorAll('table.list thead th, table.list td button')]
							.filter((node) => node.getClientRects().length && lines(node) !== 1)
							.map((node) => node.textContent + ': ' + lines(node) + ' lines');""");
	}

	/**
	 * @return the body cells of the console's tables on screen that do not show their
	 * column's header before their value
	 */
	private Object unlabelledCells() {
		return script("""
				const wrong = [];
				for (const table of document.querySelectorAll('table.list')) {
					if (!table.getClientRects().length) continue;
					const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
					for (const row of table.tBodies[0].rows) {
						[...row.cells].forEach((cell, i) => {
							if (cell.colSpan !== 1) return;
							const before = getComputedStyle(cell, '::before');
							if (before.content !== JSON.stringify(headers[i]) || before.display === 'none')
								wrong.push(table.querySelector('tbody').id + ' ' + i + ': ' + before.content);
						});
					}
				}
				return wrong;""");
	}

	private String getOverHttp(String path) throws Exception {
		HttpClient client = HttpClient.newBuilder().sslContext(Calls.trusting(this.certificate)).build();
		HttpResponse<String> response = client
			.send(HttpRequest.newBuilder(URI.create("https://localhost:" + this.port + path))
				.header("X-Master-Key", this.masterKey)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
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

	/**
	 * Signs in with a fresh key, makes a knowledge base and adds, as its source, a new
	 * folder under the sync root holding two Markdown files (alpha.md, beta.md).
	 */
	private Path addFolderOfTwoPiers(String prefix, String knowledgeBase) throws Exception {
		Path folder = Files
			.createDirectories(this.sync.folderRoots().get(0).resolve(prefix + java.util.UUID.randomUUID()));
		Files.writeString(folder.resolve("alpha.md"), "# Alpha\n\nThe alpha pier opens at seven.\n");
		Files.writeString(folder.resolve("beta.md"), "# Beta\n\nThe beta pier opens at nine.\n");
		signIn(issueKey());
		createKnowledgeBase(knowledgeBase);
		this.browser.findElement(By.id("source-location")).sendKeys(folder.toString());
		this.browser.findElement(By.cssSelector("#source-form button[type=submit]")).click();
		return folder;
	}

	/** The sources of the search results shown, read at once. */
	private List<String> resultSources() {
		Object texts = script("return [...document.querySelectorAll('#search-results li.result .source button')]"
				+ ".map((b) => b.textContent)");
		return ((List<?>) texts).stream().map(String::valueOf).toList();
	}

}
