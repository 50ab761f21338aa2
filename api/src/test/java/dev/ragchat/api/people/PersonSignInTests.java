package dev.ragchat.api.people;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.RagChatApplication;
import dev.ragchat.api.Calls;
import dev.ragchat.api.TestPorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People sign in to the console through a real OpenID provider (Spring Authorization
 * Server, started by the test), the way a browser does: the provider's login page, the
 * authorization code with PKCE, the session cookie. What they see is what their groups'
 * grants give them, read at every request.
 */
@SpringBootTest(classes = RagChatApplication.class, webEnvironment = WebEnvironment.DEFINED_PORT,
		properties = { "ragchat.people.admin-groups=ops", "ragchat.rate-limit.enabled=false",
				// the provider is asked again at every request
				"ragchat.people.check-every=0s" })
class PersonSignInTests {

	private static final ObjectMapper json = new ObjectMapper();

	private static final int PORT = TestPorts.unused();

	private static TestIdentityProvider provider;

	@Value("${ragchat.master-key}")
	String masterKey;

	@Value("${ragchat.tls.cert}")
	Path certificate;

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) throws IOException {
		Path work = Files.createTempDirectory("idp");
		provider = TestIdentityProvider.start(base() + "/login/oauth2/code/test", base() + "/", work);
		registry.add("server.port", () -> PORT);
		registry.add("spring.security.oauth2.client.provider.test.issuer-uri", provider::issuer);
		registry.add("spring.security.oauth2.client.registration.test.client-id", () -> TestIdentityProvider.CLIENT_ID);
		registry.add("spring.security.oauth2.client.registration.test.client-secret",
				() -> TestIdentityProvider.CLIENT_SECRET);
		registry.add("spring.security.oauth2.client.registration.test.client-name", () -> "Test provider");
		registry.add("spring.security.oauth2.client.registration.test.scope", () -> "openid,profile");
		// the same provider, a client whose codes expire after a second
		registry.add("spring.security.oauth2.client.provider.slow.issuer-uri", provider::issuer);
		registry.add("spring.security.oauth2.client.registration.slow.client-id",
				() -> TestIdentityProvider.SLOW_CLIENT_ID);
		registry.add("spring.security.oauth2.client.registration.slow.client-secret",
				() -> TestIdentityProvider.SLOW_CLIENT_SECRET);
		registry.add("spring.security.oauth2.client.registration.slow.scope", () -> "openid,profile");
	}

	@AfterAll
	static void stopProvider() {
		if (provider != null) {
			provider.close();
		}
	}

	@BeforeEach
	void groups() {
		TestIdentityProvider.groups.put("ada", List.of("finance"));
		TestIdentityProvider.groups.put("grace", List.of("ops"));
		TestIdentityProvider.groups.put("linus", List.of("engineering"));
		TestIdentityProvider.groups.put("margaret", List.of("engineering"));
		TestIdentityProvider.groups.put("hedy", List.of("research"));
	}

	@Test
	void namesTheProvidersToSignInWith() throws Exception {
		SignInBrowser anyone = browser();
		JsonNode signIn = anyone.json("GET", "/api/v1/sign-in", null, 200);
		assertThat(signIn.get("providers")).filteredOn((p) -> p.get("id").asText().equals("test"))
			.singleElement()
			.satisfies((p) -> {
				assertThat(p.get("name").asText()).isEqualTo("Test provider");
				assertThat(p.get("url").asText()).isEqualTo("/oauth2/authorization/test");
			});
		assertThat(anyone.send("GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
	}

	@Test
	void signsInThroughTheProvidersLoginPageAndSeesOnlyTheKnowledgeBasesItsGroupsAreGranted() throws Exception {
		String finance = createKnowledgeBase("finance");
		String engineering = createKnowledgeBase("engineering");
		grant(finance, "group:finance", "chat");

		SignInBrowser ada = browser();
		ada.signIn("ada");
		JsonNode me = ada.json("GET", "/api/v1/me", null, 200);
		assertThat(me.get("name").asText()).isEqualTo("Ada");
		assertThat(me.get("groups")).extracting(JsonNode::asText).containsExactly("finance");
		assertThat(me.at("/rights/" + finance)).extracting(JsonNode::asText).containsExactly("chat");
		assertThat(ada.cookie()).as("the session cookie")
			.contains("HttpOnly")
			.contains("Secure")
			.contains("SameSite=Lax");

		JsonNode list = ada.json("GET", "/api/v1/knowledge-bases", null, 200);
		assertThat(list.get("knowledgeBases")).extracting((kb) -> kb.get("id").asText())
			.contains(finance)
			.doesNotContain(engineering);
		assertThat(ada.send("GET", "/api/v1/knowledge-bases/" + engineering, null).statusCode()).isEqualTo(404);
		assertThat(ada.send("GET", "/api/v1/knowledge-bases/" + engineering + "/documents", null).statusCode())
			.isEqualTo(404);
		// chat is granted, uploading is not
		assertThat(ada.send("GET", "/api/v1/knowledge-bases/" + finance + "/documents", null).statusCode())
			.isEqualTo(200);
		HttpResponse<String> upload = ada.send("POST", "/api/v1/knowledge-bases/" + finance + "/grants",
				"{\"grantee\":\"group:finance\",\"permission\":\"manage\"}", me.at("/csrf/token").asText());
		assertThat(upload.statusCode()).isIn(403, 405);
	}

	@Test
	void aChangeFromTheSessionNeedsItsCsrfToken() throws Exception {
		String finance = createKnowledgeBase("finance");
		grant(finance, "group:finance", "chat");
		SignInBrowser ada = browser();
		ada.signIn("ada");
		String session = "{\"knowledgeBase\":\"" + finance + "\"}";
		HttpResponse<String> refused = ada.send("POST", "/api/v1/sessions", session);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(json.readTree(refused.body()).get("detail").asText()).contains("CSRF token");
		String token = ada.json("GET", "/api/v1/me", null, 200).at("/csrf/token").asText();
		HttpResponse<String> started = ada.send("POST", "/api/v1/sessions", session, token);
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
	}

	@Test
	void aWithdrawnGrantEndsAccessAtTheNextRequest() throws Exception {
		String finance = createKnowledgeBase("finance");
		grant(finance, "group:finance", "chat");
		SignInBrowser ada = browser();
		ada.signIn("ada");
		assertThat(ada.send("GET", "/api/v1/knowledge-bases/" + finance, null).statusCode()).isEqualTo(200);
		withdraw(finance, "group:finance");
		assertThat(ada.send("GET", "/api/v1/knowledge-bases/" + finance, null).statusCode()).isEqualTo(404);
	}

	@Test
	void aPersonTheProviderTakesOutOfAGroupLosesItsGrantsAtTheNextRequest() throws Exception {
		String finance = createKnowledgeBase("finance");
		grant(finance, "group:finance", "chat");
		SignInBrowser ada = browser();
		ada.signIn("ada");
		assertThat(ada.send("GET", "/api/v1/knowledge-bases/" + finance, null).statusCode()).isEqualTo(200);
		TestIdentityProvider.groups.put("ada", List.of("marketing"));
		// no grant left anywhere: nothing of any knowledge base, and an empty list
		assertThat(ada.send("GET", "/api/v1/knowledge-bases/" + finance, null).statusCode()).isEqualTo(404);
		assertThat(ada.json("GET", "/api/v1/knowledge-bases", null, 200).get("knowledgeBases")).isEmpty();
		assertThat(ada.json("GET", "/api/v1/me", null, 200).get("groups")).extracting(JsonNode::asText)
			.containsExactly("marketing");
		withdraw(finance, "group:finance");
	}

	@Test
	void aPersonOfAnAdminGroupCreatesAKnowledgeBaseManagesItAndGrantsIt() throws Exception {
		SignInBrowser grace = browser();
		grace.signIn("grace");
		String token = grace.json("GET", "/api/v1/me", null, 200).at("/csrf/token").asText();
		HttpResponse<String> created = grace.send("POST", "/api/v1/knowledge-bases", "{\"name\":\"ops notes\"}", token);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String kb = json.readTree(created.body()).get("id").asText();
		JsonNode grants = master("GET", "/api/v1/knowledge-bases/" + kb + "/grants", null, 200);
		assertThat(grants.at("/grants/0/grantee").asText()).startsWith("person:per_");
		assertThat(grants.at("/grants/0/permission").asText()).isEqualTo("manage");

		// the last to manage it cannot withdraw nor lower that grant (a person would be
		// locked out); the master key could
		String owner = grants.at("/grants/0/grantee").asText();
		HttpResponse<String> last = grace.send("DELETE", "/api/v1/knowledge-bases/" + kb + "/grants?grantee=" + owner,
				null, token);
		assertThat(last.statusCode()).isEqualTo(409);
		assertThat(json.readTree(last.body()).get("detail").asText()).contains("is the last to manage");
		assertThat(grace
			.send("PUT", "/api/v1/knowledge-bases/" + kb + "/grants",
					"{\"grantee\":\"" + owner + "\",\"permission\":\"chat\"}", token)
			.statusCode()).isEqualTo(409);
		HttpResponse<String> granted = grace.send("PUT", "/api/v1/knowledge-bases/" + kb + "/grants",
				"{\"grantee\":\"group:engineering\",\"permission\":\"upload\"}", token);
		assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
		SignInBrowser margaret = browser();
		margaret.signIn("margaret");
		assertThat(margaret.json("GET", "/api/v1/me", null, 200).at("/rights/" + kb)).extracting(JsonNode::asText)
			.containsExactlyInAnyOrder("chat", "upload");
		assertThat(grace
			.send("PUT", "/api/v1/knowledge-bases/" + kb + "/grants",
					"{\"grantee\":\"everyone\",\"permission\":\"upload\"}", token)
			.statusCode()).isEqualTo(400);
	}

	@Test
	void aCallbackWhoseStateDoesNotMatchIsRefused() throws Exception {
		SignInBrowser ada = browser();
		String callback = ada.authorize("ada");
		String forged = callback.replaceAll("state=[^&]+", "state=forged");
		HttpResponse<String> refused = ada.get(forged);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(json.readTree(refused.body()).get("detail").asText()).startsWith("Sign-in failed (");
		assertThat(ada.send("GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
	}

	@Test
	void aReplayedAuthorizationCodeIsRefused() throws Exception {
		SignInBrowser ada = browser();
		String first = ada.authorize("ada");
		assertThat(ada.get(first).statusCode()).isEqualTo(302);
		SignInBrowser mallory = browser();
		String second = mallory.authorize("ada");
		String code = query(first, "code");
		HttpResponse<String> replayed = mallory.get(second.replaceAll("code=[^&]+", "code=" + code));
		assertThat(replayed.statusCode()).isEqualTo(401);
		assertThat(json.readTree(replayed.body()).get("detail").asText()).contains("invalid_grant");
		assertThat(mallory.send("GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
	}

	@Test
	void anIdTokenForAnotherClientOrFromAnotherIssuerIsRefused() throws Exception {
		for (String person : List.of(TestIdentityProvider.FOR_ANOTHER_CLIENT,
				TestIdentityProvider.FROM_ANOTHER_ISSUER)) {
			SignInBrowser browser = browser();
			HttpResponse<String> refused = browser.get(browser.authorize(person));
			assertThat(refused.statusCode()).as(person).isEqualTo(401);
			assertThat(json.readTree(refused.body()).get("detail").asText()).as(person)
				.startsWith("Sign-in failed (invalid_id_token");
			assertThat(browser.send("GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
		}
	}

	@Test
	void anExpiredAuthorizationCodeIsRefused() throws Exception {
		SignInBrowser ada = browser();
		String callback = ada.authorize("ada", "slow");
		// the provider's codes for this client live a second
		Thread.sleep(1500);
		HttpResponse<String> refused = ada.get(callback);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(json.readTree(refused.body()).get("detail").asText()).contains("invalid_grant");
		assertThat(ada.send("GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
	}

	@Test
	void theProviderRefusesARedirectUriItDoesNotKnow() throws Exception {
		SignInBrowser ada = browser();
		HttpResponse<String> start = ada.get(base() + "/oauth2/authorization/test");
		String authorize = start.headers().firstValue("Location").orElseThrow();
		String elsewhere = authorize.replaceAll("redirect_uri=[^&]+",
				"redirect_uri=" + URLEncoder.encode("https://attacker.invalid/callback", StandardCharsets.UTF_8));
		HttpResponse<String> refused = ada.get(elsewhere);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void signingOutEndsTheSessionHereAndAtTheProvider() throws Exception {
		SignInBrowser ada = browser();
		ada.signIn("ada");
		String token = ada.json("GET", "/api/v1/me", null, 200).at("/csrf/token").asText();
		HttpResponse<String> out = ada.form("/sign-out", "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
		assertThat(out.statusCode()).isEqualTo(302);
		String location = out.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(provider.issuer() + "/connect/logout")
			.contains("id_token_hint=")
			.contains("post_logout_redirect_uri=");
		assertThat(ada.send("GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
	}

	@Test
	void aRemovedPersonLosesTheSessionAndMayNotSignInAgain() throws Exception {
		SignInBrowser linus = browser();
		linus.signIn("linus");
		String id = linus.json("GET", "/api/v1/me", null, 200).get("id").asText();
		master("DELETE", "/api/v1/admin/people/" + id, null, 204);
		assertThat(linus.send("GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
		SignInBrowser again = browser();
		HttpResponse<String> refused = again.get(again.authorize("linus"));
		assertThat(refused.statusCode()).isEqualTo(403);
		// a new person with the same name at another provider would be someone else; the
		// removed one stays removed
		assertThat(master("GET", "/api/v1/admin/people", null, 200).findValuesAsText("removedAt")).isNotEmpty();
	}

	@Test
	void aPersonIssuesKeysThatActWithAtMostTheirRightsAndSeesOnlyTheirOwn() throws Exception {
		String finance = createKnowledgeBase("finance");
		String engineering = createKnowledgeBase("engineering");
		grant(finance, "group:finance", "chat");
		SignInBrowser ada = browser();
		ada.signIn("ada");
		String token = ada.json("GET", "/api/v1/me", null, 200).at("/csrf/token").asText();
		assertThat(ada.send("POST", "/api/v1/keys", "{\"scopes\":[\"upload\"]}", token).statusCode())
			.as("a scope the grants do not give")
			.isEqualTo(403);
		assertThat(
				ada.send("POST", "/api/v1/keys", "{\"knowledgeBases\":[\"" + engineering + "\"]}", token).statusCode())
			.as("a knowledge base not granted")
			.isEqualTo(403);
		HttpResponse<String> issued = ada.send("POST", "/api/v1/keys", "{\"name\":\"notebook\"}", token);
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		JsonNode key = json.readTree(issued.body());
		assertThat(key.get("knowledgeBases")).extracting(JsonNode::asText).containsExactly(finance);

		JsonNode own = ada.json("GET", "/api/v1/keys", null, 200);
		assertThat(own.get("keys")).extracting((k) -> k.get("id").asText()).contains(key.get("id").asText());
		assertThat(own.get("keys"))
			.allSatisfy((k) -> assertThat(k.get("name").asText()).isIn("notebook", "console: Ada"));

		HttpResponse<String> notTheirs = ada.send("DELETE", "/api/v1/keys/key_someone_elses", null, token);
		assertThat(notTheirs.statusCode()).as(notTheirs.body()).isEqualTo(404);

		// the key works for what is granted, and stops with the grant
		HttpResponse<String> withKey = client(new CookieManager())
			.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/knowledge-bases/" + finance))
				.header("X-API-Key", key.get("key").asText())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(withKey.statusCode()).isEqualTo(200);
		withdraw(finance, "group:finance");
		HttpResponse<String> after = client(new CookieManager())
			.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/knowledge-bases/" + finance))
				.header("X-API-Key", key.get("key").asText())
				.build(), HttpResponse.BodyHandlers.ofString());
		// no grant left anywhere: the knowledge base is not theirs to see
		assertThat(after.statusCode()).isEqualTo(404);
	}

	@Test
	void aKeyAPersonHoldsNeitherIssuesNorListsNorRevokesKeysOnlyTheirConsoleSessionDoes() throws Exception {
		String research = createKnowledgeBase("research");
		grant(research, "group:research", "upload");
		SignInBrowser hedy = browser();
		hedy.signIn("hedy");
		JsonNode me = hedy.json("GET", "/api/v1/me", null, 200);
		String token = me.at("/csrf/token").asText();
		HttpResponse<String> issued = hedy.send("POST", "/api/v1/keys", "{\"name\":\"ten minutes\",\"ttlSeconds\":600}",
				token);
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		String narrow = json.readTree(issued.body()).get("key").asText();

		// the narrow key would give itself a wider, longer-lived sibling, see the
		// console's key and revoke it (signing its holder out)
		HttpResponse<String> wider = withKey(narrow, "POST", "/api/v1/keys",
				"{\"scopes\":[\"chat\",\"upload\"],\"ttlSeconds\":2592000}");
		assertThat(wider.statusCode()).as(wider.body()).isEqualTo(403);
		assertThat(json.readTree(wider.body()).get("detail").asText()).contains("master key").contains("console");
		assertThat(withKey(narrow, "GET", "/api/v1/keys", null).statusCode()).isEqualTo(403);
		assertThat(withKey(narrow, "DELETE", "/api/v1/keys/" + me.get("keyId").asText(), null).statusCode())
			.isEqualTo(403);
		// what it may do, it still may
		assertThat(withKey(narrow, "GET", "/api/v1/keys/current", null).statusCode()).isEqualTo(200);
		assertThat(hedy.json("GET", "/api/v1/keys", null, 200).get("keys")).extracting((k) -> k.get("name").asText())
			.contains("console: Hedy", "ten minutes");
		withdraw(research, "group:research");
	}

	@Test
	void aKeyIssuedFromTheConsoleExpiresAtTheLatestWithTheConsolesOwnKey() throws Exception {
		String research = createKnowledgeBase("research");
		grant(research, "group:research", "chat");
		SignInBrowser hedy = browser();
		hedy.signIn("hedy");
		JsonNode me = hedy.json("GET", "/api/v1/me", null, 200);
		HttpResponse<String> issued = hedy.send("POST", "/api/v1/keys", "{\"name\":\"a month\",\"ttlSeconds\":2592000}",
				me.at("/csrf/token").asText());
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		JsonNode key = json.readTree(issued.body());
		// the console's key, issued at the first sign-in, lives at most as long
		JsonNode console = null;
		for (JsonNode own : hedy.json("GET", "/api/v1/keys", null, 200).get("keys")) {
			if (own.get("id").asText().equals(me.get("keyId").asText())) {
				console = own;
			}
		}
		assertThat(console).as("the console's key").isNotNull();
		assertThat(Instant.parse(key.get("expiresAt").asText()))
			.isBeforeOrEqualTo(Instant.parse(console.get("expiresAt").asText()));
		master("DELETE", "/api/v1/keys/" + key.get("id").asText(), null, 204);
		withdraw(research, "group:research");
	}

	@Test
	void aPersonRenewsTheirOwnKeyFromTheConsoleAndTheRenewalIsTheirsToo() throws Exception {
		String research = createKnowledgeBase("research");
		grant(research, "group:research", "chat");
		SignInBrowser hedy = browser();
		hedy.signIn("hedy");
		String csrf = hedy.json("GET", "/api/v1/me", null, 200).at("/csrf/token").asText();
		HttpResponse<String> issued = hedy.send("POST", "/api/v1/keys", "{\"name\":\"notes\",\"ttlSeconds\":600}",
				csrf);
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		JsonNode key = json.readTree(issued.body());
		String id = key.get("id").asText();

		// the key itself may not renew itself, only their console session
		assertThat(withKey(key.get("key").asText(), "POST", "/api/v1/keys/" + id + "/renew", null).statusCode())
			.isEqualTo(403);
		HttpResponse<String> renewed = hedy.send("POST", "/api/v1/keys/" + id + "/renew", null, csrf);
		assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(201);
		JsonNode renewal = json.readTree(renewed.body());
		assertThat(renewal.get("lineage").asText()).isEqualTo(id);
		assertThat(renewal.get("knowledgeBases")).hasToString("[\"" + research + "\"]");
		// held by them: listed with their keys, and acting with their rights
		assertThat(hedy.json("GET", "/api/v1/keys", null, 200).get("keys")).extracting((k) -> k.get("id").asText())
			.contains(id, renewal.get("id").asText());
		JsonNode current = json
			.readTree(expect(200, withKey(renewal.get("key").asText(), "GET", "/api/v1/keys/current", null)));
		assertThat(current.at("/rights/" + research)).hasToString("[\"chat\"]");
		// a key they do not hold is not theirs to renew
		assertThat(hedy.send("POST", "/api/v1/keys/key_someone_elses/renew", null, csrf).statusCode()).isEqualTo(404);
		master("DELETE", "/api/v1/keys/" + id, null, 204);
		withdraw(research, "group:research");
	}

	@Test
	void aPersonRenewsTheirKeyAfterAGrantIsWithdrawnWithWhatTheyHoldNowAndItsConversationsGoOn() throws Exception {
		String charts = createKnowledgeBase("charts");
		String logs = createKnowledgeBase("logs");
		String notes = createKnowledgeBase("notes");
		grant(charts, "group:research", "chat");
		grant(logs, "group:research", "chat");
		SignInBrowser hedy = browser();
		hedy.signIn("hedy");
		String csrf = hedy.json("GET", "/api/v1/me", null, 200).at("/csrf/token").asText();
		HttpResponse<String> issued = hedy.send("POST", "/api/v1/keys", "{\"name\":\"field notes\",\"ttlSeconds\":600}",
				csrf);
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		JsonNode key = json.readTree(issued.body());
		String id = key.get("id").asText();
		assertThat(key.get("knowledgeBases")).extracting(JsonNode::asText).containsExactlyInAnyOrder(charts, logs);
		String session = json
			.readTree(expect(201,
					withKey(key.get("key").asText(), "POST", "/api/v1/sessions",
							"{\"knowledgeBase\":\"" + charts + "\"}")))
			.get("sessionId")
			.asText();

		withdraw(logs, "group:research");

		// renewed with the knowledge bases she holds now: the lineage goes on
		HttpResponse<String> renewed = hedy.send("POST", "/api/v1/keys/" + id + "/renew", null, csrf);
		assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(201);
		JsonNode renewal = json.readTree(renewed.body());
		assertThat(renewal.get("knowledgeBases")).extracting(JsonNode::asText).containsExactly(charts);
		assertThat(renewal.get("scopes")).extracting(JsonNode::asText).containsExactly("chat");
		assertThat(renewal.get("lineage").asText()).isEqualTo(id);
		String renewedKey = renewal.get("key").asText();
		assertThat(json.readTree(expect(200, withKey(renewedKey, "GET", "/api/v1/sessions", null))).get("sessions"))
			.extracting((listed) -> listed.get("sessionId").asText())
			.containsExactly(session);
		String token = json
			.readTree(expect(200, withKey(renewedKey, "POST", "/api/v1/sessions/" + session + "/token", null)))
			.get("token")
			.asText();
		expect(200, withToken(token, "POST", "/api/v1/sessions/" + session + "/messages",
				"{\"message\":\"What do the charts show?\"}"));

		// none of its knowledge bases held any more (another granted since): a problem
		grant(notes, "group:research", "chat");
		withdraw(charts, "group:research");
		HttpResponse<String> refused = hedy.send("POST", "/api/v1/keys/" + renewal.get("id").asText() + "/renew", null,
				csrf);
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json.readTree(refused.body()).get("detail").asText()).contains("cannot be renewed")
			.contains(charts)
			.contains("POST /api/v1/keys");
		assertThat(hedy.json("GET", "/api/v1/keys", null, 200).get("keys"))
			.filteredOn((k) -> k.get("lineage").asText().equals(id))
			.hasSize(2);
		master("DELETE", "/api/v1/keys/" + id, null, 204);
		withdraw(notes, "group:research");
	}

	@Test
	void theConsolesKeyIsRenewedAtTheNextSignInAfterAGrantIsWithdrawnAndItsConversationsCarryOver() throws Exception {
		String maps = createKnowledgeBase("maps");
		String tides = createKnowledgeBase("tides");
		grant(maps, "group:research", "chat");
		grant(tides, "group:research", "chat");
		SignInBrowser hedy = browser();
		hedy.signIn("hedy");
		JsonNode me = hedy.json("GET", "/api/v1/me", null, 200);
		String consoleKey = me.get("keyId").asText();
		HttpResponse<String> started = hedy.send("POST", "/api/v1/sessions", "{\"knowledgeBase\":\"" + maps + "\"}",
				me.at("/csrf/token").asText());
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		String session = json.readTree(started.body()).get("sessionId").asText();

		withdraw(tides, "group:research");
		// the console's key expires (the master key retires it)
		master("POST", "/api/v1/keys/" + consoleKey + "/renew", "{\"retirePrevious\":true}", 201);
		assertThat(hedy.send("GET", "/api/v1/me", null).statusCode()).isEqualTo(401);

		// the next sign-in renews it into its lineage: the conversation carries over
		SignInBrowser again = browser();
		again.signIn("hedy");
		JsonNode renewed = again.json("GET", "/api/v1/me", null, 200);
		assertThat(renewed.get("keyId").asText()).isNotEqualTo(consoleKey);
		JsonNode keys = again.json("GET", "/api/v1/keys", null, 200).get("keys");
		assertThat(keys).filteredOn((k) -> k.get("id").asText().equals(renewed.get("keyId").asText()))
			.singleElement()
			.satisfies((k) -> assertThat(k.get("lineage").asText()).isEqualTo(consoleKey));
		assertThat(again.json("GET", "/api/v1/sessions", null, 200).get("sessions"))
			.extracting((listed) -> listed.get("sessionId").asText())
			.contains(session);
		String csrf = renewed.at("/csrf/token").asText();
		HttpResponse<String> token = again.send("POST", "/api/v1/sessions/" + session + "/token", null, csrf);
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		expect(200, withToken(json.readTree(token.body()).get("token").asText(), "POST",
				"/api/v1/sessions/" + session + "/messages", "{\"message\":\"Where do the maps end?\"}"));
		// acting with what she holds now
		assertThat(again.json("GET", "/api/v1/keys/current", null, 200).get("rights").has(tides)).isFalse();
		withdraw(maps, "group:research");
	}

	@Test
	void aGroupsGrantSaysHowManyPeopleWhoSignedInAreInItNoneForAMisspeltGroup() throws Exception {
		String finance = createKnowledgeBase("finance");
		browser().signIn("ada");
		JsonNode granted = master("PUT", "/api/v1/knowledge-bases/" + finance + "/grants",
				"{\"grantee\":\"group:finance\",\"permission\":\"chat\"}", 200);
		assertThat(granted.get("members").asInt()).isEqualTo(1);
		JsonNode misspelt = master("PUT", "/api/v1/knowledge-bases/" + finance + "/grants",
				"{\"grantee\":\"group:finanse\",\"permission\":\"chat\"}", 200);
		assertThat(misspelt.get("members").asInt()).isZero();
		JsonNode grants = master("GET", "/api/v1/knowledge-bases/" + finance + "/grants", null, 200).get("grants");
		assertThat(grants).extracting((g) -> g.get("grantee").asText() + "=" + g.get("members").asInt())
			.containsExactlyInAnyOrder("group:finance=1", "group:finanse=0");
		// a person's grant counts no members
		String ada = null;
		for (JsonNode someone : master("GET", "/api/v1/admin/people", null, 200).get("people")) {
			ada = someone.get("name").asText().equals("Ada") ? someone.get("id").asText() : ada;
		}
		JsonNode person = master("PUT", "/api/v1/knowledge-bases/" + finance + "/grants",
				"{\"grantee\":\"person:" + ada + "\",\"permission\":\"chat\"}", 200);
		assertThat(person.has("members")).isFalse();
	}

	@Test
	void aGrantToAGroupOrPersonWithoutANameIsABadRequest() throws Exception {
		String research = createKnowledgeBase("research");
		for (String grantee : List.of("group:", "person:", "group: ")) {
			JsonNode refused = master("PUT", "/api/v1/knowledge-bases/" + research + "/grants",
					"{\"grantee\":\"" + grantee + "\",\"permission\":\"chat\"}", 400);
			assertThat(refused.get("detail").asText()).as(grantee).contains("group:<name> or person:<id>");
		}
		assertThat(master("GET", "/api/v1/knowledge-bases/" + research + "/grants", null, 200).get("grants")).isEmpty();
	}

	@Test
	void signingInWithAProviderThatIsNotConfiguredIsANotFoundProblem() throws Exception {
		SignInBrowser anyone = browser();
		HttpResponse<String> refused = anyone.get(base() + "/oauth2/authorization/nobody");
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(404);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(refused.body());
		assertThat(problem.get("detail").asText()).contains("'nobody'").contains("/api/v1/sign-in");
		assertThat(problem.has("trace")).isFalse();
	}

	@Test
	void aSignInOrSignOutWithAHostThatIsNoneOfTheServersNamesIsRefused() throws Exception {
		SignInBrowser ada = browser();
		SignInBrowser.Raw start = ada.withHost("GET", "/oauth2/authorization/test", "evil.example", null);
		assertThat(start.status()).as(start.body()).isEqualTo(400);
		assertThat(start.headers()).doesNotContainKey("location");
		assertThat(json.readTree(start.body()).get("detail").asText()).contains("evil.example")
			.contains("ragchat.people.public-url");
		// the server's own names are its certificate's (localhost)
		assertThat(ada.withHost("GET", "/oauth2/authorization/test", "localhost:" + PORT, null).status())
			.isEqualTo(302);

		ada.signIn("ada");
		String token = ada.json("GET", "/api/v1/me", null, 200).at("/csrf/token").asText();
		String form = "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
		SignInBrowser.Raw out = ada.withHost("POST", "/sign-out", "evil.example", form);
		assertThat(out.status()).as(out.body()).isEqualTo(400);
		assertThat(out.headers()).doesNotContainKey("location");
		HttpResponse<String> signedOut = ada.form("/sign-out", form);
		assertThat(signedOut.statusCode()).isEqualTo(302);
		assertThat(SignInBrowser.param(signedOut.headers().firstValue("Location").orElseThrow(),
				"post_logout_redirect_uri"))
			.isEqualTo(base() + "/");
	}

	@Test
	void aPersonsKeySaysWhatItMayDoInEachKnowledgeBase() throws Exception {
		String ledger = createKnowledgeBase("ledger");
		String budget = createKnowledgeBase("budget");
		grant(ledger, "group:finance", "chat");
		grant(budget, "group:finance", "upload");
		SignInBrowser ada = browser();
		ada.signIn("ada");
		String token = ada.json("GET", "/api/v1/me", null, 200).at("/csrf/token").asText();
		HttpResponse<String> issued = ada.send("POST", "/api/v1/keys",
				"{\"name\":\"both\",\"scopes\":[\"chat\",\"upload\"]}", token);
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		String key = json.readTree(issued.body()).get("key").asText();

		JsonNode current = json.readTree(expect(200, withKey(key, "GET", "/api/v1/keys/current", null)));
		assertThat(current.get("scopes")).extracting(JsonNode::asText).containsExactly("chat", "upload");
		// upload is the key's in one knowledge base only: the grants say where
		assertThat(current.at("/rights/" + ledger)).extracting(JsonNode::asText).containsExactly("chat");
		assertThat(current.at("/rights/" + budget)).extracting(JsonNode::asText).containsExactly("chat", "upload");
		withdraw(ledger, "group:finance");
		withdraw(budget, "group:finance");
	}

	@Test
	void theAuditTrailTheActivityAndFeedbackNameThePerson() throws Exception {
		String finance = createKnowledgeBase("finance");
		grant(finance, "group:finance", "chat");
		SignInBrowser ada = browser();
		ada.signIn("ada");
		JsonNode me = ada.json("GET", "/api/v1/me", null, 200);
		HttpResponse<String> started = ada.send("POST", "/api/v1/sessions", "{\"knowledgeBase\":\"" + finance + "\"}",
				me.at("/csrf/token").asText());
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		JsonNode session = json.readTree(started.body());
		HttpResponse<String> asked = client(new CookieManager()).send(HttpRequest
			.newBuilder(URI.create(base() + "/api/v1/sessions/" + session.get("sessionId").asText() + "/messages"))
			.header("Authorization", "Bearer " + session.get("token").asText())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"When was the lighthouse automated?\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
		String messageId = json.readTree(asked.body()).get("id").asText();
		HttpResponse<String> rated = client(new CookieManager()).send(HttpRequest
			.newBuilder(URI.create(base() + "/api/v1/sessions/" + session.get("sessionId").asText() + "/messages/"
					+ messageId + "/feedback"))
			.header("Authorization", "Bearer " + session.get("token").asText())
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"rating\":\"up\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);
		assertThat(json.readTree(rated.body()).at("/person/id").asText()).isEqualTo(me.get("id").asText());
		JsonNode feedback = master("GET", "/api/v1/knowledge-bases/" + finance + "/feedback", null, 200);
		assertThat(feedback.at("/feedback/0/person/name").asText()).isEqualTo("Ada");

		JsonNode trail = master("GET", "/api/v1/admin/audit", null, 200);
		assertThat(trail.get("events"))
			.filteredOn((event) -> me.get("id").asText().equals(event.path("person").asText()))
			.extracting((event) -> event.get("action").asText())
			.contains("session.started", "question.asked");
		assertThat(trail.get("events")).filteredOn((event) -> event.get("action").asText().equals("person.signed-in"))
			.extracting((event) -> event.get("target").asText())
			.contains("person:" + me.get("id").asText());

		JsonNode usage = master("GET", "/api/v1/admin/analytics", null, 200);
		assertThat(usage.get("byPerson")).filteredOn((p) -> p.get("personId").asText().equals(me.get("id").asText()))
			.singleElement()
			.satisfies((p) -> {
				assertThat(p.get("name").asText()).isEqualTo("Ada");
				assertThat(p.get("questions").asLong()).isGreaterThanOrEqualTo(1);
			});
		withdraw(finance, "group:finance");
	}

	@Test
	void aWithdrawnGrantEndsTheUseOfAnOpenChatSessionOnEverySurfaceAtTheNextRequest() throws Exception {
		String finance = createKnowledgeBase("finance");
		String archive = createKnowledgeBase("archive");
		grant(finance, "group:finance", "chat");
		// a grant elsewhere keeps the chat scope: only the session's knowledge base goes
		grant(archive, "group:finance", "chat");
		SignInBrowser ada = browser();
		ada.signIn("ada");
		String csrf = ada.json("GET", "/api/v1/me", null, 200).at("/csrf/token").asText();
		HttpResponse<String> issued = ada.send("POST", "/api/v1/keys", "{\"name\":\"notebook\"}", csrf);
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		String key = json.readTree(issued.body()).get("key").asText();

		// a session started with her key, another from her console
		JsonNode started = json
			.readTree(expect(201, withKey(key, "POST", "/api/v1/sessions", "{\"knowledgeBase\":\"" + finance + "\"}")));
		String id = started.get("sessionId").asText();
		String token = started.get("token").asText();
		HttpResponse<String> fromConsole = ada.send("POST", "/api/v1/sessions",
				"{\"knowledgeBase\":\"" + finance + "\"}", csrf);
		assertThat(fromConsole.statusCode()).as(fromConsole.body()).isEqualTo(201);
		String consoleId = json.readTree(fromConsole.body()).get("sessionId").asText();
		String messageId = json
			.readTree(expect(200,
					withToken(token, "POST", "/api/v1/sessions/" + id + "/messages",
							"{\"message\":\"When was the lighthouse automated?\"}")))
			.get("id")
			.asText();
		String mcp = mcpSession(key);
		assertThat(mcpAsk(key, mcp, id).path("isError").asBoolean()).isFalse();

		withdraw(finance, "group:finance");

		// the session's token: nothing of the session, a 404 as for the knowledge base
		String messages = "/api/v1/sessions/" + id + "/messages";
		for (HttpResponse<String> refused : List.of(
				withToken(token, "POST", messages, "{\"message\":\"And who kept it?\"}"),
				withToken(token, "GET", messages, null), withToken(token, "GET", "/api/v1/sessions/" + id, null),
				withToken(token, "PUT", "/api/v1/sessions/" + id, "{\"topK\":3}"),
				withToken(token, "PUT", messages + "/" + messageId + "/feedback", "{\"rating\":\"up\"}"),
				withToken(token, "PUT", "/api/v1/sessions/" + id + "/title", "{\"title\":\"Lighthouse\"}"))) {
			assertThat(refused.statusCode()).as(refused.request().method() + " " + refused.request().uri())
				.isEqualTo(404);
			assertThat(json.readTree(refused.body()).get("detail").asText()).contains(finance);
		}
		HttpResponse<String> streamed = client(new CookieManager())
			.send(HttpRequest.newBuilder(URI.create(base() + messages))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.header("Accept", "text/event-stream")
				.POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"And who kept it?\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(404);
		assertThat(streamed.body()).doesNotContain("event:token");

		// her key and her console: no new token, and the sessions are not listed
		assertThat(withKey(key, "POST", "/api/v1/sessions/" + id + "/token", null).statusCode()).isEqualTo(404);
		assertThat(ada.send("POST", "/api/v1/sessions/" + consoleId + "/token", null, csrf).statusCode())
			.isEqualTo(404);
		assertThat(json.readTree(expect(200, withKey(key, "GET", "/api/v1/sessions", null))).get("total").asLong())
			.isZero();
		assertThat(ada.json("GET", "/api/v1/sessions", null, 200).get("sessions"))
			.extracting((session) -> session.get("sessionId").asText())
			.doesNotContain(consoleId);

		// the OpenAI-compatible API and MCP
		HttpResponse<String> completion = withKey(key, "POST", "/v1/chat/completions",
				"{\"model\":\"kb:" + finance + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
		assertThat(completion.statusCode()).as(completion.body()).isEqualTo(404);
		JsonNode refusedTool = mcpAsk(key, mcp, id);
		assertThat(refusedTool.path("isError").asBoolean()).as(refusedTool.toString()).isTrue();
		assertThat(refusedTool.at("/content/0/text").asText()).contains(finance);

		// the session was not ended: the grant given back, it goes on
		grant(finance, "group:finance", "chat");
		assertThat(withToken(token, "GET", messages, null).statusCode()).isEqualTo(200);
		withdraw(finance, "group:finance");
		withdraw(archive, "group:finance");
	}

	@Test
	void aGrantWithdrawnOnOneOfASessionsTwoKnowledgeBasesRefusesItsNextMessageAndTakesItOffTheList() throws Exception {
		String ledger = createKnowledgeBase("ledger");
		String budgets = createKnowledgeBase("budgets");
		grant(ledger, "group:finance", "chat");
		grant(budgets, "group:finance", "chat");
		SignInBrowser ada = browser();
		ada.signIn("ada");
		String csrf = ada.json("GET", "/api/v1/me", null, 200).at("/csrf/token").asText();
		HttpResponse<String> both = ada.send("POST", "/api/v1/sessions",
				"{\"knowledgeBases\":[\"" + ledger + "\",\"" + budgets + "\"]}", csrf);
		assertThat(both.statusCode()).as(both.body()).isEqualTo(201);
		String id = json.readTree(both.body()).get("sessionId").asText();
		String token = json.readTree(both.body()).get("token").asText();
		HttpResponse<String> one = ada.send("POST", "/api/v1/sessions", "{\"knowledgeBase\":\"" + ledger + "\"}", csrf);
		assertThat(one.statusCode()).as(one.body()).isEqualTo(201);
		String ledgerOnly = json.readTree(one.body()).get("sessionId").asText();
		String messages = "/api/v1/sessions/" + id + "/messages";
		assertThat(withToken(token, "POST", messages, "{\"message\":\"What does the ledger hold?\"}").statusCode())
			.isEqualTo(200);
		assertThat(ada.json("GET", "/api/v1/sessions", null, 200).get("sessions"))
			.extracting((session) -> session.get("sessionId").asText())
			.contains(id, ledgerOnly);

		// the session's second knowledge base, not its first
		withdraw(budgets, "group:finance");

		HttpResponse<String> refused = withToken(token, "POST", messages, "{\"message\":\"And the budgets?\"}");
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(404);
		assertThat(json.readTree(refused.body()).get("detail").asText()).contains(budgets);
		// listed as it may be opened: the session over both is not, the other one is
		JsonNode listed = ada.json("GET", "/api/v1/sessions", null, 200);
		assertThat(listed.get("sessions")).extracting((session) -> session.get("sessionId").asText())
			.contains(ledgerOnly)
			.doesNotContain(id);
		assertThat(listed.get("total").asLong()).isEqualTo(listed.get("sessions").size());
		assertThat(ada.send("POST", "/api/v1/sessions/" + id + "/token", null, csrf).statusCode()).isEqualTo(404);

		// the grant given back, the session goes on and is listed again
		grant(budgets, "group:finance", "chat");
		assertThat(withToken(token, "GET", messages, null).statusCode()).isEqualTo(200);
		assertThat(ada.json("GET", "/api/v1/sessions", null, 200).get("sessions"))
			.extracting((session) -> session.get("sessionId").asText())
			.contains(id);
		withdraw(ledger, "group:finance");
		withdraw(budgets, "group:finance");
	}

	@Test
	void aPersonTheProviderTakesOutOfAGroupLosesItsOpenChatSessionsAtTheNextRequest() throws Exception {
		String audits = createKnowledgeBase("audits");
		String handbook = createKnowledgeBase("handbook");
		grant(audits, "group:auditors", "chat");
		grant(handbook, "group:engineering", "chat");
		TestIdentityProvider.groups.put("margaret", List.of("engineering", "auditors"));
		SignInBrowser margaret = browser();
		margaret.signIn("margaret");
		String csrf = margaret.json("GET", "/api/v1/me", null, 200).at("/csrf/token").asText();
		HttpResponse<String> started = margaret.send("POST", "/api/v1/sessions",
				"{\"knowledgeBase\":\"" + audits + "\"}", csrf);
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		String id = json.readTree(started.body()).get("sessionId").asText();
		String token = json.readTree(started.body()).get("token").asText();
		String messages = "/api/v1/sessions/" + id + "/messages";
		assertThat(withToken(token, "GET", messages, null).statusCode()).isEqualTo(200);

		TestIdentityProvider.groups.put("margaret", List.of("engineering"));
		// her console's next request asks the provider, which names her groups now
		assertThat(margaret.json("GET", "/api/v1/me", null, 200).get("groups")).extracting(JsonNode::asText)
			.containsExactly("engineering");
		assertThat(withToken(token, "GET", messages, null).statusCode()).isEqualTo(404);
		assertThat(withToken(token, "POST", messages, "{\"message\":\"Who audits?\"}").statusCode()).isEqualTo(404);
		assertThat(margaret.send("POST", "/api/v1/sessions/" + id + "/token", null, csrf).statusCode()).isEqualTo(404);
		withdraw(audits, "group:auditors");
		withdraw(handbook, "group:engineering");
	}

	private HttpResponse<String> withKey(String key, String method, String path, String body) throws Exception {
		return call(method, path, body, "X-API-Key", key);
	}

	private HttpResponse<String> withToken(String token, String method, String path, String body) throws Exception {
		return call(method, path, body, "Authorization", "Bearer " + token);
	}

	private HttpResponse<String> call(String method, String path, String body, String header, String value)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.header(header, value)
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return client(new CookieManager()).send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String expect(int status, HttpResponse<String> response) {
		assertThat(response.statusCode())
			.as(response.request().method() + " " + response.request().uri() + ": " + response.body())
			.isEqualTo(status);
		return response.body();
	}

	/**
	 * @return the id of an initialized MCP session of the key
	 */
	private String mcpSession(String key) throws Exception {
		HttpResponse<String> initialized = mcp(key, null,
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
						+ "\"2025-03-26\",\"capabilities\":{},\"clientInfo\":{\"name\":\"people\",\"version\":\"1\"}}}");
		assertThat(initialized.statusCode()).as(initialized.body()).isEqualTo(200);
		String session = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
		HttpResponse<String> ready = mcp(key, session,
				"{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
		assertThat(ready.statusCode()).as(ready.body()).isEqualTo(202);
		return session;
	}

	/**
	 * @return the result of the MCP {@code ask} tool in a chat session
	 */
	private JsonNode mcpAsk(String key, String mcpSession, String chatSession) throws Exception {
		HttpResponse<String> reply = mcp(key, mcpSession,
				"{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"ask\",\"arguments\":"
						+ "{\"question\":\"When was the lighthouse automated?\",\"session_id\":\"" + chatSession
						+ "\"}}}");
		assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
		String text = reply.body();
		if (reply.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
			text = text.lines()
				.filter((line) -> line.startsWith("data:"))
				.map((line) -> line.substring("data:".length()))
				.findFirst()
				.orElseThrow();
		}
		JsonNode message = json.readTree(text);
		assertThat(message.has("error")).as(text).isFalse();
		return message.get("result");
	}

	private HttpResponse<String> mcp(String key, String session, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/mcp"))
			.header("X-API-Key", key)
			.header("Accept", "application/json, text/event-stream")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (session != null) {
			request.header("Mcp-Session-Id", session);
		}
		return client(new CookieManager()).send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private void grant(String kb, String grantee, String permission) throws Exception {
		master("PUT", "/api/v1/knowledge-bases/" + kb + "/grants",
				"{\"grantee\":\"" + grantee + "\",\"permission\":\"" + permission + "\"}", 200);
	}

	private void withdraw(String kb, String grantee) throws Exception {
		master("DELETE", "/api/v1/knowledge-bases/" + kb + "/grants?grantee=" + grantee, null, 204);
	}

	private String createKnowledgeBase(String name) throws Exception {
		return master("POST", "/api/v1/knowledge-bases", "{\"name\":\"" + name + "\"}", 201).get("id").asText();
	}

	private JsonNode master(String method, String path, String body, int status) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.header("X-Master-Key", this.masterKey)
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		HttpResponse<String> response = client(new CookieManager()).send(request.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
		return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
	}

	private HttpClient client(CookieManager cookies) throws Exception {
		return SignInBrowser.client(Calls.trusting(this.certificate), cookies);
	}

	private SignInBrowser browser() throws Exception {
		return new SignInBrowser(base(), base(), provider.issuer(), Calls.trusting(this.certificate));
	}

	private static String base() {
		return "https://localhost:" + PORT;
	}

	private static String query(String url, String name) {
		Matcher m = Pattern.compile("[?&]" + name + "=([^&]+)").matcher(url);
		assertThat(m.find()).as(name + " in " + url).isTrue();
		return m.group(1);
	}

}
