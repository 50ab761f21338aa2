package dev.ragchat.api.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractWebIntegrationTests;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Ratings of answers over HTTP: given with the session's token, listed per knowledge base
 * with a key that may use it.
 */
class FeedbackTests extends AbstractWebIntegrationTests {

	@Test
	void storesARatingPerAnswerAndListsItForTheKnowledgeBase() throws Exception {
		String kb = createKnowledgeBase("rated");
		String key = issueKey("{\"knowledgeBases\":[\"" + kb + "\"]}");
		String other = issueKey("{\"knowledgeBases\":[\"default\"]}");
		JsonNode session = json.readTree(
				this.mvc
					.perform(post("/api/v1/sessions").secure(true)
						.header("X-API-Key", key)
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"knowledgeBase\":\"" + kb + "\"}"))
					.andReturn()
					.getResponse()
					.getContentAsString());
		String id = session.get("sessionId").asText();
		String token = session.get("token").asText();
		JsonNode answer = json.readTree(this.mvc
			.perform(post("/api/v1/sessions/" + id + "/messages").secure(true)
				.header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"message\":\"Anything about lighthouses?\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		String messageId = answer.get("id").asText();

		rate(id, messageId, token, "{\"rating\":\"up\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.rating").value("up"));
		rate(id, messageId, token, "{\"rating\":\"down\",\"reason\":\"Says nothing\"}").andExpect(status().isOk());
		rate(id, messageId, token, "{\"rating\":\"meh\"}").andExpect(status().isBadRequest());
		rate(id, "msg_nope", token, "{\"rating\":\"up\"}").andExpect(status().isNotFound());

		this.mvc.perform(get("/api/v1/knowledge-bases/" + kb + "/feedback").secure(true).header("X-API-Key", key))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.feedback[0].messageId").value(messageId))
			.andExpect(jsonPath("$.feedback[0].rating").value("down"))
			.andExpect(jsonPath("$.feedback[0].reason").value("Says nothing"));
		// a key for another knowledge base sees none of it
		this.mvc.perform(get("/api/v1/knowledge-bases/" + kb + "/feedback").secure(true).header("X-API-Key", other))
			.andExpect(status().isNotFound());
		assertThat(this.mvc
			.perform(get("/api/v1/knowledge-bases/" + kb + "/feedback").secure(true)
				.header("X-Master-Key", this.masterKey))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains(messageId);
	}

	private ResultActions rate(String session, String message, String token, String body) throws Exception {
		return this.mvc.perform(put("/api/v1/sessions/" + session + "/messages/" + message + "/feedback").secure(true)
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

}
