package dev.ragchat.api.analytics;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractHttpsIntegrationTests;
import dev.ragchat.api.chat.SessionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations endpoints through the real HTTPS listener: backups and Prometheus
 * metrics answer the master key only, usage analytics the master key and admin keys (on
 * their knowledge bases), and count what the service did. (Spring Boot's tests leave
 * metrics export off unless asked: the Prometheus endpoint is asked for here.)
 */
@AutoConfigureObservability(tracing = false)
class OperationsEndpointsTests extends AbstractHttpsIntegrationTests {

	@TempDir
	Path dir;

	@Autowired
	SessionStore sessions;

	@Test
	void countsOneKeysSessionQuestionsAndRefusalOfToday() throws Exception {
		String kb = createKnowledgeBase("operations");
		JsonNode issued = postJson("/api/v1/keys", "X-Master-Key", this.masterKey,
				"{\"scopes\":[\"chat\",\"upload\"],\"knowledgeBases\":[\"" + kb + "\"]}")
			.json();
		String key = issued.get("key").asText();
		uploadFactsPdf(key, kb, this.dir);
		JsonNode session = postJson("/api/v1/sessions", "X-API-Key", key, "{\"knowledgeBase\":\"" + kb + "\"}").json();
		String bearer = "Bearer " + session.get("token").asText();
		String messages = "/api/v1/sessions/" + session.get("sessionId").asText() + "/messages";
		JsonNode grounded = postJson(messages, "Authorization", bearer,
				"{\"message\":\"When was the lighthouse on Kestrel Point automated?\"}")
			.json();
		assertThat(grounded.get("grounded").asBoolean()).isTrue();
		// a thumbs up for it
		assertThat(call(this.rest.put()
			.uri(java.net.URI.create(url(messages + "/" + grounded.get("id").asText() + "/feedback")))
			.header("Authorization", bearer)
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body("{\"rating\":\"up\"}")).status()).isEqualTo(200);
		assertThat(postJson(messages, "Authorization", bearer,
				"{\"message\":\"What is the airspeed velocity of an unladen swallow?\"}")
			.json()
			.get("grounded")
			.asBoolean()).isFalse();

		String today = LocalDate.now(ZoneOffset.UTC).toString();
		Answer answer = call("GET",
				"/api/v1/admin/analytics?from=" + today + "&to=" + today + "&key=" + issued.get("id").asText(),
				"X-Master-Key", this.masterKey);
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		JsonNode totals = answer.json().get("totals");
		assertThat(totals.get("sessions").asLong()).isEqualTo(1);
		assertThat(totals.get("questions").asLong()).isEqualTo(2);
		assertThat(totals.get("grounded").asLong()).isEqualTo(1);
		assertThat(totals.get("refused").asLong()).isEqualTo(1);
		assertThat(totals.get("latencyMs").get("answers").asLong()).isEqualTo(2);
		assertThat(totals.get("feedback").get("up").asLong()).isEqualTo(1);
		assertThat(totals.get("feedback").get("down").asLong()).isZero();
		assertThat(answer.json().get("days")).singleElement()
			.satisfies((day) -> assertThat(day.get("day").asText()).isEqualTo(today));
		assertThat(answer.json().get("topCitedDocuments").get(0).get("filename").asText()).isEqualTo("harbour.pdf");

		JsonNode ofKb = call("GET", "/api/v1/admin/analytics?from=" + today + "&to=" + today + "&knowledgeBase=" + kb,
				"X-Master-Key", this.masterKey)
			.json();
		assertThat(ofKb.get("totals").get("uploads").asLong()).isEqualTo(1);
		assertThat(ofKb.get("totals").get("pagesIngested").asLong()).isEqualTo(4);
	}

	@Test
	void showsAnAdminKeyTheUsageOfItsKnowledgeBasesOnly() {
		String mine = createKnowledgeBase("admin's own");
		String other = createKnowledgeBase("someone else's");
		JsonNode chatKey = postJson("/api/v1/keys", "X-Master-Key", this.masterKey,
				"{\"scopes\":[\"chat\"],\"knowledgeBases\":[\"" + mine + "\",\"" + other + "\"]}")
			.json();
		String chat = chatKey.get("key").asText();
		for (String kb : java.util.List.of(mine, other, other)) {
			assertThat(postJson("/api/v1/sessions", "X-API-Key", chat, "{\"knowledgeBase\":\"" + kb + "\"}").status())
				.isEqualTo(201);
		}
		String admin = issueKey("{\"scopes\":[\"admin\"],\"knowledgeBases\":[\"" + mine + "\"]}");
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		Answer answer = call("GET", "/api/v1/admin/analytics?from=" + today + "&to=" + today, "X-API-Key", admin);
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		assertThat(answer.json().get("totals").get("sessions").asLong()).isEqualTo(1);
		assertThat(answer.json().get("knowledgeBases")).singleElement()
			.satisfies((kb) -> assertThat(kb.asText()).isEqualTo(mine));
		// the master key sees both
		JsonNode all = call("GET",
				"/api/v1/admin/analytics?from=" + today + "&to=" + today + "&key=" + chatKey.get("id").asText(),
				"X-Master-Key", this.masterKey)
			.json();
		assertThat(all.get("totals").get("sessions").asLong()).isEqualTo(3);
		// another knowledge base is not found; a key without admin is refused
		Answer elsewhere = call("GET", "/api/v1/admin/analytics?knowledgeBase=" + other, "X-API-Key", admin);
		assertThat(elsewhere.status()).isEqualTo(404);
		assertThat(elsewhere.text()).contains("No knowledge base '" + other + "'");
		assertThat(call("GET", "/api/v1/admin/analytics", "X-API-Key", chat).status()).isEqualTo(403);
	}

	@Test
	void namesKeysAndPersonasNotByIdAndSaysWhichAreDeleted() {
		String mine = createKnowledgeBase("named usage");
		String other = createKnowledgeBase("another team's");
		JsonNode chatKey = postJson("/api/v1/keys", "X-Master-Key", this.masterKey,
				"{\"name\":\"harbour desk\",\"scopes\":[\"chat\"],\"knowledgeBases\":[\"" + mine + "\",\"" + other
						+ "\"]}")
			.json();
		String chat = chatKey.get("key").asText();
		String guide = postJson("/api/v1/chat-configs", "X-API-Key", chat,
				"{\"title\":\"Harbour guide\",\"knowledgeBase\":\"" + mine + "\"}")
			.json()
			.get("id")
			.asText();
		String secret = postJson("/api/v1/chat-configs", "X-API-Key", chat,
				"{\"title\":\"Their secret persona\",\"knowledgeBase\":\"" + other + "\"}")
			.json()
			.get("id")
			.asText();
		for (String persona : java.util.List.of(guide, secret)) {
			// both asked in my knowledge base: one with a persona of another
			assertThat(postJson("/api/v1/sessions", "X-API-Key", chat,
					"{\"knowledgeBase\":\"" + mine + "\",\"configId\":\"" + persona + "\"}")
				.status()).isEqualTo(201);
		}
		// a session of a key and a persona the catalog no longer has, kept to the
		// millisecond
		// as the application's clock keeps times
		java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		this.sessions.save(new dev.ragchat.api.chat.ChatSession("ses_gone" + System.nanoTime(), "key_gone", mine,
				"cfg_gone", null, null, null, null, now, now.plusSeconds(60), null, null));

		String today = LocalDate.now(ZoneOffset.UTC).toString();
		// the whole day: a report that ends "now" may end in the millisecond the session
		// began
		JsonNode all = call("GET", "/api/v1/admin/analytics?from=" + today + "&to=" + today + "&knowledgeBase=" + mine,
				"X-Master-Key", this.masterKey)
			.json();
		assertThat(names(all.get("byKey"), "keyId", "name")).containsEntry(chatKey.get("id").asText(), "harbour desk")
			.containsEntry("key_gone", "deleted key key_gone");
		assertThat(names(all.get("byChatConfig"), "configId", "title")).containsEntry(guide, "Harbour guide")
			.containsEntry(secret, "Their secret persona")
			.containsEntry("cfg_gone", "deleted persona cfg_gone");

		// an admin key of my knowledge base only: the other's persona keeps its title
		String admin = issueKey("{\"scopes\":[\"admin\"],\"knowledgeBases\":[\"" + mine + "\"]}");
		Answer limited = call("GET", "/api/v1/admin/analytics?from=" + today + "&to=" + today, "X-API-Key", admin);
		assertThat(limited.status()).as(limited.text()).isEqualTo(200);
		assertThat(names(limited.json().get("byChatConfig"), "configId", "title")).containsEntry(guide, "Harbour guide")
			.containsEntry(secret, "a persona of another knowledge base");
		assertThat(limited.text()).doesNotContain("Their secret persona", "another team's");
	}

	private static java.util.Map<String, String> names(JsonNode rows, String id, String name) {
		java.util.Map<String, String> names = new java.util.HashMap<>();
		rows.forEach((row) -> names.put(row.get(id).asText(), row.get(name).asText()));
		return names;
	}

	@Test
	void servesPrometheusMetricsToTheMasterKeyOnly() {
		assertThat(call("GET", "/actuator/prometheus", null, null).status()).isEqualTo(401);
		String chat = issueKey("{\"scopes\":[\"chat\",\"upload\",\"admin\"]}");
		assertThat(call("GET", "/actuator/prometheus", "X-API-Key", chat).status()).isEqualTo(403);
		Answer metrics = call("GET", "/actuator/prometheus", "X-Master-Key", this.masterKey);
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.text()).contains("ragchat_questions_total", "ragchat_answers_total{outcome=\"refused\"}",
				"ragchat_answer_latency_seconds_count", "ragchat_answer_tokens_total", "ragchat_ingestion_pages_total");
	}

	@Test
	void takesAndListsABackupForTheMasterKeyOnly() {
		String admin = issueKey("{\"scopes\":[\"admin\"]}");
		assertThat(call("POST", "/api/v1/admin/backups", "X-API-Key", admin).status()).isEqualTo(403);
		Answer taken = call("POST", "/api/v1/admin/backups", "X-Master-Key", this.masterKey);
		assertThat(taken.status()).as(taken.text()).isEqualTo(201);
		String name = taken.json().get("name").asText();
		assertThat(name).matches("ragchat-backup-\\d{8}T\\d{9}Z\\.zip");
		assertThat(call("GET", "/api/v1/admin/backups", "X-Master-Key", this.masterKey).json().get("backups"))
			.anySatisfy((backup) -> assertThat(backup.get("name").asText()).isEqualTo(name));
	}

}
