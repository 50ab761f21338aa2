package dev.ragchat.api.analytics;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractHttpsIntegrationTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations endpoints through the real HTTPS listener: usage analytics, backups and
 * Prometheus metrics answer the master key only, and count what the service did. (Spring
 * Boot's tests leave metrics export off unless asked: the Prometheus endpoint is asked
 * for here.)
 */
@AutoConfigureObservability(tracing = false)
class OperationsEndpointsTests extends AbstractHttpsIntegrationTests {

	@TempDir
	Path dir;

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
		assertThat(postJson(messages, "Authorization", bearer,
				"{\"message\":\"When was the lighthouse on Kestrel Point automated?\"}")
			.json()
			.get("grounded")
			.asBoolean()).isTrue();
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
		assertThat(answer.json().get("days")).singleElement()
			.satisfies((day) -> assertThat(day.get("day").asText()).isEqualTo(today));
		assertThat(answer.json().get("topCitedDocuments").get(0).get("filename").asText()).isEqualTo("harbour.pdf");

		JsonNode ofKb = call("GET", "/api/v1/admin/analytics?from=" + today + "&knowledgeBase=" + kb, "X-Master-Key",
				this.masterKey)
			.json();
		assertThat(ofKb.get("totals").get("uploads").asLong()).isEqualTo(1);
		assertThat(ofKb.get("totals").get("pagesIngested").asLong()).isEqualTo(4);
	}

	@Test
	void refusesAnalyticsToAnAdminKeyAndABadDay() {
		String admin = issueKey("{\"scopes\":[\"admin\"]}");
		assertThat(call("GET", "/api/v1/admin/analytics", "X-API-Key", admin).status()).isEqualTo(403);
		Answer bad = call("GET", "/api/v1/admin/analytics?from=yesterday", "X-Master-Key", this.masterKey);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.text()).contains("from must be a UTC day");
	}

	@Test
	void servesPrometheusMetricsToTheMasterKeyOnly() {
		assertThat(call("GET", "/actuator/prometheus", null, null).status()).isEqualTo(401);
		String chat = issueKey("{\"scopes\":[\"chat\",\"upload\",\"admin\"]}");
		assertThat(call("GET", "/actuator/prometheus", "X-API-Key", chat).status()).isEqualTo(403);
		Answer metrics = call("GET", "/actuator/prometheus", "X-Master-Key", this.masterKey);
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.text()).contains("ragchat_questions_total", "ragchat_answers_total{outcome=\"refused\"}",
				"ragchat_answer_latency_seconds_count", "ragchat_ingestion_pages_total");
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
