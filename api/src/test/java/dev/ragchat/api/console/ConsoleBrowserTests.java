package dev.ragchat.api.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import dev.ragchat.api.Calls;
import dev.ragchat.ingestion.TestFiles;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console as a whole in a real browser: its theme, its files cached by the browser,
 * and the screenshots of its main screens in {@code docs/console/}.
 */
class ConsoleBrowserTests extends ConsoleBrowserTestSupport {

	@Test
	void namesTheSignedInKeyAndOffersOnlyWhatItsScopesAllow() throws Exception {
		signIn(issueKey("{\"name\":\"reader\",\"scopes\":[\"chat\"]}"));
		assertThat(this.browser.findElement(By.id("who")).getText())
			.isEqualTo("Signed in with the key “reader” (chat)");
		assertThat(script("return document.body.dataset.scopes")).isEqualTo("chat");
		// an element that needs a scope the key lacks is not offered
		assertThat(script("const b = document.createElement('button'); b.dataset.needsScope = 'upload';"
				+ " document.getElementById('console').append(b); const hidden = getComputedStyle(b).display === 'none';"
				+ " b.dataset.needsScope = 'chat'; return [hidden, getComputedStyle(b).display === 'none'];"))
			.isEqualTo(List.of(true, false));
		this.browser.findElement(By.id("sign-out")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
		assertThat(script("return document.body.dataset.scopes")).isNull();
	}

	@Test
	void loadsAgainFromTheBrowsersCacheWithOnlyThePageRevalidated() {
		open();
		this.wait.until((driver) -> script("return document.documentElement.dataset.theme") != null);
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
		List<String> first = assets();
		assertThat(first).as("the console's modules, styles and WebJars").hasSizeGreaterThan(20);

		// another page, then the console again: every file from the cache, the page
		// revalidated (headers only, no body)
		this.browser.get("about:blank");
		open();
		this.wait.until((driver) -> script("return document.documentElement.dataset.theme") != null);
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
		assertThat(assets()).containsExactlyInAnyOrderElementsOf(first);
		assertThat(script("""
				return performance.getEntriesByType('resource')
					.filter((e) => /^\\/(console|webjars)\\//.test(new URL(e.name).pathname) && e.transferSize > 0)
					.map((e) => new URL(e.name).pathname);""")).asList().isEmpty();
		assertThat(script("const n = performance.getEntriesByType('navigation')[0];"
				+ " return n.transferSize > 0 && n.transferSize < n.encodedBodySize;"))
			.isEqualTo(true);
	}

	/** The console's files the page loaded, by path. */
	@SuppressWarnings("unchecked")
	private List<String> assets() {
		return (List<String>) script("""
				return performance.getEntriesByType('resource').map((e) => new URL(e.name))
					.filter((u) => u.origin === location.origin && /^\\/(console|webjars)\\//.test(u.pathname))
					.map((u) => u.pathname);""");
	}

	@Test
	void followsTheSystemsDarkSchemeUntilToggled() {
		this.browser.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features",
				List.of(java.util.Map.of("name", "prefers-color-scheme", "value", "dark"))));
		open();
		// the console module sets the theme as it runs: waited for
		this.wait.until((driver) -> script("return document.documentElement.dataset.theme") != null);
		assertThat(script("return document.documentElement.dataset.theme")).isEqualTo("dark");
		assertThat(this.browser.findElement(By.id("theme")).getAttribute("aria-pressed")).isEqualTo("true");
		assertThat(script("return getComputedStyle(document.documentElement).backgroundColor"))
			.isEqualTo("rgb(15, 19, 27)");
		this.browser.findElement(By.id("theme")).click();
		assertThat(script("return document.documentElement.dataset.theme")).isEqualTo("light");
		// the choice holds over a reload, against the system's scheme
		this.browser.navigate().refresh();
		this.wait.until((driver) -> script("return document.documentElement.dataset.theme") != null);
		assertThat(script("return document.documentElement.dataset.theme")).isEqualTo("light");
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

}
