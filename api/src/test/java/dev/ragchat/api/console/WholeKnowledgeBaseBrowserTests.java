package dev.ragchat.api.console;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.Calls;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A question about the whole knowledge base in a real browser: "Which leases have a
 * termination fee?" of more leases than the answer's text cites shows, beside the text
 * and its chips, how many documents say it, a table of every one of them (each opening
 * its document at the quote), a CSV of every one of them, and the same table again from
 * the history after a reload.
 */
class WholeKnowledgeBaseBrowserTests extends ConsoleBrowserTestSupport {

	/** More than the 50 items the answer's text cites. */
	static final int WITH_FEE = 56;

	static final String QUESTION = "Which leases have a termination fee?";

	static final List<String> CSV_HEADER = List.of("document", "title", "filename", "page", "value", "unit", "period",
			"quote");

	String key;

	String kb;

	/** The leases that have a fee: each one's sentence that says so, by document id. */
	final Map<String, String> withFee = new LinkedHashMap<>();

	/** Every lease's title, by document id. */
	final Map<String, String> titles = new HashMap<>();

	final List<String> nearMisses = new ArrayList<>();

	@Test
	void aWhichQuestionShowsEveryLeaseInATableWhoseRowsOpenTheirDocumentAndWhoseCsvHoldsEveryOne() throws Exception {
		signInWithTheLeases();
		WebElement answer = ask(QUESTION);

		// the text and its chips as before: it cites the first 50
		assertThat(answer.findElement(By.cssSelector(".text")).getText())
			.startsWith(WITH_FEE + " of the " + (WITH_FEE + 3) + " documents");
		assertThat(answer.findElements(By.cssSelector(".text button.chip"))
			.stream()
			.map((chip) -> chip.getAttribute("data-index"))
			.distinct()).hasSize(50);

		// beside it, every lease that has a fee, none that says it has none
		assertThat(answer.findElement(By.cssSelector(".listing-count")).getText())
			.isEqualTo(WITH_FEE + " of " + (WITH_FEE + 3) + " documents in scope");
		assertThat(answer.findElements(By.cssSelector(".listing-truncated"))).isEmpty();
		List<WebElement> rows = answer.findElements(By.cssSelector(".listing-table tbody tr"));
		List<String> listed = rows.stream().map((row) -> row.getAttribute("data-document")).toList();
		assertThat(listed).hasSize(WITH_FEE)
			.containsExactlyInAnyOrderElementsOf(this.withFee.keySet())
			.doesNotContainAnyElementsOf(this.nearMisses);
		assertThat(answer.findElements(By.cssSelector(".listing-table thead th"))).extracting(WebElement::getText)
			.containsExactly("Document", "Page", "Quote");
		for (WebElement row : rows.subList(rows.size() - 3, rows.size())) {
			this.browser.executeScript("arguments[0].scrollIntoView({ block: 'center' })", row);
			String id = row.getAttribute("data-document");
			assertThat(row.findElement(By.cssSelector("button.listing-open")).getText()).isEqualTo(this.titles.get(id));
			assertThat(row.findElement(By.cssSelector(".listing-quote")).getText()).isEqualTo(this.withFee.get(id));
		}

		// the last row, beyond what the text cites, opens its document at its quote
		WebElement last = rows.get(rows.size() - 1);
		String lastId = last.getAttribute("data-document");
		last.findElement(By.cssSelector("button.listing-open")).click();
		WebElement mark = this.wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#preview-text mark")));
		assertThat(mark.getText()).isEqualTo(this.withFee.get(lastId));
		assertThat(this.browser.findElement(By.id("preview-title")).getText())
			.isEqualTo(this.titles.get(lastId) + ", page 1");
		this.browser.findElement(By.id("preview-close")).click();
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("preview")));

		// the CSV: every item, one a spreadsheet would read as a formula defused
		assertTheCsvHoldsEveryLease(answer);

		// on a phone the table's rows stack and nothing scrolls sideways
		this.browser.manage().window().setSize(new Dimension(390, 844));
		assertNoHorizontalScroll();
	}

	@Test
	void theTableComesBackFromTheHistoryAfterAReloadAndAFigureOrNameAskedOfEachGetsItsColumn() throws Exception {
		signInWithTheLeases();
		WebElement answer = ask(QUESTION);
		List<String> live = answer.findElements(By.cssSelector(".listing-table tbody tr"))
			.stream()
			.map((row) -> row.getAttribute("data-document"))
			.toList();
		assertThat(live).hasSize(WITH_FEE);

		this.browser.navigate().refresh();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
		this.browser.findElement(By.id("tab-chat")).click();
		this.wait
			.withMessage(() -> "the conversation after the reload: " + script(
					"return [...document.querySelectorAll('#messages > li')].map((li) => li.className).join(', ')"
							+ " + ' / error: ' + document.getElementById('error').textContent"))
			.until((driver) -> driver.findElements(By.cssSelector("#messages > li")).size() == 2);
		WebElement reloaded = this.browser.findElement(By.cssSelector("#messages > li.assistant"));
		assertThat(reloaded.findElement(By.cssSelector(".listing-count")).getText())
			.isEqualTo(WITH_FEE + " of " + (WITH_FEE + 3) + " documents in scope");
		assertThat(reloaded.findElements(By.cssSelector(".listing-table tbody tr")))
			.extracting((row) -> row.getAttribute("data-document"))
			.containsExactlyElementsOf(live);
		assertThat(reloaded.findElements(By.cssSelector("button.listing-csv"))).hasSize(1);
		assertThat(reloaded.findElements(By.cssSelector(".text button.chip"))).isNotEmpty();

		// a figure asked of each lease: its own column
		WebElement each = ask("What is the termination fee of each lease?");
		assertThat(each.findElements(By.cssSelector(".listing-table thead th"))).extracting(WebElement::getText)
			.containsExactly("Document", "Page", "Value", "Quote");
		List<WebElement> rows = each.findElements(By.cssSelector(".listing-table tbody tr"));
		assertThat(rows).hasSize(WITH_FEE);
		WebElement first = rows.get(0);
		String sentence = this.withFee.get(first.getAttribute("data-document"));
		assertThat(sentence).contains(first.findElement(By.cssSelector(".listing-value")).getText());
		assertThat(first.findElement(By.cssSelector(".listing-value")).getText()).matches("EUR \\d+,500");

		// a name asked of each lease: the column too, the name the lease defines
		WebElement names = ask("Who is the landlord of each lease?");
		assertThat(names.findElements(By.cssSelector(".listing-table thead th"))).extracting(WebElement::getText)
			.containsExactly("Document", "Page", "Value", "Quote");
		assertThat(names.findElements(By.cssSelector(".listing-table tbody tr"))).hasSize(WITH_FEE)
			.allSatisfy((row) -> assertThat(row.findElement(By.cssSelector(".listing-value")).getText())
				.matches("Harbour Homes \\d+ Ltd"));
	}

	/** Download CSV saves every lease with a fee, a formula-like title defused. */
	private void assertTheCsvHoldsEveryLease(WebElement answer) throws IOException {
		Path downloads = Files.createDirectories(this.dir.resolve("downloads"));
		this.browser.executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", downloads.toString()));
		answer.findElement(By.cssSelector("button.listing-csv")).click();
		Path csv = this.wait.until((driver) -> downloaded(downloads));
		assertThat(csv.getFileName().toString()).matches("[a-z0-9-]+\\.csv").contains("termination-fee");
		List<CSVRecord> records;
		try (CSVParser parser = CSVParser.parse(new StringReader(Files.readString(csv, StandardCharsets.UTF_8)),
				CSVFormat.RFC4180)) {
			records = parser.getRecords();
		}
		assertThat(records.get(0).toList()).isEqualTo(CSV_HEADER);
		List<CSVRecord> items = records.subList(1, records.size());
		assertThat(items).extracting((r) -> r.get(0))
			.hasSize(WITH_FEE)
			.containsExactlyInAnyOrderElementsOf(this.withFee.keySet());
		for (CSVRecord item : items) {
			String id = item.get(0);
			String title = this.titles.get(id);
			assertThat(item.get(1)).isEqualTo(title.startsWith("=") ? "'" + title : title);
			assertThat(item.get(2)).endsWith(".md");
			assertThat(item.get(3)).isEqualTo("1");
			assertThat(item.get(7)).isEqualTo(this.withFee.get(id));
		}
		assertThat(items).extracting((r) -> r.get(1)).contains("'=1+2 Lease of Formula Row");
	}

	/**
	 * A key, a knowledge base "Leases" holding the leases (READY): {@value #WITH_FEE}
	 * that owe a termination fee, one of them titled like a spreadsheet formula, two that
	 * say none applies and one about the rent; the chat open.
	 */
	private void signInWithTheLeases() throws Exception {
		this.key = issueKey();
		signIn(this.key);
		createKnowledgeBase("Leases");
		Path leases = Files.createDirectories(this.dir.resolve("leases"));
		Map<String, String> sentences = new HashMap<>();
		Map<String, String> named = new HashMap<>();
		List<Path> files = new ArrayList<>();
		for (int n = 1; n <= WITH_FEE; n++) {
			String title = (n == 1) ? "=1+2 Lease of Formula Row" : "Lease of Elm Court " + n;
			String sentence = "A termination fee of EUR " + n + ",500 is owed when the tenant leaves early.";
			String filename = "elm-court-" + n + ".md";
			files.add(lease(leases, filename, title, "The flat at Elm Court " + n + " is let for one year by Harbour"
					+ " Homes " + n + " Ltd (the \"Landlord\").\n\n" + sentence));
			sentences.put(filename, sentence);
			named.put(filename, title);
		}
		for (String street : List.of("Harbour Lane 4", "Quay Road 9")) {
			String filename = street.toLowerCase().replace(' ', '-') + ".md";
			files.add(lease(leases, filename, "Lease of " + street, "No termination fee applies."));
			named.put(filename, "Lease of " + street);
		}
		files.add(lease(leases, "mill-street-1.md", "Lease of Mill Street 1",
				"The rent is paid on the first working day of each month."));
		named.put("mill-street-1.md", "Lease of Mill Street 1");
		this.browser.findElement(By.id("files"))
			.sendKeys(String.join("\n", files.stream().map((f) -> f.toAbsolutePath().toString()).toList()));

		this.browser.findElement(By.id("tab-chat")).click();
		this.kb = this.wait.until((driver) -> {
			String chosen = driver.findElement(By.id("chat-kb")).getAttribute("value");
			return (chosen == null || chosen.isEmpty()) ? null : chosen;
		});
		JsonNode documents = this.wait.until((driver) -> {
			JsonNode listed = get("/api/v1/knowledge-bases/" + this.kb + "/documents?limit=500").get("documents");
			int ready = 0;
			for (JsonNode document : listed) {
				ready += document.get("status").asText().equals("READY") ? 1 : 0;
			}
			return (ready == files.size()) ? listed : null;
		});
		for (JsonNode document : documents) {
			String id = document.get("id").asText();
			String filename = document.get("filename").asText();
			this.titles.put(id, named.get(filename));
			if (sentences.containsKey(filename)) {
				this.withFee.put(id, sentences.get(filename));
			}
			else if (!filename.startsWith("mill")) {
				this.nearMisses.add(id);
			}
		}
		assertThat(this.withFee).hasSize(WITH_FEE);
		assertThat(this.nearMisses).hasSize(2);
	}

	private static Path lease(Path dir, String filename, String title, String body) throws IOException {
		return Files.writeString(dir.resolve(filename),
				"---\ntitle: " + title + "\n---\n\n# " + title.replace("=", "") + "\n\n" + body + "\n");
	}

	/** The CSV the browser saved, once it is whole. */
	private static Path downloaded(Path downloads) {
		try (Stream<Path> files = Files.list(downloads)) {
			return files.filter((f) -> f.getFileName().toString().endsWith(".csv")).findFirst().orElse(null);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode get(String path) {
		try {
			HttpResponse<String> response = HttpClient.newBuilder()
				.sslContext(Calls.trusting(this.certificate))
				.build()
				.send(HttpRequest.newBuilder(URI.create("https://localhost:" + this.port + path))
					.header("X-API-Key", this.key)
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return json.readTree(response.body());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
