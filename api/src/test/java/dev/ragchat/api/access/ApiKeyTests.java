package dev.ragchat.api.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractWebIntegrationTests;
import dev.ragchat.api.Calls;
import dev.ragchat.api.RagChatProperties;
import dev.ragchat.api.keys.Hashes;
import dev.ragchat.api.keys.KeyFormat;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ApiKeyTests extends AbstractWebIntegrationTests {

	@Autowired
	ApiKeyStore store;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RagChatProperties properties;

	@Test
	void issuesKeyWithDefaultsOfOneHourChatOnAllKnowledgeBases() throws Exception {
		Instant before = Instant.now();
		JsonNode key = Calls.issueKey(this.mvc, this.masterKey, "{}");
		assertThat(key.get("id").asText()).startsWith("key_");
		assertThat(key.get("key").asText()).startsWith("rck_");
		assertThat(key.get("scopes")).hasToString("[\"chat\"]");
		assertThat(key.get("knowledgeBases")).hasToString("[\"*\"]");
		Instant expiresAt = Instant.parse(key.get("expiresAt").asText());
		assertThat(expiresAt).isBetween(before.plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofHours(1)));
	}

	@Test
	void issuesKeyWithRequestedScopesKnowledgeBasesAndTtl() throws Exception {
		String a = createKnowledgeBase("a");
		String b = createKnowledgeBase("b");
		JsonNode key = Calls.issueKey(this.mvc, this.masterKey,
				"{\"name\":\"uploader\",\"ttlSeconds\":120,\"scopes\":[\"upload\",\"chat\"],\"knowledgeBases\":[\"" + a
						+ "\",\"" + b + "\"]}");
		assertThat(key.get("name").asText()).isEqualTo("uploader");
		assertThat(key.get("scopes")).hasToString("[\"chat\",\"upload\"]");
		assertThat(key.get("knowledgeBases")).hasToString("[\"" + a + "\",\"" + b + "\"]");
		assertThat(Instant.parse(key.get("expiresAt").asText())).isBefore(Instant.now().plus(Duration.ofSeconds(121)));
	}

	@Test
	void rejectsTtlOverThirtyDays() throws Exception {
		issue("{\"ttlSeconds\":" + (Duration.ofDays(30).toSeconds() + 1) + "}").andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("30 days")));
	}

	@Test
	void acceptsTtlOfExactlyThirtyDays() throws Exception {
		issue("{\"ttlSeconds\":" + Duration.ofDays(30).toSeconds() + "}").andExpect(status().isCreated());
	}

	@Test
	void rejectsNonPositiveTtl() throws Exception {
		issue("{\"ttlSeconds\":0}").andExpect(status().isBadRequest());
		issue("{\"ttlSeconds\":-5}").andExpect(status().isBadRequest());
	}

	@Test
	void rejectsUnknownScope() throws Exception {
		issue("{\"scopes\":[\"root\"]}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("chat, upload, admin")));
	}

	@Test
	void refusesAKeyWithAnEmptyListOfScopesRatherThanMakingItAChatKey() throws Exception {
		issue("{\"scopes\":[]}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("scopes is empty")));
	}

	@Test
	void tellsAnyCredentialWhatItMayDoAndNeverTheKeyItself() throws Exception {
		JsonNode issued = Calls.issueKey(this.mvc, this.masterKey,
				"{\"name\":\"reader\",\"scopes\":[\"chat\",\"upload\"]}");
		String key = issued.get("key").asText();
		String body = this.mvc.perform(get("/api/v1/keys/current").secure(true).header("X-API-Key", key))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("api-key"))
			.andExpect(jsonPath("$.id").value(issued.get("id").asText()))
			.andExpect(jsonPath("$.name").value("reader"))
			.andExpect(jsonPath("$.scopes[0]").value("chat"))
			.andExpect(jsonPath("$.scopes[1]").value("upload"))
			.andExpect(jsonPath("$.scopes.length()").value(2))
			.andExpect(jsonPath("$.knowledgeBases[0]").value("*"))
			// no person holds it: its scopes hold in each of its knowledge bases alike
			.andExpect(jsonPath("$.rights").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain(key);
		this.mvc.perform(get("/api/v1/keys/current").secure(true).header("X-Master-Key", this.masterKey))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("master"))
			.andExpect(jsonPath("$.scopes.length()").value(3));
		// the rest of /keys stays the master key's
		this.mvc.perform(get("/api/v1/keys").secure(true).header("X-API-Key", key)).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/keys/current").secure(true)).andExpect(status().isUnauthorized());
	}

	@Test
	void rejectsMalformedKnowledgeBaseIds() throws Exception {
		issue("{\"knowledgeBases\":[\"../etc\"]}").andExpect(status().isBadRequest());
	}

	@Test
	void refusesAKeyForAKnowledgeBaseThatDoesNotExistNamingIt() throws Exception {
		String filings = createKnowledgeBase("filings");
		issue("{\"knowledgeBases\":[\"filings\"]}").andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no knowledge base 'filings'")))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(filings)));
		issue("{\"knowledgeBases\":[\"" + filings + "\",\"kb_missing\"]}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("'kb_missing'")));
	}

	@Test
	void rejectsControlCharactersInName() throws Exception {
		issue("{\"name\":\"a\\u0000b\"}").andExpect(status().isBadRequest());
	}

	@Test
	void listsKeysWithoutTheirSecretsButWithLastUse() throws Exception {
		JsonNode key = Calls.issueKey(this.mvc, this.masterKey, "{\"name\":\"listed\"}");
		Calls.startSession(this.mvc, key.get("key").asText(), "default");
		String list = this.mvc.perform(get("/api/v1/keys").secure(true).header("X-Master-Key", this.masterKey))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.keys[?(@.id == '" + key.get("id").asText() + "')].lastUsedAt").isNotEmpty())
			.andExpect(jsonPath("$.keys[?(@.id == '" + key.get("id").asText() + "')].status").value("active"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains(key.get("id").asText())
			.doesNotContain(key.get("key").asText())
			.doesNotContain("rck_");
	}

	@Test
	void revokedKeyIsRefusedAtOnce() throws Exception {
		JsonNode key = Calls.issueKey(this.mvc, this.masterKey, "{}");
		Calls.startSession(this.mvc, key.get("key").asText(), "default");
		this.mvc
			.perform(delete("/api/v1/keys/" + key.get("id").asText()).secure(true)
				.header("X-Master-Key", this.masterKey))
			.andExpect(status().isNoContent());
		startSession(key.get("key").asText()).andExpect(status().isUnauthorized());
	}

	@Test
	void keyRevokedOnAnotherNodeIsRefusedWithinFiveSeconds() throws Exception {
		JsonNode key = Calls.issueKey(this.mvc, this.masterKey, "{}");
		JsonNode session = Calls.startSession(this.mvc, key.get("key").asText(), "default");
		String bearer = "Bearer " + session.get("token").asText();
		String sessionUrl = "/api/v1/sessions/" + session.get("sessionId").asText();
		this.mvc.perform(get(sessionUrl).secure(true).header("Authorization", bearer)).andExpect(status().isOk());
		this.store.revoke(key.get("id").asText(), Instant.now());
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> this.mvc.perform(get(sessionUrl).secure(true).header("Authorization", bearer))
				.andExpect(status().isUnauthorized()));
	}

	@Test
	void revokingUnknownKeyIsNotFound() throws Exception {
		this.mvc.perform(delete("/api/v1/keys/key_unknown").secure(true).header("X-Master-Key", this.masterKey))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void expiredKeyIsRefused() throws Exception {
		String key = KeyFormat.newKey();
		Instant past = Instant.now().minus(Duration.ofMinutes(1));
		this.store.save(new ApiKey("key_expired" + System.nanoTime(), null, java.util.Set.of(Scope.CHAT), List.of("*"),
				past.minus(Duration.ofHours(1)), past, null, null), Hashes.sha256Hex(key));
		startSession(key).andExpect(status().isUnauthorized());
	}

	@Test
	void mistypedKeyIsRefused() throws Exception {
		String key = issueKey("{}");
		char last = key.charAt(key.length() - 1);
		startSession(key.substring(0, key.length() - 1) + ((last == 'A') ? 'B' : 'A'))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void issuedKeyAppearsNowhereInTheDataDirectory() throws Exception {
		JsonNode issued = Calls.issueKey(this.mvc, this.masterKey, "{\"name\":\"needle\"}");
		this.jdbc.sql("checkpoint sync").update();
		List<Path> files;
		try (Stream<Path> walk = Files.walk(this.properties.dataDir())) {
			files = walk.filter(Files::isRegularFile).toList();
		}
		assertThat(files).isNotEmpty();
		// the key id is stored in plain text, so a scan that finds nothing is a real
		// finding
		assertThat(files).anyMatch((file) -> contains(file, issued.get("id").asText()));
		assertThat(files).noneMatch((file) -> contains(file, issued.get("key").asText()));
		assertThat(files).noneMatch((file) -> contains(file, issued.get("key").asText().substring(4, 30)));
	}

	private static boolean contains(Path file, String text) {
		try {
			String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
			return content.contains(text);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private org.springframework.test.web.servlet.ResultActions issue(String body) throws Exception {
		return this.mvc.perform(post("/api/v1/keys").secure(true)
			.header("X-Master-Key", this.masterKey)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private org.springframework.test.web.servlet.ResultActions startSession(String apiKey) throws Exception {
		return this.mvc.perform(post("/api/v1/sessions").secure(true)
			.header("X-API-Key", apiKey)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"knowledgeBase\":\"default\"}"));
	}

}
