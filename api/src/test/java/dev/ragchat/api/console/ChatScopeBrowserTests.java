package dev.ragchat.api.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.Calls;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chat's scope in a real browser: "#" in the composer suggests documents and narrows
 * the chat to the one chosen (the chip row shows it, and its × widens the chat again);
 * "Also ask" adds a knowledge base, whose documents then answer.
 */
class ChatScopeBrowserTests extends ConsoleBrowserTestSupport {

	private static final String LIGHTHOUSE = "When was the lighthouse on Kestrel Point automated?";

	@Test
	void aHashDocumentNarrowsTheChatToItAndItsChipWidensItAgain() throws Exception {
		String key = signInWithTheHarbourPdf();
		uploadText("ferry.md", "# Kestrel Point ferry\n\nThe Kestrel Point ferry leaves at seven in the morning.\n", 2);
		this.browser.findElement(By.id("tab-chat")).click();
		WebElement box = this.wait.until(ExpectedConditions.elementToBeClickable(By.id("question")));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("scope-chips"), "Harbour"));

		box.sendKeys("#fer");
		// the list follows each key typed: "#" alone offers every document, "#fer" only
		// one; each key asks the server again, so the list is read once it holds the
		// answer to the last one (an earlier answer coming back late must not replace it)
		this.wait.until((driver) -> {
			List<WebElement> shown = driver.findElements(By.cssSelector("#doc-suggestions li.doc-suggestion"));
			return shown.size() == 1 && shown.get(0).getText().contains("ferry.md");
		});
		WebElement suggestion = this.wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#doc-suggestions li.doc-suggestion")));
		assertThat(suggestion.getText()).contains("ferry.md").contains("Harbour");
		box.sendKeys(Keys.ENTER);
		WebElement chip = this.wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#scope-chips .scope-document")));
		assertThat(chip.getText()).contains("#ferry.md");
		assertThat(box.getAttribute("value")).doesNotContain("#");
		assertThat(this.browser.findElement(By.id("doc-suggestions")).isDisplayed()).isFalse();
		screenshot("chat-scope-document");

		// the PDF is outside the chat now: the lighthouse is not found, the ferry is
		WebElement refused = ask(LIGHTHOUSE);
		assertThat(refused.getAttribute("class")).contains("not-found");
		WebElement ferry = ask("When does the Kestrel Point ferry leave?");
		assertThat(ferry.getAttribute("class")).doesNotContain("not-found");
		assertThat(ferry.findElements(By.cssSelector("button.chip"))).isNotEmpty()
			.allSatisfy((c) -> assertThat(c.getAttribute("aria-label")).contains("ferry.md"));
		assertThat(session(key).get("documents")).hasSize(1);

		// × on the chip: the whole knowledge base again, at once, for the open
		// conversation
		// (the row is drawn again as the conversation starts: the chip is found again)
		this.browser.findElement(By.cssSelector("#scope-chips .scope-document button.scope-remove")).click();
		this.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#scope-chips .scope-document"), 0));
		this.wait.until((driver) -> session(key).get("documents").isEmpty());
		WebElement lighthouse = ask(LIGHTHOUSE);
		assertThat(lighthouse.getAttribute("class")).doesNotContain("not-found");
		assertThat(lighthouse.getText()).contains("1987");
	}

	@Test
	void alsoAskingAnotherKnowledgeBaseAnswersFromItsDocumentsRanksEachAndRefusesForBoth() throws Exception {
		String key = issueKey();
		signIn(key);
		createKnowledgeBase("Cranes");
		uploadText("contoso.md", "# Contoso cranes\n\nThe Contoso cranes on the harbour quay lift 40 tonnes.\n", 1);
		createKnowledgeBase("Harbour");
		uploadAndAwaitReady(dev.ragchat.ingestion.TestFiles.factsPdf(this.dir.resolve("harbour.pdf")), "harbour.pdf");
		this.browser.findElement(By.id("tab-chat")).click();
		Select kb = new Select(this.wait.until(ExpectedConditions.elementToBeClickable(By.id("chat-kb"))));
		kb.selectByVisibleText("Harbour");
		WebElement refused = ask("How many tonnes do the Contoso cranes lift?");
		assertThat(refused.getAttribute("class")).contains("not-found");
		assertThat(refused.findElement(By.cssSelector(".text")).getText()).contains("this knowledge base");
		assertThat(refused.findElements(By.cssSelector(".extract-notice"))).isEmpty();

		new Select(this.wait.until(ExpectedConditions.elementToBeClickable(By.id("scope-add"))))
			.selectByVisibleText("Cranes");
		this.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#scope-chips .scope-chip"), 2));
		this.wait.until((driver) -> session(key).get("knowledgeBases").size() == 2);
		screenshot("chat-scope-knowledge-bases");
		WebElement cranes = ask("How many tonnes do the Contoso cranes lift?");
		assertThat(cranes.getAttribute("class")).doesNotContain("not-found");
		assertThat(cranes.getText()).contains("40 tonnes");
		assertThat(cranes.findElements(By.cssSelector("button.chip"))).isNotEmpty()
			.allSatisfy((c) -> assertThat(c.getAttribute("aria-label")).contains("contoso.md"));

		// each knowledge base is ranked on its own: the second's passage has its places
		// in its own rankings, and each ranking is listed as often as it ran (the
		// question names the cranes' page: the page, its sections and the whole scope
		// are searched, in each knowledge base)
		cranes.findElement(By.cssSelector("button.why")).click();
		WebElement dialog = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("trace-dialog")));
		WebElement contoso = dialog
			.findElement(By.xpath("//div[contains(@class,'trace-passage')][button[starts-with(., 'contoso.md')]]"));
		assertThat(contoso.findElements(By.cssSelector(".trace-place")))
			.extracting((place) -> place.getAttribute("data-ranking") + ": " + place.getText())
			.anySatisfy((place) -> assertThat(place).startsWith("vector: vector #"))
			.anySatisfy((place) -> assertThat(place).startsWith("keyword: keyword #"))
			.anySatisfy((place) -> assertThat(place).startsWith("fuse: fused #"));
		assertThat(dialog.findElements(By.cssSelector(".trace-stages li[data-stage=vector] strong")))
			.extracting(WebElement::getText)
			.containsExactly("Vector ranking (1)", "Vector ranking (2)", "Vector ranking (3)", "Vector ranking (4)",
					"Vector ranking (5)", "Vector ranking (6)");
		// and opens in its own knowledge base
		contoso.findElement(By.cssSelector("button.trace-open")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-text"), "Contoso cranes"));
		assertThat(this.browser.findElement(By.id("error")).isDisplayed()).isFalse();
		this.browser.findElement(By.id("preview-close")).click();
		dialog.findElement(By.id("trace-close")).click();

		// a refusal says which documents it means: these knowledge bases, and only why
		// (no notice of what the extract cannot do beside "Not in the documents")
		WebElement refusedBoth = ask("What did the Zorblax board decide about the cranes?");
		assertThat(refusedBoth.getAttribute("class")).contains("not-found");
		assertThat(refusedBoth.findElement(By.cssSelector(".text")).getText()).contains("Not in the documents")
			.contains("these knowledge bases")
			.doesNotContain("this knowledge base");
		assertThat(refusedBoth.findElements(By.cssSelector(".extract-notice"))).isEmpty();
	}

	private void uploadText(String filename, String text, int ready) throws Exception {
		Path file = Files.writeString(this.dir.resolve(filename), text);
		this.browser.findElement(By.id("files")).sendKeys(file.toAbsolutePath().toString());
		this.wait
			.until((driver) -> driver.findElements(By.cssSelector("#doc-rows li[data-status=READY]")).size() == ready);
	}

	/** The open conversation as the service shows it (the newest of the key's). */
	private JsonNode session(String key) {
		try {
			HttpClient client = HttpClient.newBuilder().sslContext(Calls.trusting(this.certificate)).build();
			String base = "https://localhost:" + this.port + "/api/v1/sessions";
			String id = json
				.readTree(
						client
							.send(HttpRequest.newBuilder(URI.create(base)).header("X-API-Key", key).build(),
									HttpResponse.BodyHandlers.ofString())
							.body())
				.at("/sessions/0/sessionId")
				.asText();
			JsonNode token = json.readTree(
					client
						.send(HttpRequest.newBuilder(URI.create(base + "/" + id + "/token"))
							.header("X-API-Key", key)
							.POST(HttpRequest.BodyPublishers.noBody())
							.build(), HttpResponse.BodyHandlers.ofString())
						.body());
			return json.readTree(
					client
						.send(HttpRequest.newBuilder(URI.create(base + "/" + id))
							.header("Authorization", "Bearer " + token.get("token").asText())
							.build(), HttpResponse.BodyHandlers.ofString())
						.body());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
