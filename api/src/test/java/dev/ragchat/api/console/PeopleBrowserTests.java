package dev.ragchat.api.console;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.RagChatApplication;
import dev.ragchat.api.Calls;
import dev.ragchat.api.TestPorts;
import dev.ragchat.api.people.TestIdentityProvider;
import dev.ragchat.ingestion.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * People in the console, in Chromium: a person signs in through a real OpenID provider's
 * login page (Spring Authorization Server, started before the service, which must know
 * the redirect URI and so its port), works with what their group is granted, shares a
 * knowledge base, issues a key for themselves and signs out at the provider too; the
 * master key lists and removes people. The provider runs on 127.0.0.1, the service on
 * localhost: the service's HSTS header names localhost, and a browser ignores HSTS for an
 * address.
 */
@SpringBootTest(classes = RagChatApplication.class, webEnvironment = WebEnvironment.DEFINED_PORT)
@AutoConfigureMockMvc
class PeopleBrowserTests extends ConsoleBrowserTestSupport {

	private static final int PORT = TestPorts.unused();

	private static TestIdentityProvider provider;

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) throws IOException {
		String base = "https://localhost:" + PORT;
		provider = TestIdentityProvider.start(base + "/login/oauth2/code/test", base + "/",
				Files.createTempDirectory("idp"));
		registry.add("server.port", () -> PORT);
		registry.add("spring.security.oauth2.client.provider.test.issuer-uri",
				() -> provider.issuer().replace("//localhost:", "//127.0.0.1:"));
		registry.add("spring.security.oauth2.client.registration.test.client-id", () -> TestIdentityProvider.CLIENT_ID);
		registry.add("spring.security.oauth2.client.registration.test.client-secret",
				() -> TestIdentityProvider.CLIENT_SECRET);
		registry.add("spring.security.oauth2.client.registration.test.client-name", () -> "Example Corp");
		registry.add("spring.security.oauth2.client.registration.test.scope", () -> "openid,profile");
	}

	@AfterAll
	static void stopProvider() {
		if (provider != null) {
			provider.close();
		}
	}

	@Test
	void aPersonSignsInAtTheProviderWorksWithTheirGroupsKnowledgeBasesSharesOneIssuesAKeyAndSignsOut()
			throws Exception {
		TestIdentityProvider.groups.put("ada", List.of("finance"));
		TestIdentityProvider.groups.put("linus", List.of("engineering"));
		String finance = Calls.createKnowledgeBase(this.mvc, this.masterKey, "Finance");
		String handbook = Calls.createKnowledgeBase(this.mvc, this.masterKey, "Handbook");
		String engineering = Calls.createKnowledgeBase(this.mvc, this.masterKey, "Engineering");
		grant(finance, "group:finance", "manage");
		grant(handbook, "group:finance", "chat");
		grant(engineering, "group:engineering", "chat");
		byte[] pdf = Files.readAllBytes(TestFiles.factsPdf(this.dir.resolve("harbour.pdf")));
		uploadWithTheMasterKey(finance, "harbour.pdf", pdf);
		String secret = uploadWithTheMasterKey(engineering, "engineering-secrets.pdf", pdf);

		// the sign-in screen offers the provider beside the key form
		open();
		WebElement link = this.wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#provider-links a")));
		assertThat(link.getText()).isEqualTo("Sign in with Example Corp");
		assertThat(this.browser.findElement(By.id("sign-in-form")).isDisplayed()).isTrue();
		screenshot("sign-in-providers-1280-light");

		// the provider's own login page, typed into
		link.click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
		assertThat(this.browser.getCurrentUrl()).startsWith("http://127.0.0.1:");
		this.browser.findElement(By.name("username")).sendKeys("ada");
		this.browser.findElement(By.name("password")).sendKeys(TestIdentityProvider.PASSWORD);
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();

		// back in the console, signed in as Ada, holding no key at all
		this.wait.until(ExpectedConditions.textToBe(By.id("who"), "Signed in as Ada"));
		assertThat(this.browser.getCurrentUrl()).isEqualTo("https://localhost:" + PORT + "/");
		assertThat(script("return sessionStorage.getItem('ragchat.credential')")).isNull();
		assertThat(script("return localStorage.length")).isEqualTo(0L);
		assertThat(script("return document.cookie")).asString().doesNotContain("ragchat_session");
		assertThat(this.browser.findElement(By.id("tab-models")).isDisplayed()).isFalse();
		assertThat(this.browser.findElement(By.id("tab-people")).isDisplayed()).isFalse();

		// only the knowledge bases the group is granted; what may be done differs per
		// knowledge base
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#kb-rows tr")));
		assertThat(this.browser.findElements(By.cssSelector("#kb-rows tr")))
			.extracting((row) -> row.getAttribute("data-kb"))
			.containsExactlyInAnyOrder(finance, handbook);
		assertThat(deleteButton(finance).isDisplayed()).isTrue();
		assertThat(deleteButton(handbook).isDisplayed()).as("chat only in Handbook").isFalse();
		openKnowledgeBase(handbook, "Handbook");
		assertThat(this.browser.findElement(By.cssSelector("#documents .upload-area")).isDisplayed()).isFalse();
		assertThat(this.browser.findElement(By.id("sharing")).isDisplayed()).isFalse();
		openKnowledgeBase(finance, "Finance");
		assertThat(this.browser.findElement(By.cssSelector("#documents .upload-area")).isDisplayed()).isTrue();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#doc-rows li[data-status=READY]")));
		screenshot("people-knowledge-1280-light");

		// a question about the master key's document, answered with a citation; asked
		// with the cookie, the CSRF token and then the session's own token
		this.browser.findElement(By.id("tab-chat")).click();
		new Select(this.browser.findElement(By.id("chat-kb"))).selectByValue(finance);
		WebElement answer = ask("When was the lighthouse on Kestrel Point automated?");
		assertThat(answer.getText()).contains("automated in 1987");
		WebElement chip = answer.findElement(By.cssSelector("button.chip"));
		assertThat(chip.getAttribute("aria-label")).contains("harbour.pdf").contains("page 3");
		assertThat(this.browser.findElement(By.id("error")).isDisplayed()).isFalse();

		// another group's knowledge base: not listed, and its document's page in the
		// viewer shows nothing of it
		assertThat(new Select(this.browser.findElement(By.id("chat-kb"))).getOptions())
			.extracting((option) -> option.getAttribute("value"))
			.doesNotContain(engineering);
		script("import(" + moduleUrl("viewer.js") + ").then((v) => v.openDocument('" + engineering + "', {id: '"
				+ secret + "', filename: '?'}, 1))");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
		assertThat(this.browser.findElement(By.id("error")).getText()).contains("No knowledge base")
			.doesNotContain("engineering-secrets");
		assertThat(this.browser.findElement(By.id("preview-page")).isDisplayed()).isFalse();
		assertThat(script("return document.getElementById('preview-image').getAttribute('src')")).isNull();
		this.browser.findElement(By.id("preview-close")).click();
		assertThat(script("return fetch('/api/v1/knowledge-bases/" + engineering + "/documents/" + secret
				+ "/pages/1').then(async (r) => r.status + ' ' + await r.text())"))
			.asString()
			.startsWith("404 ")
			.doesNotContain("engineering-secrets");

		// sharing the knowledge base Ada manages: a person who never signed in is refused
		// with the server's words, a group is granted
		this.browser.findElement(By.id("tab-knowledge")).click();
		openKnowledgeBase(finance, "Finance");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#grant-rows tr")));
		new Select(this.browser.findElement(By.id("grant-kind"))).selectByValue("person");
		this.browser.findElement(By.id("grant-name")).sendKeys("per_nobody");
		this.browser.findElement(By.id("grant-add")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"),
				"No person 'per_nobody' has signed in yet"));
		new Select(this.browser.findElement(By.id("grant-kind"))).selectByValue("group");
		WebElement name = this.browser.findElement(By.id("grant-name"));
		name.clear();
		name.sendKeys("audit");
		new Select(this.browser.findElement(By.id("grant-permission"))).selectByValue("upload");
		this.browser.findElement(By.id("grant-add")).click();
		WebElement granted = this.wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("#grant-rows tr[data-grantee='group:audit']")));
		assertThat(granted.getText()).contains("group audit").contains("upload");
		assertThat(this.browser.findElement(By.id("error")).isDisplayed()).isFalse();
		assertThat(masterGet("/api/v1/knowledge-bases/" + finance + "/grants").get("grants"))
			.extracting((g) -> g.get("grantee").asText() + "=" + g.get("permission").asText())
			.contains("group:audit=upload", "group:finance=manage");
		scrollTo("sharing");
		screenshot("sharing-1280-light");
		darkMode(true);
		screenshot("sharing-1280-dark");
		this.browser.manage().window().setSize(new Dimension(390, 844));
		assertNoHorizontalScroll();
		scrollTo("sharing");
		screenshot("sharing-390-dark");
		darkMode(false);
		screenshot("sharing-390-light");

		// a key of Ada's own: the console's sign-in key is listed, not offered for
		// revoking nor renewing; a key she issued may be renewed into its lineage
		this.browser.findElement(By.id("tab-admin")).click();
		assertThat(this.browser.findElement(By.id("keys-title")).getText()).isEqualTo("Your API keys");
		assertThat(this.browser.findElement(By.id("key-kb-all")).getText()).isEqualTo("all those granted to you now");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("key-rows"), "this console"));
		this.browser.findElement(By.id("key-name")).sendKeys("notebook");
		this.browser.findElement(By.cssSelector("#key-form button[type=submit]")).click();
		WebElement issued = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("issued-key")));
		assertThat(issued.getText()).startsWith("rck_");
		assertThat(this.browser.findElement(By.id("issued-what")).getText()).contains("Finance").contains("Handbook");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("key-rows"), "notebook"));
		assertThat(this.browser.findElements(By.cssSelector("#key-rows button")))
			.extracting((b) -> b.getAttribute("aria-label"))
			.containsExactly("Renew notebook", "Revoke notebook");
		// each key says what it may do now, by knowledge base where that differs: the
		// console's own key has every scope for all, Ada's grants make it less
		WebElement consoleKey = this.browser
			.findElement(By.xpath("//tbody[@id='key-rows']/tr[contains(., 'this console')]"));
		assertThat(consoleKey.findElement(By.cssSelector(".key-scopes")).getText())
			.isEqualTo("admin, chat, upload (by knowledge base)");
		assertThat(consoleKey.findElement(By.cssSelector(".key-kbs")).getText())
			.contains("Finance (" + finance + "): admin, chat, upload")
			.contains("Handbook (" + handbook + "): chat")
			.doesNotContain("all");
		WebElement notebook = this.browser.findElement(By.xpath("//tbody[@id='key-rows']/tr[td[1]/text()='notebook']"));
		assertThat(notebook.findElement(By.cssSelector(".key-scopes")).getText()).isEqualTo("chat");
		assertNoHorizontalScroll();
		screenshot("people-keys-390-light");
		darkMode(true);
		assertNoHorizontalScroll();
		screenshot("people-keys-390-dark");
		darkMode(false);
		this.browser.manage().window().setSize(new Dimension(1280, 900));

		// signing out ends the session here and at the provider, and comes back to the
		// sign-in screen
		this.browser.findElement(By.id("sign-out")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("provider-links")));
		assertThat(this.browser.getCurrentUrl()).isEqualTo("https://localhost:" + PORT + "/");
		assertThat(this.browser.findElement(By.id("console")).isDisplayed()).isFalse();
		assertThat(script("return fetch('/api/v1/me').then((r) => r.status)")).isEqualTo(401L);
		// and at the provider: its sign-in asks for the password again
		this.browser.findElement(By.cssSelector("#provider-links a")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
	}

	@Test
	void aPersonGrantedNothingIsToldWhoCanShareAndIsAskedForNothingTheyMayNotUse() throws Exception {
		TestIdentityProvider.groups.put("margaret", List.of("visitors"));
		Calls.createKnowledgeBase(this.mvc, this.masterKey, "Not shared");
		open();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#provider-links a"))).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys("margaret");
		this.browser.findElement(By.name("password")).sendKeys(TestIdentityProvider.PASSWORD);
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();

		// not an empty table: who can share, and what to tell them
		WebElement empty = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kb-empty")));
		assertThat(empty.getText()).startsWith("Nothing has been shared with you yet.")
			.contains("An administrator, or whoever manages a knowledge base, can share one with you")
			.contains("visitors");
		assertThat(this.browser.findElement(By.id("person-id")).getText()).startsWith("per_");
		assertThat(this.browser.findElement(By.id("kb-table")).isDisplayed()).isFalse();
		// creating takes the admin scope, which a person granted nothing has nowhere
		assertThat(this.browser.findElement(By.id("kb-create")).isDisplayed()).isFalse();
		for (String tab : List.of("search", "chat", "activity", "admin", "models", "people", "evaluations")) {
			assertThat(this.browser.findElement(By.id("tab-" + tab)).isDisplayed()).as(tab).isFalse();
		}
		assertThat(requestsSinceCounting()).isNotEmpty()
			.allSatisfy((r) -> assertThat(((Number) r.get("status")).intValue()).as(r.get("path").toString())
				.isLessThan(400));
		screenshot("people-nothing-shared-1280-light");
		this.browser.manage().window().setSize(new Dimension(390, 844));
		assertNoHorizontalScroll();
		screenshot("people-nothing-shared-390-light");
		this.browser.manage().window().setSize(new Dimension(1280, 900));
	}

	@Test
	void aPersonsKeyFormExplainsOnlyTheScopesTheirGrantsGive() throws Exception {
		TestIdentityProvider.groups.put("linus", List.of("engineering"));
		String kb = Calls.createKnowledgeBase(this.mvc, this.masterKey, "Reading room");
		grant(kb, "group:engineering", "chat");
		signInAtTheProvider("linus", "Linus");
		this.browser.findElement(By.id("tab-admin")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key-form")));
		assertThat(this.browser.findElement(By.cssSelector("#key-form input[value=admin]")).isDisplayed()).isFalse();
		assertThat(this.browser.findElement(By.id("key-scopes-hint")).getText()).isEqualTo("chat: search and ask.")
			.doesNotContain("admin")
			.doesNotContain("upload");
	}

	@Test
	void aCallRefusedWhileTheSessionGoesOnKeepsThePersonSignedInOneAfterItEndedSignsThemOut() throws Exception {
		TestIdentityProvider.groups.put("barbara", List.of("library"));
		String kb = Calls.createKnowledgeBase(this.mvc, this.masterKey, "Stacks");
		grant(kb, "group:library", "chat");
		signInAtTheProvider("barbara", "Barbara");
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#kb-rows tr")));

		// a call the server refuses (it sent a key of its own, a wrong one) while the
		// person's session goes on: they stay signed in
		Object refused = script("return import(" + moduleUrl("core.js") + ").then((c) => c.api("
				+ "'/api/v1/knowledge-bases', {headers: {'X-API-Key': 'rck_not_a_key'}})).then(() => 'answered',"
				+ " (e) => e.message)");
		assertThat(refused).asString().isNotEqualTo("answered").isNotEqualTo("Not signed in");
		assertThat(this.browser.findElement(By.id("who")).getText()).isEqualTo("Signed in as Barbara");
		assertThat(this.browser.findElement(By.id("console")).isDisplayed()).isTrue();
		assertThat(this.browser.findElement(By.id("sign-in-form")).isDisplayed()).isFalse();

		// the session ended on the server (its console key revoked): the next call signs
		// the person out, saying so
		String keyId = (String) script("return fetch('/api/v1/me').then((r) => r.json()).then((me) => me.keyId)");
		this.mvc.perform(delete("/api/v1/keys/" + keyId).secure(true).header("X-Master-Key", this.masterKey))
			.andExpect(status().isNoContent());
		script("import(" + moduleUrl("core.js") + ").then((c) => c.api('/api/v1/knowledge-bases')).catch(() => null)");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-form")));
		assertThat(this.browser.findElement(By.id("error")).getText())
			.isEqualTo("Your session has ended: sign in again.");
	}

	private void signInAtTheProvider(String username, String name) {
		open();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#provider-links a"))).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys(username);
		this.browser.findElement(By.name("password")).sendKeys(TestIdentityProvider.PASSWORD);
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("who"), "Signed in as " + name));
	}

	@Test
	void theMasterKeyListsThePeopleWhoSignedInAndRemovesOne() throws Exception {
		TestIdentityProvider.groups.put("grace", List.of("ops", "finance"));
		String kb = Calls.createKnowledgeBase(this.mvc, this.masterKey, "Ops");
		open();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#provider-links a"))).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys("grace");
		this.browser.findElement(By.name("password")).sendKeys(TestIdentityProvider.PASSWORD);
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("who"), "Signed in as Grace"));
		this.browser.manage().deleteAllCookies();

		open();
		this.browser.findElement(By.id("credential")).sendKeys(this.masterKey);
		this.browser.findElement(By.cssSelector("input[name=kind][value=master]")).click();
		this.browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));

		// the master key manages every knowledge base: its Sharing panel offers the
		// people's ids as one types a person
		openKnowledgeBase(kb, "Ops");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("grant-form")));
		new Select(this.browser.findElement(By.id("grant-kind"))).selectByValue("person");
		String id = this.wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grant-people option[label^='Grace']")))
			.getAttribute("value");
		assertThat(id).startsWith("per_");

		// the People list, where Grace is removed
		this.browser.findElement(By.id("tab-people")).click();
		WebElement row = this.wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("#people-rows tr[data-person='" + id + "']")));
		assertThat(row.getText()).contains("Grace").contains("ops, finance");
		row.findElement(By.cssSelector("button")).click();
		this.wait.until(ExpectedConditions.alertIsPresent()).accept();
		// the list is drawn anew: asked of the page, not of a row found before
		this.wait.until((driver) -> Boolean.TRUE.equals(script("const row = document.querySelector(\"#people-rows"
				+ " tr[data-person='" + id + "']\"); return row !== null && row.classList.contains('removed')")));
		assertThat(masterGet("/api/v1/admin/people").get("people")).filteredOn((p) -> p.get("id").asText().equals(id))
			.singleElement()
			.satisfies((p) -> assertThat(p.get("removedAt").isTextual()).isTrue());
		screenshot("people-1280-light");
		darkMode(true);
		screenshot("people-1280-dark");
		this.browser.manage().window().setSize(new Dimension(390, 844));
		assertNoHorizontalScroll();
		screenshot("people-390-dark");
		darkMode(false);
		screenshot("people-390-light");
		this.browser.manage().window().setSize(new Dimension(1280, 900));
	}

	@Test
	void sharingSuggestsOnlyWhatTheKindPickedNamesAndWarnsOfAGroupNoOneSignedInWith() throws Exception {
		TestIdentityProvider.groups.put("hedy", List.of("treasury", "tax"));
		String kb = Calls.createKnowledgeBase(this.mvc, this.masterKey, "Budgets");
		signInAtTheProvider("hedy", "Hedy");
		this.browser.manage().deleteAllCookies();
		signInWithTheMasterKey();
		openKnowledgeBase(kb, "Budgets");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("grant-form")));

		// a group: the groups people signed in with, no person's id
		assertThat(new Select(this.browser.findElement(By.id("grant-kind"))).getFirstSelectedOption()
			.getAttribute("value")).isEqualTo("group");
		this.wait.until((driver) -> !suggestions().isEmpty());
		assertThat(suggestions()).contains("tax", "treasury").noneMatch((value) -> value.startsWith("per_"));
		// a person: the ids of the people, no group
		new Select(this.browser.findElement(By.id("grant-kind"))).selectByValue("person");
		assertThat(suggestions()).isNotEmpty().allMatch((value) -> value.startsWith("per_"));
		new Select(this.browser.findElement(By.id("grant-kind"))).selectByValue("group");

		// a misspelt group is granted, and said to reach no one who has signed in
		this.browser.findElement(By.id("grant-name")).sendKeys("treasuri");
		this.browser.findElement(By.id("grant-add")).click();
		WebElement warning = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("grant-warning")));
		assertThat(warning.getText()).contains("No one has signed in with the group “treasuri”")
			.contains("tax, treasury");
		assertThat(this.browser.findElement(By.cssSelector("#grant-rows tr[data-grantee='group:treasuri']")).getText())
			.contains("no one has signed in with it yet");
		// a group someone signed in with: no warning
		this.browser.findElement(By.id("grant-name")).sendKeys("treasury");
		this.browser.findElement(By.id("grant-add")).click();
		this.wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("#grant-rows tr[data-grantee='group:treasury']")));
		assertThat(this.browser.findElement(By.id("grant-warning")).isDisplayed()).isFalse();
		assertThat(this.browser.findElement(By.cssSelector("#grant-rows tr[data-grantee='group:treasury']")).getText())
			.doesNotContain("no one");
	}

	/** What the Sharing panel's name field suggests. */
	@SuppressWarnings("unchecked")
	private List<String> suggestions() {
		return (List<String>) script(
				"return [...document.querySelectorAll('#grant-people option')].map((o) => o.value)");
	}

	private void signInWithTheMasterKey() {
		open();
		this.browser.findElement(By.id("credential")).sendKeys(this.masterKey);
		this.browser.findElement(By.cssSelector("input[name=kind][value=master]")).click();
		this.browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
	}

	private WebElement deleteButton(String kb) {
		return this.browser.findElement(By.cssSelector("#kb-rows tr[data-kb='" + kb + "'] [data-needs-scope=admin]"));
	}

	private void openKnowledgeBase(String kb, String name) {
		this.wait
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#kb-rows tr[data-kb='" + kb + "'] button")))
			.click();
		this.wait.until(ExpectedConditions.textToBe(By.id("documents-title"), "Documents of " + name));
	}

	private void scrollTo(String id) {
		script("document.getElementById('" + id + "').scrollIntoView()");
	}

	private void darkMode(boolean dark) {
		if ("dark".equals(script("return document.documentElement.dataset.theme")) != dark) {
			this.browser.findElement(By.id("theme")).click();
		}
	}

	private void grant(String kb, String grantee, String permission) throws Exception {
		this.mvc
			.perform(put("/api/v1/knowledge-bases/" + kb + "/grants").secure(true)
				.header("X-Master-Key", this.masterKey)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"grantee\":\"" + grantee + "\",\"permission\":\"" + permission + "\"}"))
			.andExpect(status().isOk());
	}

	/**
	 * @return the document's id, once it is READY
	 */
	private String uploadWithTheMasterKey(String kb, String filename, byte[] bytes) throws Exception {
		JsonNode submitted = json.readTree(this.mvc
			.perform(multipart("/api/v1/knowledge-bases/" + kb + "/documents")
				.file(new MockMultipartFile("file", filename, "application/pdf", bytes))
				.secure(true)
				.header("X-Master-Key", this.masterKey))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString());
		String url = submitted.at("/documents/0/statusUrl").asText();
		this.wait.until((driver) -> "READY".equals(masterGet(url).get("status").asText()));
		return submitted.at("/documents/0/id").asText();
	}

	private JsonNode masterGet(String path) {
		try {
			return json.readTree(this.mvc.perform(get(path).secure(true).header("X-Master-Key", this.masterKey))
				.andReturn()
				.getResponse()
				.getContentAsString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
