package dev.ragchat.api.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractWebIntegrationTests;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ChatConfigTests extends AbstractWebIntegrationTests {

	@Test
	void sessionsStartFromASharedConfigurationAndMayOverrideIt() throws Exception {
		String owner = issueKey("{}");
		String other = issueKey("{}");
		JsonNode config = json.readTree(this.mvc
			.perform(post("/api/v1/chat-configs").secure(true)
				.header("X-API-Key", owner)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"Harbour helper\",\"knowledgeBase\":\"default\","
						+ "\"systemPrompt\":\"Answer briefly.\",\"temperature\":0.2,\"topK\":4}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
		String id = config.get("id").asText();
		this.mvc.perform(get("/api/v1/chat-configs/" + id).secure(true).header("X-API-Key", other))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Harbour helper"));
		JsonNode started = json.readTree(this.mvc
			.perform(post("/api/v1/sessions").secure(true)
				.header("X-API-Key", other)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"configId\":\"" + id + "\",\"topK\":7}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
		this.mvc
			.perform(get("/api/v1/sessions/" + started.get("sessionId").asText()).secure(true)
				.header("Authorization", "Bearer " + started.get("token").asText()))
			.andExpect(jsonPath("$.knowledgeBase").value("default"))
			.andExpect(jsonPath("$.systemPrompt").value("Answer briefly."))
			.andExpect(jsonPath("$.temperature").value(0.2))
			.andExpect(jsonPath("$.topK").value(7))
			.andExpect(jsonPath("$.configId").value(id));
	}

	@Test
	void onlyItsCreatorChangesAConfiguration() throws Exception {
		String owner = issueKey("{}");
		String other = issueKey("{}");
		String body = "{\"title\":\"T\",\"knowledgeBase\":\"default\"}";
		String id = json
			.readTree(this.mvc.perform(post("/api/v1/chat-configs").secure(true)
				.header("X-API-Key", owner)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body)).andReturn().getResponse().getContentAsString())
			.get("id")
			.asText();
		this.mvc
			.perform(put("/api/v1/chat-configs/" + id).secure(true)
				.header("X-API-Key", other)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"Hijacked\",\"knowledgeBase\":\"default\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put("/api/v1/chat-configs/" + id).secure(true)
				.header("X-API-Key", owner)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"Renamed\",\"knowledgeBase\":\"default\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Renamed"));
	}

	@Test
	void hidesConfigurationsOfKnowledgeBasesOutsideTheKey() throws Exception {
		String owner = issueKey("{}");
		String narrow = issueKey("{\"knowledgeBases\":[\"" + createKnowledgeBase("elsewhere") + "\"]}");
		String id = json.readTree(this.mvc
			.perform(post("/api/v1/chat-configs").secure(true)
				.header("X-API-Key", owner)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"T\",\"knowledgeBase\":\"default\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString()).get("id").asText();
		this.mvc.perform(get("/api/v1/chat-configs/" + id).secure(true).header("X-API-Key", narrow))
			.andExpect(status().isNotFound());
	}

}
