package dev.ragchat.api.audit;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractWebIntegrationTests;
import dev.ragchat.api.Calls;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/v1/admin/audit}: the master key reads the trail back, filtered by time
 * and action; nobody else may.
 */
class AuditReadBackTests extends AbstractWebIntegrationTests {

	@Test
	void theMasterKeyReadsEventsFilteredByTimeAndAction() throws Exception {
		Instant before = Instant.now();
		String kb = createKnowledgeBase("read-back");
		String id = Calls.issueKey(this.mvc, this.masterKey, "{}").get("id").asText();
		JsonNode events = read("/api/v1/admin/audit?action=knowledge-base.created&from=" + before).get("events");
		assertThat(events).extracting((e) -> e.get("target").asText()).contains("knowledge-base:" + kb);
		assertThat(events).allMatch((e) -> "knowledge-base.created".equals(e.get("action").asText()));
		assertThat(events).noneMatch((e) -> ("key:" + id).equals(e.get("target").asText()));
		JsonNode issued = read("/api/v1/admin/audit?action=key.issued&from=" + before).get("events");
		assertThat(issued.get(issued.size() - 1).get("target").asText()).isEqualTo("key:" + id);
		assertThat(read("/api/v1/admin/audit?to=" + before + "&action=key.issued&from=" + before.minusSeconds(3600))
			.get("events")).noneMatch((e) -> ("key:" + id).equals(e.get("target").asText()));
		assertThat(read("/api/v1/admin/audit?limit=1").get("events")).hasSize(1);
	}

	@Test
	void anApiKeyEvenWithAdminScopeIsRefusedAndNoCredentialIsUnauthorized() throws Exception {
		String admin = issueKey("{\"scopes\":[\"admin\",\"chat\",\"upload\"]}");
		this.mvc.perform(get("/api/v1/admin/audit").secure(true).header("X-API-Key", admin))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/admin/audit").secure(true)).andExpect(status().isUnauthorized());
	}

	private JsonNode read(String path) throws Exception {
		return json.readTree(this.mvc.perform(get(path).secure(true).header("X-Master-Key", this.masterKey))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
