package dev.ragchat.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The calls most tests start with: issue a key, start a session.
 */
public final class Calls {

	private static final ObjectMapper json = new ObjectMapper();

	private Calls() {
	}

	public static JsonNode issueKey(MockMvc mvc, String masterKey, String body) throws Exception {
		MvcResult result = mvc
			.perform(post("/api/v1/keys").secure(true)
				.header("X-Master-Key", masterKey)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andReturn();
		return json.readTree(result.getResponse().getContentAsString());
	}

	public static JsonNode startSession(MockMvc mvc, String apiKey, String knowledgeBase) throws Exception {
		MvcResult result = mvc
			.perform(post("/api/v1/sessions").secure(true)
				.header("X-API-Key", apiKey)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"knowledgeBase\":\"" + knowledgeBase + "\"}"))
			.andExpect(status().isCreated())
			.andReturn();
		return json.readTree(result.getResponse().getContentAsString());
	}

}
