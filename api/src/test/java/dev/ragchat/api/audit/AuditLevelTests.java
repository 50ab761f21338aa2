package dev.ragchat.api.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ragchat.api.keys.Hashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a question event holds at each level, and the events' own shape.
 */
class AuditLevelTests {

	private static final String QUESTION = "Who may read the payroll ledger?";

	@TempDir
	Path dataDir;

	@Test
	void theDefaultLevelWritesTheQuestionsHashButNotItsText() throws Exception {
		Audit audit = audit(new AuditProperties(AuditProperties.Level.METADATA));
		audit.questionAsked("key_1", "s_1", QUESTION);
		JsonNode event = AuditLog.single(audit.file(), "question.asked", "session:s_1");
		assertThat(event.get("detail").get("questionSha256").asText()).isEqualTo(Hashes.sha256Hex(QUESTION));
		assertThat(event.get("detail").has("question")).isFalse();
		assertThat(Files.readString(audit.file())).doesNotContain(QUESTION);
	}

	@Test
	void theRequestLevelWritesTheQuestionsTextToo() throws Exception {
		Audit audit = audit(new AuditProperties(AuditProperties.Level.REQUEST));
		audit.questionAsked("key_1", "s_1", QUESTION);
		JsonNode event = AuditLog.single(audit.file(), "question.asked", "session:s_1");
		assertThat(event.get("detail").get("question").asText()).isEqualTo(QUESTION);
		assertThat(event.get("detail").get("questionSha256").asText()).isEqualTo(Hashes.sha256Hex(QUESTION));
	}

	@Test
	void eachEventIsOneJsonLineWithTimeKeyIdAddressActionTargetAndOutcome() throws Exception {
		Audit audit = audit(new AuditProperties(AuditProperties.Level.METADATA));
		audit.sourcesCited("key_1", "s_1", List.of(new Audit.Source("doc_1", 3)));
		audit.keyIssued(null, "key_2");
		List<String> lines = Files.readAllLines(audit.file());
		assertThat(lines).hasSize(2);
		JsonNode cited = new ObjectMapper().readTree(lines.get(0));
		assertThat(cited.get("time").asText()).isEqualTo("2026-01-31T12:00:00Z");
		assertThat(cited.get("keyId").asText()).isEqualTo("key_1");
		assertThat(cited.get("address").asText()).isEqualTo("192.0.2.7");
		assertThat(cited.get("action").asText()).isEqualTo("sources.cited");
		assertThat(cited.get("target").asText()).isEqualTo("session:s_1");
		assertThat(cited.get("outcome").asText()).isEqualTo("success");
		assertThat(cited.get("detail").get("sources").get(0).get("documentId").asText()).isEqualTo("doc_1");
		assertThat(new ObjectMapper().readTree(lines.get(1)).get("keyId").asText()).isEqualTo("master");
	}

	@Test
	void readingBackFiltersByTimeAndActionAndKeepsTheNewest() {
		Audit audit = audit(new AuditProperties(AuditProperties.Level.METADATA));
		for (int i = 0; i < 5; i++) {
			audit.keyIssued(null, "key_" + i);
		}
		audit.keyRevoked(null, "key_0");
		assertThat(audit.read(null, null, "key.issued", 2)).extracting(AuditEvent::target)
			.containsExactly("key:key_3", "key:key_4");
		assertThat(audit.read(null, null, "key.revoked", 10)).hasSize(1);
		Instant at = Instant.parse("2026-01-31T12:00:00Z");
		assertThat(audit.read(at, at.plusSeconds(1), null, 100)).hasSize(6);
		assertThat(audit.read(at.plusSeconds(1), null, null, 100)).isEmpty();
		assertThat(audit.read(null, at, null, 100)).isEmpty();
	}

	private Audit audit(AuditProperties properties) {
		ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
		Clock clock = Clock.fixed(Instant.parse("2026-01-31T12:00:00Z"), ZoneOffset.UTC);
		return new Audit(properties, this.dataDir, clock, json, () -> "192.0.2.7");
	}

}
