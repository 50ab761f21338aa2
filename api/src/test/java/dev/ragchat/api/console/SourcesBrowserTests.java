package dev.ragchat.api.console;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Web sources in a real browser: a help centre served on loopback (allowed by
 * {@code ragchat.sync.web.hosts}, as an operator would) added with its scope, depth, page
 * limit and schedule; its sync watched and its report read; its pages listed by URL; and
 * a citation of one of them linking to the page at the quote.
 */
@TestPropertySource(properties = "ragchat.sync.web.hosts=127.0.0.1")
class SourcesBrowserTests extends ConsoleBrowserTestSupport {

	HttpServer site;

	String origin;

	@BeforeEach
	void startSite() throws Exception {
		this.site = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
		this.site.createContext("/", (exchange) -> {
			String html = switch (exchange.getRequestURI().getPath()) {
				case "/help/" -> page("Help centre",
						"The help centre answers questions about the marina. <a href=\"berths\">Berths</a>"
								+ " <a href=\"gone\">Old page</a> <a href=\"old/archive\">Archive</a>");
				case "/help/berths" -> page("Berths", "Berth twelve is reserved for the lifeboat all year.");
				case "/help/old/archive" -> page("Archive", "An archived page.");
				default -> null;
			};
			if (html == null) {
				exchange.sendResponseHeaders(404, -1);
			}
			else {
				byte[] body = html.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
			}
			exchange.close();
		});
		this.site.start();
		this.origin = "http://127.0.0.1:" + this.site.getAddress().getPort();
	}

	@AfterEach
	void stopSite() {
		if (this.site != null) {
			this.site.stop(0);
		}
	}

	@Test
	void addsAWebSourceWatchesItsSyncReadsItsReportAndCitesThePage() throws Exception {
		signIn(issueKey());
		createKnowledgeBase("Marina help");
		this.browser.findElement(By.id("source-location")).sendKeys(this.origin + "/help/");
		this.browser.findElement(By.id("source-exclude")).sendKeys("/help/old/");
		this.browser.findElement(By.id("source-depth")).sendKeys("2");
		this.browser.findElement(By.id("source-pages")).sendKeys("10");
		this.browser.findElement(By.id("source-schedule")).sendKeys("0 0 3 * * *");
		this.browser.findElement(By.cssSelector("#source-form button[type=submit]")).click();

		By lastRun = By.cssSelector("#source-rows li.sync-source .last-run");
		this.wait.until(ExpectedConditions.textMatches(lastRun, Pattern.compile("Last sync .*2 added, 1 skipped")));
		WebElement row = this.browser.findElement(By.cssSelector("#source-rows li.sync-source"));
		assertThat(row.findElement(By.cssSelector("strong")).getText()).isEqualTo(this.origin + "/help/");
		assertThat(row.findElement(By.cssSelector(".size")).getText()).contains("web")
			.contains("depth 2")
			.contains("up to 10 pages")
			.contains("not /help/old/")
			.contains("on schedule 0 0 3 * * * (UTC)");

		// its report: every page added or skipped, each a link to the page
		row.findElement(By.cssSelector(".sync-report summary")).click();
		List<WebElement> items = row.findElements(By.cssSelector(".sync-report li.report-item"));
		assertThat(items).extracting((i) -> i.getAttribute("data-outcome"))
			.containsExactlyInAnyOrder("added", "added", "skipped");
		assertThat(row.findElements(By.cssSelector(".sync-report li.report-item a")))
			.extracting((a) -> a.getAttribute("href"))
			.containsExactlyInAnyOrder(this.origin + "/help/", this.origin + "/help/berths",
					this.origin + "/help/gone");
		assertThat(row.findElement(By.cssSelector(".sync-report li[data-outcome=skipped]")).getText())
			.contains("HTTP 404");
		screenshot("sources-web");

		// the document list names each page by its URL
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("doc-rows"),
				"synced: " + this.origin + "/help/berths"));

		// the help centre's page in the viewer: its relative links lead to the site's
		// pages, as on the site, never into the service
		this.browser
			.findElement(By.xpath("//ul[@id='doc-rows']/li[.//span[contains(@class, 'synced') and text()='synced: "
					+ this.origin + "/help/']]//button[starts-with(@aria-label, 'View')]"))
			.click();
		WebElement berths = this.wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.xpath("//div[@id='preview-text']//a[text()='Berths']")));
		assertThat(berths.getAttribute("href")).isEqualTo(this.origin + "/help/berths");
		assertThat(berths.getAttribute("rel")).contains("noopener");
		this.browser.findElement(By.id("preview-close")).click();

		// narrow, as on a phone, light and dark: nothing scrolls sideways
		this.browser.manage().window().setSize(new Dimension(390, 844));
		assertNoHorizontalScroll();
		this.browser.findElement(By.id("theme")).click();
		assertNoHorizontalScroll();
		screenshot("sources-web-390px");
		this.browser.findElement(By.id("theme")).click();
		this.browser.manage().window().setSize(new Dimension(1280, 900));

		// a citation of a page links to the page, at the quoted sentence
		this.browser.findElement(By.id("tab-chat")).click();
		WebElement answer = ask("Which berth is reserved for the lifeboat?");
		WebElement link = this.wait.until((driver) -> answer.findElements(By.cssSelector("a.page-link"))
			.stream()
			.filter(WebElement::isDisplayed)
			.findFirst()
			.orElse(null));
		assertThat(link.getAttribute("href")).startsWith(this.origin + "/help/berths#:~:text=").contains("lifeboat");
		assertThat(link.getAttribute("aria-label")).contains(this.origin + "/help/berths");
		assertThat(link.getAttribute("rel")).contains("noopener");
	}

	private static String page(String title, String body) {
		return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><nav>Marina menu</nav><main><h1>"
				+ title + "</h1><p>" + body + "</p></main><footer>Marina footer</footer></body></html>";
	}

}
